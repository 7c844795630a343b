package calendar

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// sortSpans sorts keys of singles and series side by side: it must give
// what a stable sort of the two one after the other, by start, then end,
// gives, equals kept in their order.
func TestSortSpansIsTheStableSortOfSinglesThenSeries(t *testing.T) {
	rnd := rand.New(rand.NewPCG(20, 14))
	const base = 1798761600 // 2027-01-01
	span := func(id int64) Span {
		start := base + int64(rnd.IntN(12))*1800 // many starting together
		return Span{ID: id, Start: start, End: start + int64(1+rnd.IntN(3))*1800}
	}
	for n := range 120 {
		singles := make([]Span, rnd.IntN(n+1))
		for i := range singles {
			singles[i] = span(int64(i))
		}
		if n%2 == 0 { // as read: in order already
			slices.SortStableFunc(singles, func(a, b Span) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
		}
		series := make([]Span, n-len(singles))
		for i := range series {
			series[i] = span(int64(1000 + i))
		}
		want := append(slices.Clone(singles), series...)
		slices.SortStableFunc(want, func(a, b Span) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
		got := sortSpans(slices.Clone(singles), slices.Clone(series))
		if !slices.Equal(got, want) {
			t.Fatalf("%d singles and %d series spans: got %v, want %v", len(singles), len(series), got, want)
		}
	}
}
