package calendar

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	rrule "github.com/teambition/rrule-go"
)

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func series(rule string, start time.Time, d time.Duration) Engagement {
	return Engagement{ID: 1, LeaderID: 1, Kind: KindMeeting, Title: "例会", RRule: rule,
		Start: start, End: start.Add(d), ZoneName: start.Location().String()}
}

func mustRecurrence(t testing.TB, e Engagement, loc *time.Location) *recurrence {
	t.Helper()
	r, err := newRecurrence(e, loc)
	if err != nil {
		t.Fatalf("newRecurrence(%q): %v", e.RRule, err)
	}
	return r
}

func starts(t testing.TB, r *recurrence, from, to time.Time) []string {
	t.Helper()
	got, err := r.between(from, to)
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, g := range got {
		s = append(s, g.In(r.loc).Format("2006-01-02 15:04 Mon"))
	}
	return s
}

func TestRecurrenceExpandsWithExceptions(t *testing.T) {
	sh := zone(t, "Asia/Shanghai")
	monday := time.Date(2026, 11, 2, 9, 0, 0, 0, sh)
	e := series("FREQ=WEEKLY;BYDAY=MO,TH", monday, time.Hour)
	e.ExDates = []time.Time{time.Date(2026, 11, 5, 9, 0, 0, 0, sh)} // Thursday taken out
	e.RDates = []time.Time{time.Date(2026, 11, 7, 10, 0, 0, 0, sh)} // an extra Saturday
	r := mustRecurrence(t, e, sh)
	r.excludeStart(time.Date(2026, 11, 9, 9, 0, 0, 0, sh)) // overridden: the override stands in for it
	got := starts(t, r, monday, monday.AddDate(0, 0, 14))
	want := []string{"2026-11-02 09:00 Mon", "2026-11-07 10:00 Sat", "2026-11-12 09:00 Thu"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A rule entered in Berlin keeps its wall-clock time across the change to
// summer time (RFC 5545 §3.3.10), so the instant moves by an hour.
func TestRecurrenceFollowsWallClockAcrossDST(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	start := time.Date(2026, 3, 23, 9, 0, 0, 0, berlin) // Monday before the change on 29 March
	r := mustRecurrence(t, series("FREQ=WEEKLY", start, time.Hour), time.UTC)
	got, err := r.between(start, start.AddDate(0, 0, 14))
	if err != nil || len(got) != 2 {
		t.Fatalf("between = %v, %v", got, err)
	}
	for _, g := range got {
		if h := g.In(berlin).Hour(); h != 9 {
			t.Errorf("%v is at %d:00 in Berlin, want 9:00", g, h)
		}
	}
	if got[1].Sub(got[0]) != 7*24*time.Hour-time.Hour {
		t.Errorf("a week across the change lasts %v", got[1].Sub(got[0]))
	}
}

// UNTIL without "Z" is the series' local time; rrule-go on its own reads it as UTC.
func TestRecurrenceLocalUntil(t *testing.T) {
	sh := zone(t, "Asia/Shanghai")
	start := time.Date(2026, 11, 2, 9, 0, 0, 0, sh)
	for _, c := range []struct {
		until string
		n     int
	}{
		{"20261116T090000", 3},  // local 09:00 on the 16th: that Monday counts
		{"20261116T005959Z", 2}, // 08:59:59 local: it does not
		{"20261116", 3},         // a DATE: the whole day counts
		{"20261115", 2},
	} {
		r := mustRecurrence(t, series("FREQ=WEEKLY;UNTIL="+c.until, start, time.Hour), sh)
		if got := starts(t, r, start, start.AddDate(1, 0, 0)); len(got) != c.n {
			t.Errorf("UNTIL=%s: %q, want %d occurrences", c.until, got, c.n)
		}
		last, ok, err := r.lastStart()
		if err != nil || !ok || last.Before(start.AddDate(0, 0, 7*(c.n-1))) {
			t.Errorf("UNTIL=%s: lastStart = %v, %v, %v", c.until, last, ok, err)
		}
	}
}

func TestRecurrenceCountIncludesDTSTART(t *testing.T) {
	sh := zone(t, "Asia/Shanghai")
	// A Tuesday DTSTART for a Monday rule: DTSTART counts as the first of three.
	start := time.Date(2026, 11, 3, 9, 0, 0, 0, sh)
	r := mustRecurrence(t, series("FREQ=WEEKLY;BYDAY=MO;COUNT=3", start, time.Hour), sh)
	got := starts(t, r, start, start.AddDate(1, 0, 0))
	want := []string{"2026-11-03 09:00 Tue", "2026-11-09 09:00 Mon", "2026-11-16 09:00 Mon"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if last, ok, _ := r.lastStart(); !ok || !last.Equal(time.Date(2026, 11, 16, 9, 0, 0, 0, sh)) {
		t.Errorf("lastStart = %v, %v", last, ok)
	}
	// A window after the last occurrence is empty.
	if got := starts(t, r, start.AddDate(0, 1, 0), start.AddDate(0, 2, 0)); len(got) != 0 {
		t.Errorf("after COUNT: %q", got)
	}
}

func TestAllDaySeriesStaysOnItsDates(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	e := Engagement{ID: 1, Kind: KindBlocked, Title: "出差", AllDay: true, RRule: "FREQ=MONTHLY;BYMONTHDAY=-1",
		StartDay: NewDate(2026, 1, 31), EndDay: NewDate(2026, 2, 1)}
	r := mustRecurrence(t, e, berlin)
	got := starts(t, r, NewDate(2026, 1, 1).In(berlin), NewDate(2026, 5, 1).In(berlin))
	want := []string{"2026-01-31 00:00 Sat", "2026-02-28 00:00 Sat", "2026-03-31 00:00 Tue", "2026-04-30 00:00 Thu"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestFastForwardMatchesFullExpansion compares windows far from DTSTART,
// expanded from a fast-forwarded start near farYear, with rrule-go run
// plainly from DTSTART.
func TestFastForwardMatchesFullExpansion(t *testing.T) {
	sh := zone(t, "Asia/Shanghai")
	rules := []string{
		"FREQ=DAILY", "FREQ=DAILY;INTERVAL=3", "FREQ=DAILY;BYHOUR=8,14;BYMINUTE=0,30",
		"FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR", "FREQ=WEEKLY;INTERVAL=3;WKST=SU;BYDAY=SU,TU",
		"FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=5;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
		"FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=YEARLY", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
		"FREQ=YEARLY;BYWEEKNO=1,53;BYDAY=MO", "FREQ=YEARLY;INTERVAL=2;BYYEARDAY=100,-1",
		"FREQ=HOURLY;INTERVAL=5", "FREQ=HOURLY;INTERVAL=7;BYHOUR=9,10,11", "FREQ=MINUTELY;INTERVAL=97;BYHOUR=9",
		"FREQ=SECONDLY;INTERVAL=997;BYHOUR=10,11", "FREQ=DAILY;UNTIL=20290301T000000Z",
	}
	rnd := rand.New(rand.NewPCG(3, 5))
	for _, rl := range rules {
		start := time.Date(2024, time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), rnd.IntN(24), rnd.IntN(60), 0, 0, sh)
		r := mustRecurrence(t, series(rl, start, 45*time.Minute), sh)
		for range 5 {
			from := start.Add(time.Duration(rnd.IntN(4*365*24)) * time.Hour)
			to := from.Add(time.Duration(1+rnd.IntN(40*24)) * time.Hour)
			got, err := r.between(from, to)
			if err != nil {
				t.Fatalf("%s: %v", rl, err)
			}
			want := plainExpansion(t, r, from, to)
			if !slices.EqualFunc(got, want, time.Time.Equal) {
				t.Errorf("%s from %v, window [%v, %v):\n got %v\nwant %v", rl, start, from, to, got, want)
			}
		}
	}
}

// plainExpansion runs rrule-go from DTSTART with no fast-forward, no
// move to farYear and no budget: the oracle for between.
func plainExpansion(t *testing.T, r *recurrence, from, to time.Time) []time.Time {
	t.Helper()
	opt := r.rule.opt
	opt.Dtstart = r.dtF
	if !r.untilF.IsZero() {
		opt.Until = r.untilF
	} else {
		opt.Until = floating(to, r.loc).Add(48 * time.Hour)
	}
	rr, err := rrule.NewRRule(opt)
	if err != nil {
		t.Fatal(err)
	}
	out := []time.Time{}
	if r.start.Before(to) && r.end(r.start).After(from) {
		out = append(out, r.start)
	}
	for _, f := range rr.All() {
		s := r.unfloat(f)
		if s.Before(to) && r.end(s).After(from) && !s.Equal(r.start) {
			out = append(out, s)
		}
	}
	return out
}

func TestRuleErrorsNameThePart(t *testing.T) {
	sh := zone(t, "Asia/Shanghai")
	start := time.Date(2026, 11, 2, 9, 0, 0, 0, sh)
	for _, c := range []struct{ rule, part, code string }{
		{"BYDAY=MO", "FREQ", "validation.rrule_required"},
		{"FREQ=FORTNIGHTLY", "FREQ", "validation.rrule_value"},
		{"FREQ=WEEKLY;INTERVAL=0", "INTERVAL", "validation.rrule_range"},
		{"FREQ=WEEKLY;INTERVAL=x", "INTERVAL", "validation.rrule_value"},
		{"FREQ=WEEKLY;COUNT=5;UNTIL=20270101", "COUNT", "validation.rrule_count_until"},
		{"FREQ=WEEKLY;UNTIL=2027-01-01", "UNTIL", "validation.rrule_value"},
		{"FREQ=WEEKLY;BYDAY=XX", "BYDAY", "validation.rrule_value"},
		{"FREQ=WEEKLY;BYDAY=2MO", "BYDAY", "validation.rrule_not_with_freq"},
		{"FREQ=MONTHLY;BYWEEKNO=3", "BYWEEKNO", "validation.rrule_not_with_freq"},
		{"FREQ=WEEKLY;BYMONTHDAY=3", "BYMONTHDAY", "validation.rrule_not_with_freq"},
		{"FREQ=DAILY;BYHOUR=24", "BYHOUR", "validation.rrule_range"},
		{"FREQ=DAILY;BYSETPOS=1", "BYSETPOS", "validation.rrule_setpos_alone"},
		{"FREQ=YEARLY;BYEASTER=0", "BYEASTER", "validation.rrule_unknown"},
		{"FREQ=DAILY;FREQ=WEEKLY", "FREQ", "validation.rrule_duplicate"},
		{"FREQ=DAILY;;INTERVAL", "RRULE", "validation.rrule_syntax"},
		{"FREQ=DAILY;COUNT=1000000", "COUNT", "validation.rrule_range"},
		{"FREQ=MINUTELY;INTERVAL=2;BYMINUTE=1", "BYMINUTE", "validation.rrule_unreachable"},
		{"FREQ=HOURLY;INTERVAL=2;BYHOUR=10", "BYHOUR", "validation.rrule_unreachable"},
		{"FREQ=SECONDLY;INTERVAL=2;BYSECOND=1", "BYSECOND", "validation.rrule_unreachable"},
		// The grammar has these; Anteroom does not expand them.
		{"FREQ=MINUTELY;BYSECOND=60", "BYSECOND", "validation.rrule_range"},
		{"FREQ=YEARLY;BYMONTH=13", "BYMONTH", "validation.rrule_range"},
		{"FREQ=YEARLY;BYMONTH=5L", "BYMONTH", "validation.rrule_value"},
		{"FREQ=YEARLY;RSCALE=CHINESE", "RSCALE", "validation.rrule_unknown"},
		{"FREQ=DAILY;X-VENDOR=1", "X-VENDOR", "validation.rrule_unknown"},
		{"FREQ=WEEKLY;BYDAY=MO, TU", "RRULE", "validation.rrule_syntax"},
	} {
		_, err := newRecurrence(series(c.rule, start, time.Hour), sh)
		var re *RuleError
		if !errors.As(err, &re) || !errors.Is(err, ErrInvalid) {
			t.Errorf("%q: %v, want a *RuleError", c.rule, err)
			continue
		}
		if re.Part != c.part || re.Code != c.code {
			t.Errorf("%q: part %s code %s (%s), want %s %s", c.rule, re.Part, re.Code, re.Message, c.part, c.code)
		}
	}
}

// pathological are rules that hang rrule-go, make it search for centuries
// or flood a window. Each must be refused on save or answer a query within
// 100 ms.
var pathological = []struct {
	name, rule string
	start      time.Time
	refused    bool
}{
	{"minutely never reaching its minute", "FREQ=MINUTELY;INTERVAL=2;BYMINUTE=1", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), true},
	{"secondly never reaching its second", "FREQ=SECONDLY;INTERVAL=10;BYSECOND=5", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), true},
	{"hourly never reaching its hour", "FREQ=HOURLY;INTERVAL=6;BYHOUR=1,2", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), true},
	{"secondly from a distant start", "FREQ=SECONDLY;BYHOUR=9;BYMINUTE=0;BYSECOND=0", time.Date(1901, 1, 1, 9, 0, 0, 0, time.UTC), false},
	{"minutely from a distant start", "FREQ=MINUTELY;INTERVAL=997;BYHOUR=9", time.Date(1905, 3, 1, 9, 0, 0, 0, time.UTC), false},
	{"secondly, rare match", "FREQ=SECONDLY;INTERVAL=7;BYHOUR=3;BYMINUTE=0;BYSECOND=0", time.Date(1950, 1, 1, 3, 0, 0, 0, time.UTC), false},
	{"every second", "FREQ=SECONDLY", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), true},
	{"every minute", "FREQ=MINUTELY", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), true},
	{"30 February", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), true},
	{"31 April daily", "FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), true},
	{"31 June secondly", "FREQ=SECONDLY;BYMONTH=6;BYMONTHDAY=31", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), true},
	{"week 53 in January", "FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), true},
	{"Monday every 7 days from a Tuesday", "FREQ=DAILY;INTERVAL=7;BYDAY=MO", time.Date(2026, 1, 6, 9, 0, 0, 0, time.UTC), true},
	{"29 February on a Monday", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), false},
	{"day 366 hourly", "FREQ=HOURLY;INTERVAL=5;BYYEARDAY=366", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), false},
	{"huge COUNT", "FREQ=SECONDLY;COUNT=4000000000", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), true},
	{"COUNT for centuries", "FREQ=YEARLY;INTERVAL=1000;COUNT=5000", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), true},
	{"COUNT of rare dates", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;COUNT=9", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), false},
	{"interval at the limit", "FREQ=SECONDLY;INTERVAL=1000;BYMONTH=2;BYMONTHDAY=29", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), false},
	{"last day of year yearly by setpos", "FREQ=YEARLY;BYMONTH=12;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSETPOS=-1", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), false},
}

