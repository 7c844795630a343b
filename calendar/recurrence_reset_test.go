package calendar

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestResetRecurrenceExpandsAsANewOne: a week expands its series one
// after the other in one recurrence; each expands exactly as a recurrence
// made for it alone, whatever the series before it left behind: EXDATEs,
// RDATEs, overridden starts, a COUNT or UNTIL, all-day or timed, a zone.
func TestResetRecurrenceExpandsAsANewOne(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 12))
	zones := []*time.Location{zone(t, "Asia/Shanghai"), zone(t, "America/New_York"), time.UTC}
	rules := []string{"FREQ=WEEKLY", "FREQ=DAILY;INTERVAL=3", "FREQ=MONTHLY;BYMONTHDAY=1,15", "FREQ=WEEKLY;BYDAY=MO,WE,FR", ""}
	var shared recurrence
	compared := 0
	for range 2000 {
		loc := zones[r.IntN(len(zones))]
		start := time.Date(2000+r.IntN(30), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), 15*r.IntN(4), 0, 0, loc)
		rule := rules[r.IntN(len(rules))]
		switch r.IntN(3) {
		case 0:
			if rule != "" {
				rule += fmt.Sprintf(";COUNT=%d", 1+r.IntN(40))
			}
		case 1:
			if rule != "" {
				rule += ";UNTIL=" + start.AddDate(0, r.IntN(20), 0).UTC().Format("20060102T150405Z")
			}
		}
		e := series(rule, start, time.Duration(1+r.IntN(8))*15*time.Minute)
		if r.IntN(4) == 0 {
			d := DateOf(start)
			e.AllDay, e.StartDay, e.EndDay = true, d, d.AddDays(1+r.IntN(2))
		}
		for range r.IntN(4) {
			e.ExDates = append(e.ExDates, start.AddDate(0, 0, 7*r.IntN(8)))
		}
		for range r.IntN(3) {
			e.RDates = append(e.RDates, start.AddDate(0, 0, 1+r.IntN(60)))
		}
		if e.RRule == "" && len(e.RDates) == 0 {
			e.RDates = []time.Time{start.AddDate(0, 0, 2)}
		}
		overridden := start.AddDate(0, 0, 7*r.IntN(6))
		from := start.AddDate(0, 0, r.IntN(200)-20)
		to := from.AddDate(0, 0, 1+r.IntN(60))

		fresh, freshErr := newRecurrence(e, loc)
		resetErr := shared.reset(e, loc)
		if (freshErr == nil) != (resetErr == nil) {
			t.Fatalf("%q from %v: a new recurrence says %v, a reset one %v", e.RRule, start, freshErr, resetErr)
		}
		if freshErr != nil {
			continue
		}
		fresh.excludeStart(overridden)
		shared.excludeStart(overridden)
		want, wantErr := fresh.between(from, to)
		got, gotErr := shared.between(from, to)
		if (wantErr == nil) != (gotErr == nil) || !slices.EqualFunc(got, want, time.Time.Equal) {
			t.Fatalf("%q (RDATE %v, EXDATE %v) in [%v, %v): a reset recurrence gives %v (%v), a new one %v (%v)",
				e.RRule, e.RDates, e.ExDates, from, to, got, gotErr, want, wantErr)
		}
		if len(want) > 0 {
			compared++
		}
	}
	if compared < 500 {
		t.Fatalf("only %d windows had occurrences to compare", compared)
	}
}
