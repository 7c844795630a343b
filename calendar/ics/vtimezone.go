package ics

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// vtimezone is a VTIMEZONE component as read (RFC 5545 §3.6.5): a TZID and
// its STANDARD and DAYLIGHT observances.
type vtimezone struct {
	tzid string
	line int
	cal  int // which VCALENDAR of the file holds it
	obs  []observance

	firstOnset int64 // unix time of the earliest onset, set by transitions
}

// observance is one STANDARD or DAYLIGHT sub-component: from its onset
// (DTSTART, a local time in the offset TZOFFSETFROM), and at each
// repetition by RRULE or RDATE, the zone's offset becomes TZOFFSETTO.
type observance struct {
	line     int
	dst      bool
	start    civil
	from, to int // seconds east of UTC
	name     string
	rrule    string
	rdates   []civil
	hasStart bool
	hasFrom  bool
	hasTo    bool
}

// parseUTCOffset reads a UTC-OFFSET value (RFC 5545 §3.3.14):
// ("+" / "-") HHMM [SS]. "-0000", which the RFC forbids, is read as UTC;
// "+05:30" as producers sometimes write it is accepted.
func parseUTCOffset(s string) (int, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ":", "")
	if len(s) != 5 && len(s) != 7 || s[0] != '+' && s[0] != '-' {
		return 0, false
	}
	h, ok1 := digits(s[1:3])
	m, ok2 := digits(s[3:5])
	sec, ok3 := 0, true
	if len(s) == 7 {
		sec, ok3 = digits(s[5:7])
	}
	if !ok1 || !ok2 || !ok3 || h > 23 || m > 59 || sec > 59 {
		return 0, false
	}
	off := h*3600 + m*60 + sec
	if s[0] == '-' {
		off = -off
	}
	return off, true
}

// Bounds of the transitions computed from a VTIMEZONE: rules are followed
// from 1850 (or their start) to 2100; past the last one the last offset
// holds.
const (
	vtzFirstYear = 1850
	vtzLastYear  = 2100
	maxOnsets    = 1000 // per observance
)

var errUnsupportedRule = errors.New("unsupported RRULE")

// fileZone is an evaluated VTIMEZONE: the location its rules give and the
// span they define. Before the first onset a VTIMEZONE says nothing (RFC
// 5545 §3.6.5), and one whose rules end in daylight saving time was cut
// short and says nothing after that; outside that span the matching IANA
// zone, if any, knows better.
type fileZone struct {
	loc      *time.Location
	from, to time.Time // to is zero when a rule repeats without end
}

// evaluate computes the zone v defines, named name.
func (v *vtimezone) evaluate(name string) (*fileZone, error) {
	first, tx, openEnded, err := v.transitions()
	if err != nil {
		return nil, err
	}
	loc, err := buildLocation(name, first, tx)
	if err != nil {
		return nil, err
	}
	z := &fileZone{loc: loc, from: time.Unix(v.firstOnset, 0)}
	if n := len(tx); !openEnded && n > 0 && tx[n-1].typ.dst {
		// Daylight saving time for ever: the rules were cut short.
		z.to = time.Unix(tx[n-1].at, 0)
	}
	return z, nil
}

// transitions evaluates v's observances into offset changes, in time
// order, the zone type that holds before the first, and whether some rule
// repeats without end.
func (v *vtimezone) transitions() (first zoneType, out []transition, openEnded bool, err error) {
	if len(v.obs) == 0 {
		return first, nil, false, errors.New("no STANDARD or DAYLIGHT component")
	}
	var tx []transition
	for _, o := range v.obs {
		if err := o.complete(); err != nil {
			return first, nil, false, err
		}
		onsets := []civil{o.start}
		onsets = append(onsets, o.rdates...)
		if o.rrule != "" {
			more, open, err := yearlyOnsets(o.start, o.from, o.rrule)
			if err != nil {
				return first, nil, false, fmt.Errorf("line %d: %w", o.line, err)
			}
			onsets = append(onsets, more...)
			openEnded = openEnded || open
		}
		typ := zoneType{offset: o.to, dst: o.dst, abbr: o.name}
		for _, c := range onsets {
			if c.year > vtzLastYear {
				continue
			}
			at := c.asUTC().Unix()
			if !c.utc {
				at -= int64(o.from)
			}
			tx = append(tx, transition{at: at, typ: typ, from: o.from})
		}
	}
	if len(tx) == 0 {
		return first, nil, false, errors.New("no onset before 2100")
	}
	sort.SliceStable(tx, func(i, j int) bool { return tx[i].at < tx[j].at })
	v.firstOnset = tx[0].at
	first = zoneType{offset: tx[0].from}
	// Drop transitions that do not change the offset (Exchange writes
	// STANDARD and DAYLIGHT with equal offsets for zones without DST).
	out = tx[:0]
	prev := first
	for _, t := range tx {
		if t.typ.offset == prev.offset {
			continue
		}
		out = append(out, t)
		prev = t.typ
	}
	return first, out, openEnded, nil
}