// validateSeries is what Validate asks of a series: parse, reach, probe
// and find the last occurrence.
func validateSeries(e Engagement, loc *time.Location) error {
	r, err := newRecurrence(e, loc)
	if err != nil {
		return err
	}
	if err := r.probe(); err != nil {
		return err
	}
	_, _, err = r.lastStart()
	return err
}

// queryLimit is the bound on one query, stretched under the race
// detector.
func queryLimit() time.Duration {
	if raceEnabled {
		return 30 * 100 * time.Millisecond
	}
	return 100 * time.Millisecond
}

func TestPathologicalRulesAreRefusedOrFast(t *testing.T) {
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			e := series(p.rule, p.start, 30*time.Minute)
			began := time.Now()
			err := validateSeries(e, time.UTC)
			took := time.Since(began)
			if took > queryLimit() {
				t.Errorf("validating took %v", took)
			}
			var re *RuleError
			if raceEnabled && errors.As(err, &re) && re.Code == "validation.rrule_too_costly" {
				t.Skip("too slow to probe under the race detector")
			}
			if p.refused {
				if !errors.As(err, &re) {
					t.Fatalf("accepted (%v), want it refused", err)
				}
				t.Logf("refused in %v: %s %s: %s", took, re.Part, re.Code, re.Message)
				return
			}
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			r := mustRecurrence(t, e, time.UTC)
			for _, from := range []time.Time{p.start, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), time.Date(2100, 2, 1, 0, 0, 0, 0, time.UTC)} {
				began := time.Now()
				got, err := r.between(from, from.AddDate(0, 0, 28))
				if raceEnabled && errors.Is(err, ErrExpansion) {
					t.Skip("too slow to expand within the budget under the race detector")
				}
				if took := time.Since(began); took > queryLimit() || err != nil {
					t.Errorf("window from %v: %d occurrences, %v, in %v", from, len(got), err, took)
				}
			}
		})
	}
}

func BenchmarkPathologicalQuery(b *testing.B) {
	for _, p := range pathological {
		e := series(p.rule, p.start, 30*time.Minute)
		if validateSeries(e, time.UTC) != nil {
			continue
		}
		r, _ := newRecurrence(e, time.UTC)
		b.Run(fmt.Sprint(p.name), func(b *testing.B) {
			from := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
			for b.Loop() {
				if _, err := r.between(from, from.AddDate(0, 0, 28)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
