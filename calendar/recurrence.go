package calendar

import (
	"errors"
	"fmt"
	"slices"
	"time"

	rrule "github.com/teambition/rrule-go"
)

// ErrExpansion is returned when a stored series cannot be expanded within
// the budget; rules are checked on save, so it means a row written by
// something else. Compare with errors.Is.
var ErrExpansion = errors.New("recurrence cannot be expanded safely")

// Expansion bounds, whatever the rule says.
const (
	expandBudget   = 100 * time.Millisecond // per series and query window
	maxOccurrences = 100000                 // per series and query window: ten years of the most frequent series a rule may have
	maxWindow      = 300                    // years one expansion may span
)

// farYear is where expansions run. rrule-go gives up in year 9999
// (MAXYEAR), and a rule whose BYxxx parts match no day searches until
// then, one period at a time. Moving the work by whole 400-year Gregorian
// cycles (146,097 days, exactly 20,871 weeks) changes no weekday, month
// length or week number, and leaves at most 800 years to search: under
// 15 ms for the slowest frequency on these machines.
const farYear = 9200

// recurrence is one series ready to expand: its rule, extra and excluded
// dates and the zone whose wall clock the rule follows (RFC 5545 §3.3.10:
// a rule with a TZID'd DTSTART repeats in local time, across DST changes).
type recurrence struct {
	rule    *rule // nil when the series has only RDATEs
	opt     rrule.ROption
	loc     *time.Location
	allDay  bool
	start   time.Time     // DTSTART
	dtF     time.Time     // DTSTART's wall clock, as floating UTC
	dur     time.Duration // timed series: exact length of every occurrence (§3.8.5.3)
	days    int           // all-day series: length in days
	untilF  time.Time     // UNTIL as a floating wall clock; zero when none
	count   int
	rdates  []time.Time
	exclude map[int64]bool // unix seconds of starts taken out: EXDATEs, overridden occurrences
}

// newRecurrence prepares e, a series, for expansion in loc, the leader's
// zone (a timed series follows the zone it was entered in). It checks the
// rule's parts and refuses rules rrule-go cannot expand, but does not probe
// how often they occur; validateRecurrence does that on save.
func newRecurrence(e Engagement, loc *time.Location) (*recurrence, error) {
	r := &recurrence{}
	if err := r.reset(e, loc); err != nil {
		return nil, err
	}
	return r, nil
}

// reset makes r the recurrence of e, as newRecurrence does, keeping the
// room r's dates took: a week expands hundreds of series one after the
// other, and a fresh recurrence for each was a third of what it allocated.
func (r *recurrence) reset(e Engagement, loc *time.Location) error {
	exclude, rdates := r.exclude, r.rdates[:0]
	if exclude == nil {
		exclude = map[int64]bool{}
	}
	clear(exclude)
	*r = recurrence{allDay: e.AllDay, exclude: exclude, rdates: rdates}
	if e.AllDay {
		r.loc = loc
		r.start = e.StartDay.In(loc)
		r.dtF = e.StartDay.In(time.UTC)
		r.days = max(1, DaysBetween(e.StartDay, e.EndDay))
	} else {
		r.loc = e.EnteredLocation(loc)
		r.start = e.Start.Truncate(time.Second)
		r.dtF = floating(e.Start, r.loc)
		r.dur = e.End.Sub(e.Start)
	}
	if y := r.dtF.Year(); y < 1900 || y >= farYear-maxWindow {
		return ruleErr("DTSTART", "validation.rrule_start_year", "a series must start between the years 1900 and {{.Max}}", map[string]any{"Max": farYear - maxWindow - 1})
	}
	for _, d := range e.RDates {
		r.rdates = append(r.rdates, r.normalize(d))
	}
	for _, d := range e.ExDates {
		r.exclude[r.normalize(d).Unix()] = true
	}
	if e.RRule == "" {
		return nil
	}
	ru, err := parsedRule(e.RRule)
	if err != nil {
		return err
	}
	if err := ru.checkReachable(r.dtF); err != nil {
		return err
	}
	r.rule, r.opt, r.count = ru, explicitDefaults(ru.opt, r.dtF), ru.opt.Count
	r.opt.Count = 0 // counted here: DTSTART always counts (§3.8.5.3), rrule-go's count does not know that
	switch {
	case r.count > 0 && len(r.rdates) == 0 && !e.SeriesEnd.IsZero():
		// The stored end of a counted series is its COUNT-th start plus the
		// length: as an UNTIL it lets expansion skip to the window.
		r.untilF, r.count = floating(e.SeriesEnd.Add(-r.dur), r.loc), 0
		if r.allDay {
			r.untilF = DateOf(e.SeriesEnd.In(r.loc)).AddDays(-r.days).In(time.UTC)
		}
	case ru.untilDate:
		r.untilF = ru.untilF.Add(24*time.Hour - time.Second) // the whole day (§3.3.10: "inclusive")
	case ru.untilUTC:
		r.untilF = floating(ru.untilF, r.loc)
	case !ru.untilF.IsZero():
		r.untilF = ru.untilF
	}
	return nil
}

