package calendar

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// occursIn answers what between answers when asked whether a series has
// an occurrence in a window: for rules of every kind (those the lattice
// expands and those rrule-go does), bounded or not, with EXDATEs, RDATEs
// and overridden occurrences, timed and all-day, in windows before,
// across and long after the series.
func TestOccursInAgreesWithBetween(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 19))
	zones := []*time.Location{zone(t, "Asia/Shanghai"), zone(t, "America/New_York"), time.UTC}
	rules := []string{"FREQ=WEEKLY", "FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=MONTHLY;BYDAY=2TU",
		"FREQ=YEARLY", "FREQ=DAILY;INTERVAL=3", "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"}
	compared, yes, no := 0, 0, 0
	for i := range 4000 {
		loc := zones[r.IntN(len(zones))]
		start := time.Date(1900+r.IntN(200), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), 15*r.IntN(4), 0, 0, loc)
		rule := rules[r.IntN(len(rules))]
		switch r.IntN(3) {
		case 0:
			rule += fmt.Sprintf(";COUNT=%d", 1+r.IntN(30))
		case 1:
			rule += ";UNTIL=" + start.AddDate(0, r.IntN(30), r.IntN(30)).UTC().Format("20060102T150405Z")
		}
		e := series(rule, start, time.Duration(1+r.IntN(8))*15*time.Minute)
		if r.IntN(5) == 0 {
			d := DateOf(start)
			e.AllDay, e.StartDay, e.EndDay = true, d, d.AddDays(1+r.IntN(2))
		}
		for range r.IntN(3) {
			e.ExDates = append(e.ExDates, start.AddDate(0, 0, 7*r.IntN(6)))
		}
		for range r.IntN(2) {
			e.RDates = append(e.RDates, start.AddDate(0, r.IntN(20), r.IntN(30)))
		}
		from := start.AddDate(r.IntN(4)*r.IntN(40)-20, r.IntN(12), r.IntN(28)-14)
		to := from.Add(time.Duration(1+r.IntN(60*24*3)) * time.Hour)
		plain, err := newRecurrence(e, loc)
		if err != nil {
			continue
		}
		early, _ := newRecurrence(e, loc)
		for range r.IntN(2) { // an override stands in for an occurrence
			at := start.AddDate(0, 0, 7*r.IntN(8))
			plain.excludeStart(at)
			early.excludeStart(at)
		}
		starts, err1 := plain.between(from, to)
		occurs, err2 := early.occursIn(from, to)
		if err1 != nil || err2 != nil {
			t.Fatalf("case %d %q from %v: between %v, occursIn %v", i, e.RRule, from, err1, err2)
		}
		if occurs != (len(starts) > 0) {
			t.Fatalf("case %d %q (start %v, all day %v) in [%v, %v): occursIn %v; between found %d", i, e.RRule, start, e.AllDay, from, to, occurs, len(starts))
		}
		compared++
		if occurs {
			yes++
		} else {
			no++
		}
	}
	if compared < 2000 || yes < 300 || no < 300 {
		t.Fatalf("compared %d series (%d with an occurrence, %d without): too few of either", compared, yes, no)
	}
}
