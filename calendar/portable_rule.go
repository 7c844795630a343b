package calendar

import (
	"strings"
	"time"
)

// PortableRule returns e's RRULE as other readers should get it to find
// the occurrences this calendar shows. RFC 5545 §3.8.5.3 counts DTSTART
// as the first occurrence even when the rule would not produce it, and
// calls such a set undefined; python-dateutil, and readers built on it,
// add DTSTART to COUNT rule occurrences, one more than here. For such a
// series COUNT is replaced by an UNTIL at the last start this calendar
// expands, which every reader reads alike. Any other rule is returned as
// it is. loc is the leader's zone (all-day series).
func PortableRule(e Engagement, loc *time.Location) string {
	if e.RRule == "" || e.IsOccurrence() {
		return e.RRule
	}
	e.SeriesEnd = time.Time{} // expand by COUNT, not by the stored end
	r, err := newRecurrence(e, loc)
	if err != nil || r.rule == nil || r.count == 0 {
		return e.RRule
	}
	lastF, onRule, first := r.dtF, false, true
	err = r.ruleStarts(r.dtF, r.dtF.AddDate(maxWindow, 0, 0), func(f time.Time) bool {
		if first {
			onRule, first = f.Equal(r.dtF), false
		}
		if f.After(lastF) {
			lastF = f
		}
		return true
	})
	if err != nil || onRule {
		return e.RRule
	}
	until := r.unfloat(lastF).UTC().Format("20060102T150405Z")
	if r.allDay {
		until = lastF.Format("20060102")
	}
	parts := strings.Split(e.RRule, ";")
	for i, p := range parts {
		if strings.HasPrefix(strings.ToUpper(p), "COUNT=") {
			parts[i] = "UNTIL=" + until
		}
	}
	return strings.Join(parts, ";")
}