// normalize turns an RDATE or EXDATE into the start of the occurrence it
// names: for an all-day series, midnight of its date in the leader's zone.
func (r *recurrence) normalize(t time.Time) time.Time {
	if r.allDay {
		return DateOf(t.In(r.loc)).In(r.loc)
	}
	return t.Truncate(time.Second)
}

// excludeStart takes the occurrence that starts at t out of the series,
// as an EXDATE or an override does.
func (r *recurrence) excludeStart(t time.Time) { r.exclude[r.normalize(t).Unix()] = true }

// end returns the end of the occurrence starting at start.
func (r *recurrence) end(start time.Time) time.Time {
	if r.allDay {
		return DateOf(start.In(r.loc)).AddDays(r.days).In(r.loc)
	}
	return start.Add(r.dur)
}

// between returns the starts of the occurrences that meet [from, to), in
// order: DTSTART, the rule's dates and the RDATEs, less the excluded ones
// (RFC 5545 §3.8.5.1–3).
func (r *recurrence) between(from, to time.Time) ([]time.Time, error) {
	var out []time.Time
	add := func(s time.Time) {
		if s.Before(to) && r.end(s).After(from) && !r.exclude[s.Unix()] {
			out = append(out, s)
		}
	}
	add(r.start)
	for _, d := range r.rdates {
		add(d)
	}
	if r.rule != nil {
		// Margins of a day and a half absorb DST and the occurrence's own
		// length; the exact test is add's.
		lo := from.Add(-r.dur).AddDate(0, 0, -r.days)
		fromF := floating(lo, r.loc).Add(-36 * time.Hour)
		toF := floating(to, r.loc).Add(36 * time.Hour)
		err := r.ruleStarts(fromF, toF, func(f time.Time) bool {
			add(r.unfloat(f))
			return len(out) <= maxOccurrences
		})
		if err != nil {
			return nil, err
		}
		if len(out) > maxOccurrences {
			return nil, fmt.Errorf("%w: more than %d occurrences in the window", ErrExpansion, maxOccurrences)
		}
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return slices.CompactFunc(out, time.Time.Equal), nil
}

// ruleStarts calls yield with the rule's wall-clock starts from about
// fromF to toF (floating UTC), until yield returns false. It fast-forwards
// open-ended rules to the window and runs them near farYear, so one call
// costs the occurrences in the window plus a bounded search.
func (r *recurrence) ruleStarts(fromF, toF time.Time, yield func(time.Time) bool) error {
	if !r.untilF.IsZero() && r.untilF.Before(toF) {
		toF = r.untilF
	}
	if toF.Before(r.dtF) {
		return nil
	}
	first := r.dtF
	if r.count == 0 {
		first = r.fastForward(fromF)
	}
	if toF.Year()-first.Year() >= maxWindow {
		toF = first.AddDate(maxWindow, 0, 0)
	}
	next, ok := r.latticeIter(first, toF)
	if !ok {
		var err error
		if next, err = r.rruleIter(first, toF); err != nil {
			return err
		}
	}
	began := time.Now()
	counted := 1 // DTSTART is the first occurrence (§3.8.5.3 COUNT)
	for i := 1; ; i++ {
		f, ok := next()
		if !ok {
			return nil
		}
		if r.count > 0 && !f.Equal(r.dtF) {
			if counted++; counted > r.count {
				return nil
			}
		}
		if !yield(f) {
			return nil
		}
		if i%16 == 0 && time.Since(began) > expandBudget {
			return ErrExpansion
		}
	}
}

// rruleIter returns rrule-go's starts of the rule from first to toF
// (floating UTC, both included), run near farYear.
func (r *recurrence) rruleIter(first, toF time.Time) (func() (time.Time, bool), error) {
	cycles := cyclesToFar(first.Year())
	opt := r.opt
	opt.Dtstart = shiftCycles(first, cycles)
	opt.Until = shiftCycles(toF, cycles)
	rr, err := rrule.NewRRule(opt)
	if err != nil {
		return nil, ruleErr("RRULE", "validation.rrule_invalid", "the repeat rule is not valid: {{.Detail}}", map[string]any{"Detail": err.Error()})
	}
	next := rr.Iterator()
	return func() (time.Time, bool) {
		f, ok := next()
		return shiftCycles(f, -cycles), ok
	}, nil
}

// fastForward returns the start of the latest whole period of the rule
// (INTERVAL times FREQ, counted from DTSTART) that begins at or before
// fromF. Expanding from there yields exactly what expanding from DTSTART
// would from that point on: every BYxxx part works within one period, and
// explicitDefaults has pinned what rrule-go would otherwise read from
// DTSTART.
func (r *recurrence) fastForward(fromF time.Time) time.Time {
	d := r.dtF
	if !fromF.After(d) {
		return d
	}
	n := int64(max(r.opt.Interval, 1))
	// Whole periods between DTSTART's period and fromF's, less one for
	// safety; none means DTSTART itself, which may be mid-period.
	steps := func(elapsed int64) int64 { return max(0, elapsed/n-1) }
	day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	var k int64
	var at func() time.Time
	switch r.opt.Freq {
	case rrule.YEARLY:
		k = steps(int64(fromF.Year() - d.Year()))
		at = func() time.Time { return time.Date(d.Year()+int(k*n), 1, 1, 0, 0, 0, 0, time.UTC) }
	case rrule.MONTHLY:
		k = steps(int64(fromF.Year()-d.Year())*12 + int64(fromF.Month()-d.Month()))
		at = func() time.Time { return time.Date(d.Year(), d.Month()+time.Month(k*n), 1, 0, 0, 0, 0, time.UTC) }
	case rrule.WEEKLY:
		// Periods after the first begin on WKST (rrule-go's Wkst: 0 = MO).
		back := (int(d.Weekday()) + 6 - r.opt.Wkst.Day() + 7) % 7
		weekStart := day.AddDate(0, 0, -back)
		k = steps((fromF.Unix() - weekStart.Unix()) / (7 * 86400))
		at = func() time.Time { return weekStart.AddDate(0, 0, int(k*n*7)) }
	case rrule.DAILY:
		k = steps((fromF.Unix() - day.Unix()) / 86400)
		at = func() time.Time { return day.AddDate(0, 0, int(k*n)) }
	default:
		// Sub-daily periods are lattice points INTERVAL units apart,
		// counted in seconds: a time.Duration overflows after 292 years.
		unit := int64(1)
		switch r.opt.Freq {
		case rrule.HOURLY:
			unit = 3600
		case rrule.MINUTELY:
			unit = 60
		}
		base := d.Unix() - (d.Unix()%unit+unit)%unit
		k = steps((fromF.Unix() - base) / unit)
		at = func() time.Time { return time.Unix(base+k*n*unit, 0).UTC() }
	}
	if k == 0 {
		return d
	}
	return at()
}

// explicitDefaults writes into opt the values rrule-go would take from
// DTSTART (RFC 5545 §3.3.10: missing BYxxx parts default to DTSTART's), so
// a fast-forwarded start does not change them.
func explicitDefaults(opt rrule.ROption, dtF time.Time) rrule.ROption {
	noDay := len(opt.Byweekno) == 0 && len(opt.Byyearday) == 0 && len(opt.Bymonthday) == 0 &&
		len(opt.Byweekday) == 0 && len(opt.Byeaster) == 0
	if noDay {
		switch opt.Freq {
		case rrule.YEARLY:
			if len(opt.Bymonth) == 0 {
				opt.Bymonth = []int{int(dtF.Month())}
			}
			opt.Bymonthday = []int{dtF.Day()}
		case rrule.MONTHLY:
			opt.Bymonthday = []int{dtF.Day()}
		case rrule.WEEKLY:
			opt.Byweekday = []rrule.Weekday{rruleWeekdays[dtF.Weekday()]}
		}
	}
	if len(opt.Byhour) == 0 && opt.Freq < rrule.HOURLY {
		opt.Byhour = []int{dtF.Hour()}
	}
	if len(opt.Byminute) == 0 && opt.Freq < rrule.MINUTELY {
		opt.Byminute = []int{dtF.Minute()}
	}
	if len(opt.Bysecond) == 0 && opt.Freq < rrule.SECONDLY {
		opt.Bysecond = []int{dtF.Second()}
	}
	return opt
}

var rruleWeekdays = [7]rrule.Weekday{rrule.SU, rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA}

// probe refuses a rule that never occurs after DTSTART within 400 years
// (its BYxxx parts match no day: each query would search to rrule-go's
// end), more than maxPerMonth times in its first probeDays, or that takes
// longer than a query may to find that out. It ignores COUNT
// and UNTIL, which only cut the series short.
func (r *recurrence) probe() error {
	if r.rule == nil {
		return nil
	}
	cycles := cyclesToFar(r.dtF.Year())
	opt := r.opt
	opt.Dtstart = shiftCycles(r.dtF, cycles)
	opt.Until = opt.Dtstart.AddDate(400, 0, 0)
	rr, err := rrule.NewRRule(opt)
	if err != nil {
		return ruleErr("RRULE", "validation.rrule_invalid", "the repeat rule is not valid: {{.Detail}}", map[string]any{"Detail": err.Error()})
	}
	monthEnd := opt.Dtstart.AddDate(0, 0, probeDays)
	if !r.untilF.IsZero() {
		// A series that has ended has no more occurrences to count.
		monthEnd = Earlier(monthEnd, shiftCycles(r.untilF, cycles))
	}
	next, n, seen := rr.Iterator(), 0, false
	began := time.Now()
	for {
		f, ok := next()
		if !ok {
			break
		}
		if n%16 == 0 && time.Since(began) > expandBudget {
			return ruleErr("FREQ", "validation.rrule_too_costly", "the repeat rule cannot be expanded safely", nil)
		}
		if f.Equal(opt.Dtstart) {
			continue
		}
		seen = true
		if f.After(monthEnd) {
			break
		}
		if r.count > 0 && n+1 >= r.count {
			break // COUNT ends the series first: it is short, however frequent
		}
		if n++; n > maxPerMonth {
			return ruleErr("FREQ", "validation.rrule_too_frequent", "the series repeats more than {{.Max}} times a month", map[string]any{"Max": maxPerMonth})
		}
	}
	if !seen {
		part := "FREQ"
		for _, p := range []string{"BYSETPOS", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYDAY", "BYMONTH", "BYHOUR", "BYMINUTE", "BYSECOND"} {
			if _, ok := r.rule.parts[p]; ok {
				part = p
				break
			}
		}
		return ruleErr(part, "validation.rrule_never", "the repeat rule does not repeat within 400 years (check {{.Part}})", nil)
	}
	return nil
}

// lastStart returns the start of the series' last occurrence and whether it
// has one; a rule without COUNT or UNTIL goes on for ever. A COUNT whose
// occurrences would take more than 400 years is refused.
func (r *recurrence) lastStart() (time.Time, bool, error) {
	last := r.start
	for _, d := range r.rdates {
		if d.After(last) {
			last = d
		}
	}
	if r.rule == nil {
		return last, true, nil
	}
	switch {
	case r.count > 0:
		var lastF time.Time
		n := 1
		err := r.ruleStarts(r.dtF, r.dtF.AddDate(maxWindow, 0, 0), func(f time.Time) bool {
			if !f.Equal(r.dtF) {
				lastF = f
				n++
			}
			return true
		})
		if err != nil {
			return time.Time{}, false, err
		}
		if n < r.count && r.count > 1 {
			return time.Time{}, false, ruleErr("COUNT", "validation.rrule_count_span", "{{.Part}} reaches too far: the series would run for centuries", nil)
		}
		if !lastF.IsZero() && r.unfloat(lastF).After(last) {
			last = r.unfloat(lastF)
		}
		return last, true, nil
	case !r.untilF.IsZero():
		// UNTIL bounds the last start; an occurrence exactly there may or
		// may not exist, and the bound is all the index needs.
		if u := r.unfloat(r.untilF); u.After(last) {
			last = u
		}
		return last, true, nil
	}
	return time.Time{}, false, nil
}

// unfloat turns a floating wall-clock time back into an instant in the
// series' zone. A time that DST skips moves forward by the gap, as
// RFC 5545 §3.3.5 asks for nonexistent local times.
func (r *recurrence) unfloat(f time.Time) time.Time {
	if r.allDay {
		return time.Date(f.Year(), f.Month(), f.Day(), 0, 0, 0, 0, r.loc)
	}
	return time.Date(f.Year(), f.Month(), f.Day(), f.Hour(), f.Minute(), f.Second(), 0, r.loc)
}

// floating returns t's wall clock in loc as the same clock reading in UTC,
// where rrule-go's calendar arithmetic meets no DST.
func floating(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// cyclesToFar returns how many 400-year cycles move year to farYear or
// just past it.
func cyclesToFar(year int) int {
	if year >= farYear {
		return 0
	}
	return (farYear - year + 399) / 400
}

// shiftCycles moves a floating time by whole 400-year Gregorian cycles,
// which keeps its weekday, week number and leap-year pattern.
func shiftCycles(t time.Time, cycles int) time.Time {
	if cycles == 0 {
		return t
	}
	return t.AddDate(400*cycles, 0, 0)
}

// DaysBetween is the number of days from a to b.
func DaysBetween(a, b Date) int {
	return int(b.In(time.UTC).Sub(a.In(time.UTC)) / (24 * time.Hour))
}