// complete reports what RFC 5545 §3.6.5 requires and o lacks.
func (o observance) complete() error {
	comp := "STANDARD"
	if o.dst {
		comp = "DAYLIGHT"
	}
	for _, req := range []struct {
		has  bool
		name string
	}{{o.hasStart, "DTSTART"}, {o.hasTo, "TZOFFSETTO"}, {o.hasFrom, "TZOFFSETFROM"}} {
		if !req.has {
			return fmt.Errorf("%s of line %d has no %s", comp, o.line, req.name)
		}
	}
	return nil
}

// yearlyOnsets expands an observance's RRULE after its start, as far as
// vtzLastYear, and reports whether the rule has no end. Time zone rules
// are yearly: FREQ=YEARLY with BYMONTH and BYDAY ("2SU", "-1SU"),
// BYMONTHDAY, or both ("BYMONTHDAY=8,…,14;BYDAY=SU"), INTERVAL, COUNT,
// UNTIL, and a time of day by BYHOUR and BYMINUTE (Lotus Notes). Other
// rules are refused.
func yearlyOnsets(start civil, from int, s string) (out []civil, openEnded bool, err error) {
	r, err := parseRule(s)
	if err != nil {
		return nil, false, err
	}
	var (
		interval, count = 1, 0
		months          []int
		days            []int
		byday           []weekdayNum
		until           civil
		hasUntil        bool
	)
	for _, p := range r.parts {
		switch p.name {
		case "FREQ":
			if p.value != "YEARLY" {
				return nil, false, fmt.Errorf("%w: FREQ=%s", errUnsupportedRule, p.value)
			}
		case "INTERVAL":
			interval, _ = strconv.Atoi(p.value)
		case "COUNT":
			count, _ = strconv.Atoi(p.value)
		case "UNTIL":
			until, _ = parseCivil(p.value)
			if until.utc {
				// Compare as local time in the offset the onsets are written in.
				until = civilOf(until.asUTC().Add(time.Duration(from) * time.Second))
			}
			if !until.hasTime {
				until.hour, until.min, until.sec = 23, 59, 59
			}
			hasUntil = true
		case "BYMONTH":
			months = atoiList(p.value)
		case "BYMONTHDAY":
			days = atoiList(p.value)
		case "BYDAY":
			byday = parseByDay(p.value)
		case "BYHOUR", "BYMINUTE", "BYSECOND":
			n, err := strconv.Atoi(p.value)
			if err != nil {
				return nil, false, fmt.Errorf("%w: %s=%s", errUnsupportedRule, p.name, p.value)
			}
			switch p.name {
			case "BYHOUR":
				start.hour = n
			case "BYMINUTE":
				start.min = n
			default:
				start.sec = n
			}
		case "WKST":
		default:
			return nil, false, fmt.Errorf("%w: %s", errUnsupportedRule, p.name)
		}
	}
	openEnded = count == 0 && !hasUntil
	if len(months) == 0 {
		months = []int{int(start.month)}
	}
	sort.Ints(months)
	y0 := start.year
	if count == 0 && y0 < vtzFirstYear {
		y0 += (vtzFirstYear - y0) / interval * interval
	}
	for y := y0; y <= vtzLastYear; y += interval {
		for _, m := range months {
			for _, d := range monthDays(y, time.Month(m), days, byday, start.day) {
				c := civil{year: y, month: time.Month(m), day: d, hour: start.hour, min: start.min, sec: start.sec, hasTime: true}
				if !start.before(c) {
					continue
				}
				if hasUntil && until.before(c) {
					return out, openEnded, nil
				}
				if count > 0 && len(out)+1 >= count || len(out) >= maxOnsets {
					return out, openEnded, nil // COUNT includes DTSTART
				}
				out = append(out, c)
			}
		}
	}
	return out, openEnded, nil
}

