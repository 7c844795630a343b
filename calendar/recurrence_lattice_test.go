package calendar

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// A lattice rule expands as rrule-go expands the same rule spelled with
// DTSTART's weekday or hour as a BYxxx part, which sends it to rrule-go:
// timed and all-day, across DST, bounded by COUNT or UNTIL or not, in
// windows from the series' start to centuries after it.
func TestLatticeRulesExpandAsRruleGo(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 23))
	zones := []*time.Location{zone(t, "Asia/Shanghai"), zone(t, "America/New_York"), zone(t, "Europe/London"), time.UTC}
	days := []string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}
	compared, nonEmpty := 0, 0
	for i := range 3000 {
		loc := zones[r.IntN(len(zones))]
		start := time.Date(1900+r.IntN(200), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), 15*r.IntN(4), 0, 0, loc)
		weekly := r.IntN(2) == 0
		rule, spelled := "FREQ=DAILY", fmt.Sprintf("FREQ=DAILY;BYHOUR=%d", start.Hour())
		if weekly {
			rule, spelled = "FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY="+days[start.Weekday()]
		}
		extra := ""
		if n := r.IntN(4); n > 0 {
			extra += fmt.Sprintf(";INTERVAL=%d", 1+n)
		}
		if r.IntN(3) == 0 {
			extra += ";WKST=" + days[r.IntN(7)]
		}
		switch r.IntN(3) {
		case 0:
			extra += fmt.Sprintf(";COUNT=%d", 1+r.IntN(60))
		case 1:
			extra += ";UNTIL=" + start.AddDate(0, r.IntN(40), r.IntN(30)).UTC().Format("20060102T150405Z")
		}
		e := series(rule+extra, start, time.Duration(1+r.IntN(8))*15*time.Minute)
		if r.IntN(5) == 0 {
			d := DateOf(start)
			e.AllDay, e.StartDay, e.EndDay = true, d, d.AddDays(1+r.IntN(2))
			if !weekly {
				spelled = "FREQ=DAILY;BYHOUR=0"
			}
		}
		e.ExDates = []time.Time{start.AddDate(0, 0, 7*r.IntN(5))}
		o := e
		o.RRule = spelled + extra
		from := start.AddDate(r.IntN(3)*r.IntN(150), r.IntN(12), r.IntN(28)-14)
		to := from.Add(time.Duration(1+r.IntN(800)) * 24 * time.Hour)
		lattice, err := newRecurrence(e, loc)
		if err != nil {
			continue // a start the rules refuse, both ways
		}
		if lattice.latticeStep() == 0 {
			t.Fatalf("%q is not taken for a lattice", e.RRule)
		}
		byRrule := mustRecurrence(t, o, loc)
		if byRrule.latticeStep() != 0 {
			t.Fatalf("%q is taken for a lattice", o.RRule)
		}
		got, gotErr := lattice.between(from, to)
		want, wantErr := byRrule.between(from, to)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !slices.EqualFunc(got, want, time.Time.Equal) {
			t.Fatalf("case %d: %q from %v (all day %v), %v – %v:\n%v, %v\nrrule-go: %v, %v", i, e.RRule, start, e.AllDay, from, to, got, gotErr, want, wantErr)
		}
		compared++
		if len(got) > 1 {
			nonEmpty++
		}
	}
	if compared < 2000 || nonEmpty < 500 {
		t.Errorf("only %d cases compared, %d with occurrences past the first", compared, nonEmpty)
	}
}

// BenchmarkWeekOfOpenSeries is what a week at a million stored pays per
// open-ended weekly series begun decades before: its rule made and its
// occurrences in the week found.
func BenchmarkWeekOfOpenSeries(b *testing.B) {
	loc := zone(b, "Asia/Shanghai")
	e := series("FREQ=WEEKLY", time.Date(1931, 3, 2, 9, 0, 0, 0, loc), time.Hour)
	from := time.Date(2026, 12, 28, 0, 0, 0, 0, loc)
	for b.Loop() {
		r, err := newRecurrence(e, loc)
		if err != nil {
			b.Fatal(err)
		}
		if st, err := r.between(from, from.AddDate(0, 0, 7)); err != nil || len(st) != 1 {
			b.Fatal(st, err)
		}
	}
}
