package calendar

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// Series sharing a rule text share its parsed rule: each still expands
// as it does from a rule parsed for it alone, whatever the others did
// with the rule before.
func TestSharedRulesExpandAsRulesOfTheirOwn(t *testing.T) {
	loc := zone(t, "Asia/Shanghai")
	rules := []string{"FREQ=WEEKLY", "FREQ=WEEKLY;COUNT=12", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
		"FREQ=MONTHLY;BYDAY=1MO", "FREQ=YEARLY", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=60",
		"FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=WEEKLY;UNTIL=20300101T000000Z", "rrule:freq=weekly;wkst=su"}
	r := rand.New(rand.NewPCG(14, 17))
	type want struct {
		e        Engagement
		from, to time.Time
		starts   []time.Time
	}
	var fresh []want
	for i := range 300 {
		start := time.Date(1990+r.IntN(40), time.Month(1+r.IntN(12)), 1+r.IntN(28), 7+r.IntN(12), 15*r.IntN(4), 0, 0, loc)
		e := series(rules[i%len(rules)], start, time.Hour)
		from := start.AddDate(r.IntN(30), r.IntN(12), 0)
		to := from.AddDate(0, 0, 1+r.IntN(90))
		clearRuleMemo()
		got, err := mustRecurrence(t, e, loc).between(from, to)
		if err != nil {
			t.Fatal(err)
		}
		fresh = append(fresh, want{e, from, to, got})
	}
	clearRuleMemo()
	for _, w := range fresh { // now each rule parsed once, for the first series that has it
		got, err := mustRecurrence(t, w.e, loc).between(w.from, w.to)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(got, w.starts, time.Time.Equal) {
			t.Fatalf("%q from %v, %v – %v: %v with a shared rule, %v alone", w.e.RRule, w.e.Start, w.from, w.to, got, w.starts)
		}
	}
}

func clearRuleMemo() {
	ruleMemo.Lock()
	clear(ruleMemo.rules)
	ruleMemo.Unlock()
}

// BenchmarkNewRecurrenceSharedRule is what a week at a million stored
// pays per open-ended series: its rule made ready to expand.
func BenchmarkNewRecurrenceSharedRule(b *testing.B) {
	loc := zone(b, "Asia/Shanghai")
	e := series("FREQ=WEEKLY", time.Date(2001, 3, 5, 9, 0, 0, 0, loc), time.Hour)
	e.ExDates = []time.Time{e.Start.AddDate(0, 0, 7)}
	for b.Loop() {
		if _, err := newRecurrence(e, loc); err != nil {
			b.Fatal(err)
		}
	}
}
