package calendar

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// sortByStart sorts positions, not the structs: it must give what a stable
// sort by start, then end, gives, equals kept in their order.
func TestSortByStartIsTheStableSort(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 14))
	base := time.Date(2026, 12, 28, 8, 0, 0, 0, time.UTC)
	for n := range 200 {
		es := make([]Engagement, n)
		for i := range es {
			es[i].ID = int64(i) // tells equals apart
			es[i].Start = base.Add(time.Duration(rnd.IntN(6)) * time.Hour)
			es[i].End = es[i].Start.Add(time.Duration(1+rnd.IntN(2)) * time.Hour)
			switch rnd.IntN(8) {
			case 0: // centuries away, past what UnixNano holds
				es[i].Start = es[i].Start.AddDate(500*(1-2*rnd.IntN(2)), 0, 0)
				es[i].End = es[i].Start.Add(time.Hour)
			case 1: // within a second of another
				es[i].Start = es[i].Start.Add(time.Duration(rnd.IntN(3)) * time.Millisecond)
				es[i].End = es[i].End.Add(-time.Duration(rnd.IntN(3)) * time.Millisecond)
			}
		}
		want := slices.Clone(es)
		slices.SortStableFunc(want, compareStartEnd)
		got := sortByStart(slices.Clone(es))
		if !slices.EqualFunc(got, want, func(a, b Engagement) bool { return a.ID == b.ID }) {
			t.Fatalf("%d engagements: got %v, want %v", n, ids(got), ids(want))
		}
	}
}

func ids(es []Engagement) []int64 {
	out := make([]int64, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}