// weekdayNum is a BYDAY entry: the nth (negative: from the end) weekday of
// the month, or every such weekday when n is 0.
type weekdayNum struct {
	n  int
	wd time.Weekday
}

var weekdayByName = map[string]time.Weekday{"SU": time.Sunday, "MO": time.Monday, "TU": time.Tuesday,
	"WE": time.Wednesday, "TH": time.Thursday, "FR": time.Friday, "SA": time.Saturday}

func parseByDay(s string) []weekdayNum {
	var out []weekdayNum
	for _, v := range strings.Split(s, ",") {
		if len(v) < 2 {
			continue
		}
		n, _ := strconv.Atoi(v[:len(v)-2])
		out = append(out, weekdayNum{n, weekdayByName[v[len(v)-2:]]})
	}
	return out
}

func atoiList(s string) []int {
	var out []int
	for _, v := range strings.Split(s, ",") {
		if n, err := strconv.Atoi(v); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// monthDays returns the days of month m in year y a yearly rule picks,
// ascending.
func monthDays(y int, m time.Month, bymonthday []int, byday []weekdayNum, startDay int) []int {
	last := daysIn(m, y)
	first := time.Date(y, m, 1, 12, 0, 0, 0, time.UTC).Weekday()
	weekdayOf := func(d int) time.Weekday { return (first + time.Weekday(d-1)) % 7 }
	var in []int
	if len(bymonthday) > 0 {
		for _, d := range bymonthday {
			if d < 0 {
				d = last + 1 + d
			}
			if d >= 1 && d <= last {
				in = append(in, d)
			}
		}
	}
	switch {
	case len(byday) == 0 && len(in) == 0:
		if startDay <= last {
			in = []int{startDay}
		}
	case len(byday) > 0 && len(in) > 0: // BYMONTHDAY limited by BYDAY
		var keep []int
		for _, d := range in {
			for _, b := range byday {
				if weekdayOf(d) == b.wd {
					keep = append(keep, d)
					break
				}
			}
		}
		in = keep
	case len(byday) > 0:
		for _, b := range byday {
			var all []int
			for d := 1; d <= last; d++ {
				if weekdayOf(d) == b.wd {
					all = append(all, d)
				}
			}
			switch {
			case b.n == 0:
				in = append(in, all...)
			case b.n > 0 && b.n <= len(all):
				in = append(in, all[b.n-1])
			case b.n < 0 && -b.n <= len(all):
				in = append(in, all[len(all)+b.n])
			}
		}
	}
	sort.Ints(in)
	return in
}

// before reports whether c is earlier than o, both read as wall clocks.
func (c civil) before(o civil) bool { return c.asUTC().Before(o.asUTC()) }

// add reads one property of a STANDARD or DAYLIGHT block.
func (o *observance) add(cl *contentLine, no int) error {
	switch cl.name {
	case "DTSTART":
		c, ok := parseCivil(strings.TrimSpace(cl.value))
		if !ok {
			return badValue(no, cl.name, cl.value, "DATE-TIME (RFC 5545 §3.3.5)")
		}
		o.start, o.hasStart = c, true
	case "TZOFFSETFROM", "TZOFFSETTO":
		off, ok := parseUTCOffset(cl.value)
		if !ok {
			return syntaxError(no, "import.error.bad_offset", "Name", cl.name, "Value", quoteShort(cl.value))
		}
		if cl.name == "TZOFFSETFROM" {
			o.from, o.hasFrom = off, true
		} else {
			o.to, o.hasTo = off, true
		}
	case "TZNAME":
		if o.name == "" {
			o.name = unescapeText(cl.value)
		}
	case "RRULE":
		if o.rrule == "" {
			o.rrule = cl.value
		}
	case "RDATE":
		for _, v := range strings.Split(cl.value, ",") {
			if i := strings.IndexByte(v, '/'); i >= 0 {
				v = v[:i]
			}
			c, ok := parseCivil(strings.TrimSpace(v))
			if !ok {
				return badValue(no, cl.name, v, "DATE-TIME (RFC 5545 §3.3.5)")
			}
			o.rdates = append(o.rdates, c)
		}
	}
	return nil
}
