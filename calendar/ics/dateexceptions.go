package ics

import (
	"strconv"
	"strings"
	"time"
)

// A DATE where a timed series needs a DATE-TIME: EXDATE;VALUE=DATE on a
// timed series (Google Calendar writes it; RFC 5545 erratum 6316) and
// RECURRENCE-ID;VALUE=DATE on an override of one. Both mean the
// occurrences that start on that date in the series' zone, which these
// functions name by their DATE-TIMEs.

// maxStartsPerDay bounds how many starts a date stands for (a SECONDLY
// rule has 86,400 a day; a person's calendar has none of those).
const maxStartsPerDay = 1440

// seriesShape is what decides where a series' occurrences start on a day:
// DTSTART, the rule's frequency and time parts, and the RDATEs.
type seriesShape struct {
	dtstart rawTime
	rule    rule
	rdates  []rawTime
}

// startsOn returns the wall-clock starts, in DTSTART's zone, that the
// series can have on day: DTSTART's time of day, or the rule's BYHOUR,
// BYMINUTE and BYSECOND combined, or for a sub-daily rule every step of
// it that falls on the day, and the RDATEs of that day.
func (s seriesShape) startsOn(day civil) []rawTime {
	dt := s.dtstart
	at := func(c civil) rawTime {
		c.hasTime, c.utc = true, dt.c.utc
		return rawTime{c: c, tzid: dt.tzid, hasTZID: dt.hasTZID, line: dt.line}
	}
	var out []rawTime
	parts := map[string][]int{}
	freq, interval := "", 1
	for _, p := range s.rule.Parts {
		switch p.Name {
		case "FREQ":
			freq = p.Value
		case "INTERVAL":
			if n, err := strconv.Atoi(p.Value); err == nil && n > 0 {
				interval = n
			}
		case "BYHOUR", "BYMINUTE", "BYSECOND":
			for _, v := range strings.Split(p.Value, ",") {
				if n, err := strconv.Atoi(v); err == nil {
					parts[p.Name] = append(parts[p.Name], n)
				}
			}
		}
	}
	keep := func(c civil) bool {
		for name, v := range map[string]int{"BYHOUR": c.hour, "BYMINUTE": c.min, "BYSECOND": c.sec} {
			if allowed, ok := parts[name]; ok && !containsInt(allowed, v) {
				return false
			}
		}
		return true
	}
	step := map[string]int64{"HOURLY": 3600, "MINUTELY": 60, "SECONDLY": 1}[freq] * int64(interval)
	dayStart := time.Date(day.year, day.month, day.day, 0, 0, 0, 0, time.UTC)
	if step > 0 {
		// Steps of the rule from DTSTART, as a floating wall clock.
		first := dt.c.asUTC()
		k := (dayStart.Unix() - first.Unix() + step - 1) / step
		for t := first.Add(time.Duration(max(k, 0)*step) * time.Second); t.Before(dayStart.AddDate(0, 0, 1)) && len(out) < maxStartsPerDay; t = t.Add(time.Duration(step) * time.Second) {
			if c := civilOf(t); !t.Before(dayStart) && keep(c) {
				out = append(out, at(c))
			}
		}
	} else {
		hours, mins, secs := orOne(parts["BYHOUR"], dt.c.hour), orOne(parts["BYMINUTE"], dt.c.min), orOne(parts["BYSECOND"], dt.c.sec)
		for _, h := range hours {
			for _, m := range mins {
				for _, sec := range secs {
					if len(out) < maxStartsPerDay {
						out = append(out, at(civil{year: day.year, month: day.month, day: day.day, hour: h, min: m, sec: sec}))
					}
				}
			}
		}
		if len(parts) > 0 && !containsStart(out, dt.c) && sameDay(dt.c, day) {
			out = append(out, at(dt.c)) // DTSTART is an occurrence even off the rule
		}
	}
	for _, r := range s.rdates {
		if r.c.hasTime && sameDay(r.c, day) {
			out = append(out, r)
		}
	}
	return out
}

