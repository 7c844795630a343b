package calendar

import (
	"strings"
	"time"
)

// PortableRule returns e's RRULE as other readers should get it to find
// the occurrences this calendar shows, and whether DTSTART must be
// written as an RDATE too. RFC 5545 §3.8.5.3 makes DTSTART the first
// occurrence even when the rule would not produce it, and counts it in
// COUNT, but calls such a set undefined: python-dateutil, and readers
// built on it such as khal, leave DTSTART out; recurring_ical_events adds
// it to COUNT rule dates, one more than here. For such a series COUNT
// becomes an UNTIL at the last start this calendar expands, and DTSTART
// is repeated as an RDATE, which every reader reads alike. Any other
// rule is returned as it is. loc is the leader's zone (all-day series).
func PortableRule(e Engagement, loc *time.Location) (rule string, startAsRDate bool) {
	if e.RRule == "" || e.IsOccurrence() {
		return e.RRule, false
	}
	e.SeriesEnd = time.Time{} // expand by COUNT, not by the stored end
	r, err := newRecurrence(e, loc)
	if err != nil || r.rule == nil {
		return e.RRule, false
	}
	horizon := r.dtF.AddDate(maxWindow, 0, 0)
	if r.count == 0 {
		horizon = r.dtF.AddDate(1, 0, 0) // the first rule date is all that is asked
	}
	lastF, onRule, first := r.dtF, false, true
	err = r.ruleStarts(r.dtF, horizon, func(f time.Time) bool {
		if first {
			onRule, first = f.Equal(r.dtF), false
		}
		if f.After(lastF) {
			lastF = f
		}
		return r.count > 0
	})
	if err != nil || onRule {
		return e.RRule, false
	}
	if r.count == 0 {
		return e.RRule, true
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
	return strings.Join(parts, ";"), true
}
