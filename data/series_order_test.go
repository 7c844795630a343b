package data

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"anteroom/calendar"
)

// byFirstStart permutes in place; it must give what a plain sort by first
// start, then ID, gives, whatever the order the rows came in.
func TestByFirstStartMatchesAPlainSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 14))
	base := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	for round := range 200 {
		n := rng.IntN(60)
		es := make([]calendar.Engagement, n)
		for i := range es {
			// few distinct starts, so that ties on the start are common
			es[i] = calendar.Engagement{ID: int64(rng.IntN(1000)), Title: "s", Start: base.Add(time.Duration(rng.IntN(8)) * time.Hour)}
		}
		want := slices.Clone(es)
		slices.SortStableFunc(want, func(a, b calendar.Engagement) int {
			return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.ID, b.ID))
		})
		got := byFirstStart(slices.Clone(es))
		if !slices.EqualFunc(got, want, func(a, b calendar.Engagement) bool { return a.ID == b.ID && a.Start.Equal(b.Start) }) {
			t.Fatalf("round %d: byFirstStart of %d series differs from a plain sort", round, n)
		}
	}
}