func orOne(v []int, def int) []int {
	if len(v) == 0 {
		return []int{def}
	}
	return v
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func containsStart(s []rawTime, c civil) bool {
	for _, r := range s {
		if r.c.hour == c.hour && r.c.min == c.min && r.c.sec == c.sec {
			return true
		}
	}
	return false
}

func sameDay(a, b civil) bool { return a.year == b.year && a.month == b.month && a.day == b.day }

// isSeriesProp reports whether the first pass needs line to know a
// series: its UID, DTSTART, RRULE and RECURRENCE-ID.
func isSeriesProp(line string) bool {
	for _, p := range [...]string{"UID", "DTSTART", "RRULE", "RECURRENCE-ID"} {
		if hasPrefixFold(line, p) && len(line) > len(p) && (line[len(p)] == ':' || line[len(p)] == ';') {
			return true
		}
	}
	return false
}

// scanSeries reads, in the first pass, what addSeries keeps; a value
// that cannot be read is left to the second pass to report.
func (d *decoder) scanSeries(cl *contentLine, no int) {
	switch cl.name {
	case "UID", "DTSTART", "RRULE", "RECURRENCE-ID":
		_ = d.ev.add(cl, no)
	}
}

// addSeries remembers a timed series the first pass has read whole, and
// an override that will need its series' shape (occurrenceOn).
func (r *resolver) addSeries(b *eventBuilder) {
	if b.has(propRECURRENCEID) {
		if !b.recurrenceID.c.hasTime && b.has(propDTSTART) && b.dtstart.c.hasTime && b.uid != "" {
			if r.dateOverrides == nil {
				r.dateOverrides = map[string]struct{}{}
			}
			r.dateOverrides[b.uid] = struct{}{}
		}
		return
	}
	if !b.has(propDTSTART) || !b.dtstart.c.hasTime || b.uid == "" {
		return
	}
	if _, asked := r.shapesFor[b.uid]; !asked {
		return
	}
	if r.series == nil {
		r.series = map[string]seriesShape{}
	}
	if _, ok := r.series[b.uid]; !ok {
		r.series[b.uid] = seriesShape{dtstart: b.dtstart, rule: b.rrule}
	}
}

// findShapesForOverrides reads, after the first pass, the shapes of the
// series the file's DATE overrides ask about (occurrenceOn), and only
// those: a pass of its own over the same lines, made only when the file
// has such overrides. Keeping every timed item's shape in the first pass,
// since an override may come before its series, cost as much memory as
// the items themselves (some 300 bytes each).
func (r *resolver) findShapesForOverrides(lr *lineReader, opt Options) {
	if len(r.dateOverrides) > 0 {
		lr.rewind()
		shapes := newResolver(opt.Zone)
		shapes.shapesFor = r.dateOverrides
		(&decoder{cal: &Calendar{}, lines: lr, res: shapes, opt: opt, scan: true}).run()
		r.series = shapes.series
	}
	r.dateOverrides = nil
}

// occurrenceOn names by its DATE-TIME the occurrence an override's DATE
// RECURRENCE-ID means: the start its series has on that date, the one at
// the override's own time of day when the series has several. Without
// its series in the file, the override's time of day on that date is the
// best guess (an override usually moves the day, not the hour).
func (r *resolver) occurrenceOn(b *eventBuilder, rid rawTime) rawTime {
	own := b.dtstart
	own.c.year, own.c.month, own.c.day = rid.c.year, rid.c.month, rid.c.day
	s, ok := r.series[b.uid]
	if !ok {
		return own
	}
	starts := s.startsOn(rid.c)
	if len(starts) == 0 {
		return own
	}
	for _, c := range starts {
		if c.c.hour == own.c.hour && c.c.min == own.c.min && c.c.sec == own.c.sec {
			return c
		}
	}
	return starts[0]
}
