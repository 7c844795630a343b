package ics

import (
	"sort"
	"strconv"
	"time"

	goical "github.com/emersion/go-ical"
)

// zoneChange is one transition of a zone, as a VTIMEZONE observance
// describes it (RFC 5545 §3.6.5).
type zoneChange struct {
	at       time.Time // the instant, UTC
	from, to int       // offsets before and after, seconds east of UTC
	dst      bool      // daylight saving time after
	name     string    // abbreviation after
}

// onset returns the wall clock of the change in the offset before it, as
// DTSTART of an observance is written.
func (c zoneChange) onset() time.Time {
	return c.at.Add(time.Duration(c.from) * time.Second).UTC()
}

// zoneChanges lists loc's offset changes in [from, to].
func zoneChanges(loc *time.Location, from, to time.Time) []zoneChange {
	var out []zoneChange
	t := from
	for i := 0; i < 1000; i++ {
		_, end := t.In(loc).ZoneBounds()
		if end.IsZero() || end.After(to) {
			break
		}
		before := end.Add(-time.Second).In(loc)
		after := end.In(loc)
		_, fromOff := before.Zone()
		name, toOff := after.Zone()
		if fromOff != toOff || before.IsDST() != after.IsDST() {
			out = append(out, zoneChange{at: end.UTC(), from: fromOff, to: toOff, dst: after.IsDST(), name: name})
		}
		t = end
	}
	return out
}

// yearlyPattern is how a change recurs: the nth (or, with n = -1, the
// last) weekday of a month at a wall-clock time.
type yearlyPattern struct {
	month   time.Month
	weekday time.Weekday
	n       int
	clock   int // seconds after midnight
}

// patterns returns the patterns a change on the onset wall clock c fits:
// "2nd Sunday" and, in the last week of the month, "last Sunday".
func patterns(c time.Time) []yearlyPattern {
	p := yearlyPattern{month: c.Month(), weekday: c.Weekday(), n: (c.Day()-1)/7 + 1,
		clock: c.Hour()*3600 + c.Minute()*60 + c.Second()}
	out := []yearlyPattern{}
	if p.n <= 4 {
		out = append(out, p)
	}
	if c.Day()+7 > daysIn(c.Month(), c.Year()) {
		p.n = -1
		out = append(out, p)
	}
	return out
}

// observanceOut is one STANDARD or DAYLIGHT block to write.
type observanceOut struct {
	change zoneChange
	rule   string // RRULE, "" for a single onset
}

// vtimezoneFor describes loc exactly over [from, to], and beyond to by the
// zone's current yearly rule when it still has one. Changes are grouped by
// kind (daylight or standard, offsets, name); the longest run at the end
// of each group that recurs on the same weekday of the same month in
// consecutive years becomes one observance with an RRULE, which Outlook
// needs; earlier changes get one observance each.
func vtimezoneFor(loc *time.Location, from, to time.Time) []observanceOut {
	changes := zoneChanges(loc, from, to)
	if len(changes) == 0 {
		name, off := from.In(loc).Zone()
		return []observanceOut{{change: zoneChange{at: time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(off) * time.Second), from: off, to: off, name: name}}}
	}
	stillChanging := len(zoneChanges(loc, to, to.AddDate(1, 0, 0))) > 0
	type kind struct {
		dst      bool
		from, to int
		name     string
	}
	groups := map[kind][]zoneChange{}
	var order []kind
	for _, c := range changes {
		k := kind{c.dst, c.from, c.to, c.name}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], c)
	}
	var out []observanceOut
	for _, k := range order {
		g := groups[k]
		start, pat := recurringTail(g)
		for _, c := range g[:start] {
			out = append(out, observanceOut{change: c})
		}
		if start == len(g) {
			continue
		}
		rule := "FREQ=YEARLY;BYMONTH=" + strconv.Itoa(int(pat.month)) + ";BYDAY=" + strconv.Itoa(pat.n) + weekdayCodes[pat.weekday]
		if last := g[len(g)-1]; !stillChanging || last.at.Year() < to.Year()-1 {
			// The instant of the last onset, or its wall clock read as UTC
			// when later: readers that compare the floating DTSTART with
			// UNTIL as wall clocks (python-dateutil's tzical) keep the
			// last onset too, and no other comes within a year.
			until := last.at
			if w := last.onset(); w.After(until) {
				until = w
			}
			rule += ";UNTIL=" + until.Format("20060102T150405Z")
		}
		out = append(out, observanceOut{change: g[start], rule: rule})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].change.at.Before(out[j].change.at) })
	return out
}

var weekdayCodes = [7]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// recurringTail returns where the run of changes at the end of g that
// follow one yearly pattern in consecutive years begins, and the pattern;
// len(g) when no run of two or more exists.
func recurringTail(g []zoneChange) (int, yearlyPattern) {
	if len(g) < 2 {
		return len(g), yearlyPattern{}
	}
	best, bestPattern := len(g), yearlyPattern{}
	for _, p := range patterns(g[len(g)-1].onset()) {
		i := len(g) - 1
		for i > 0 {
			prev := g[i-1].onset()
			if prev.Year() != g[i].onset().Year()-1 || !fits(prev, p) {
				break
			}
			i--
		}
		if i < len(g)-1 && i <= best { // the longest run; "last" wins a tie
			best, bestPattern = i, p
		}
	}
	return best, bestPattern
}

// fits reports whether the wall clock c follows pattern p.
func fits(c time.Time, p yearlyPattern) bool {
	for _, q := range patterns(c) {
		if q == p {
			return true
		}
	}
	return false
}

// vtimezoneComponent is the VTIMEZONE of loc for instants in [from, to],
// its observances and rules ours (vtimezoneFor), as go-ical's model.
func vtimezoneComponent(loc *time.Location, from, to time.Time) *goical.Component {
	tz := goical.NewComponent(goical.CompTimezone)
	setRaw(tz.Props, goical.PropTimezoneID, loc.String())
	for _, o := range vtimezoneFor(loc, from, to) {
		name := goical.CompTimezoneStandard
		if o.change.dst {
			name = goical.CompTimezoneDaylight
		}
		obs := goical.NewComponent(name)
		setRaw(obs.Props, goical.PropDateTimeStart, o.change.onset().Format(localLayout))
		if o.rule != "" {
			setRaw(obs.Props, goical.PropRecurrenceRule, o.rule)
		}
		setRaw(obs.Props, goical.PropTimezoneOffsetFrom, formatUTCOffset(o.change.from))
		setRaw(obs.Props, goical.PropTimezoneOffsetTo, formatUTCOffset(o.change.to))
		if o.change.name != "" {
			setText(obs.Props, goical.PropTimezoneName, o.change.name)
		}
		tz.Children = append(tz.Children, obs)
	}
	return tz
}

// formatUTCOffset writes a UTC-OFFSET value (RFC 5545 §3.3.14).
func formatUTCOffset(off int) string {
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	s := sign + twoDigits(off/3600) + twoDigits(off%3600/60)
	if sec := off % 60; sec != 0 {
		s += twoDigits(sec)
	}
	return s
}
