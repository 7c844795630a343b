package ics

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	rrulego "github.com/teambition/rrule-go"
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
// rules are refused. The one grammar reads the rule and rrule-go, the one
// expander, expands it, in wall-clock time (as UTC) from the start.
func yearlyOnsets(start civil, from int, s string) (out []civil, openEnded bool, err error) {
	r, err := parseRule(s)
	if err != nil {
		return nil, false, err
	}
	var (
		interval, count = 1, 0
		until           civil
		hasUntil        bool
	)
	for _, p := range r.Parts {
		switch p.Name {
		case "FREQ":
			if p.Value != "YEARLY" {
				return nil, false, fmt.Errorf("%w: FREQ=%s", errUnsupportedRule, p.Value)
			}
		case "INTERVAL":
			interval, _ = strconv.Atoi(p.Value)
		case "COUNT":
			count, _ = strconv.Atoi(p.Value)
		case "UNTIL":
			until, _ = parseCivil(p.Value)
			if until.utc {
				// Compare as local time in the offset the onsets are written in.
				until = civilOf(until.asUTC().Add(time.Duration(from) * time.Second))
			}
			if !until.hasTime {
				until.hour, until.min, until.sec = 23, 59, 59
			}
			hasUntil = true
		case "BYHOUR", "BYMINUTE", "BYSECOND":
			// One time of day, which the start takes too: onsets are after it.
			n, err := strconv.Atoi(p.Value)
			if err != nil {
				return nil, false, fmt.Errorf("%w: %s=%s", errUnsupportedRule, p.Name, p.Value)
			}
			switch p.Name {
			case "BYHOUR":
				start.hour = n
			case "BYMINUTE":
				start.min = n
			default:
				start.sec = n
			}
		case "BYMONTH", "BYMONTHDAY", "BYDAY", "WKST":
		default:
			return nil, false, fmt.Errorf("%w: %s", errUnsupportedRule, p.Name)
		}
	}
	opt, err := r.Option()
	if err != nil {
		return nil, false, fmt.Errorf("%w: %v", errUnsupportedRule, err)
	}
	openEnded = count == 0 && !hasUntil
	if len(opt.Bymonth) == 0 {
		opt.Bymonth = []int{int(start.month)} // a zone's rule keeps to the month it starts in
	}
	// COUNT, which includes DTSTART, and UNTIL, which is local time, are
	// applied below; an endless rule starts near the years that matter.
	opt.Count, opt.Until = 0, time.Time{}
	y0 := start.year
	if count == 0 && y0 < vtzFirstYear {
		y0 += (vtzFirstYear - y0) / interval * interval
	}
	opt.Dtstart = time.Date(y0, start.month, start.day, start.hour, start.min, start.sec, 0, time.UTC)
	set, err := rrulego.NewRRule(opt)
	if err != nil {
		return nil, false, fmt.Errorf("%w: %v", errUnsupportedRule, err)
	}
	last := time.Date(vtzLastYear, time.December, 31, 23, 59, 59, 0, time.UTC)
	next := set.Iterator()
	for {
		t, ok := next()
		if !ok || t.After(last) {
			return out, openEnded, nil
		}
		c := civilOf(t)
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
