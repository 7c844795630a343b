package ics

import (
	"strings"
	"time"
)

// period is an RDATE given as a PERIOD (RFC 5545 §3.3.9): a start and an
// end or a duration. The occurrence it adds has the period's length, not
// its series' (§3.8.5.2).
type period struct {
	start  rawTime
	end    rawTime // when hasEnd
	dur    duration
	hasEnd bool
}

// readPeriods returns the PERIOD values of an RDATE; readTimeList has
// checked them already and keeps their starts.
func readPeriods(cl *contentLine, no int) []period {
	tzid, hasTZID := cl.param("TZID")
	var out []period
	for _, v := range strings.Split(cl.value, ",") {
		v = strings.TrimSpace(v)
		i := strings.IndexByte(v, '/')
		if i < 0 {
			continue
		}
		start, ok := parseCivil(v[:i])
		if !ok {
			continue
		}
		p := period{start: rawTime{c: start, tzid: tzid, hasTZID: hasTZID, line: no}}
		if d, ok := parseDuration(v[i+1:]); ok {
			p.dur = d
		} else if end, ok := parseCivil(v[i+1:]); ok {
			p.end, p.hasEnd = rawTime{c: end, tzid: tzid, hasTZID: hasTZID, line: no}, true
		} else {
			continue
		}
		out = append(out, p)
	}
	return out
}

// periodOverrides returns, for each PERIOD RDATE of a timed series whose
// length differs from the series', its occurrence as an override
// (RECURRENCE-ID the period's start, RFC 5545 §3.8.4.4) with the period's
// end: the calendar keeps one length per series and lengths per override.
func (d *decoder) periodOverrides(b *eventBuilder, master Event) []Event {
	if len(b.periods) == 0 || !b.has(propDTSTART) || !b.dtstart.c.hasTime || b.has(propRECURRENCEID) {
		return nil
	}
	length := master.End.Sub(master.Start)
	var out []Event
	x := eventContext{d: d, cal: b.cal}
	for _, p := range b.periods {
		start, z := x.at(p.start)
		var end time.Time
		if p.hasEnd {
			end, _ = x.at(p.end)
		} else {
			end = p.dur.after(civilOf(start), z.loc)
		}
		if !end.After(start) || end.Sub(start) == length {
			continue
		}
		o := master
		o.RecurrenceID, o.Start, o.End = start, start, end
		o.ZoneName = z.name
		if z.name == "" {
			o.ZoneName = master.ZoneName
		}
		o.RRule, o.RDates, o.ExDates, o.Warnings, o.Line = "", nil, nil, nil, p.start.line
		out = append(out, o)
	}
	return out
}
