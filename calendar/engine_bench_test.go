package calendar_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"anteroom/calendar"
)

// The benchmark calendar: one leader with 100,000 engagements over twenty
// years (about fourteen a day), 200 of them recurring series (weekly,
// fortnightly, monthly, daily for a few weeks; standing meetings a year or
// two long, some for ever), expanded into an Engine once per test binary.
const (
	benchEngagements = 100_000
	benchSeries      = 200
	benchYears       = 20
)

var bench struct {
	once        sync.Once
	engine      *calendar.Engine
	bare        *bareIndex // the same occurrences, for the bare search
	occurrences int
	candidates  []calendar.Engagement
	from, to    time.Time
	err         error
}

func benchEngine(b *testing.B) *calendar.Engine {
	b.Helper()
	bench.once.Do(func() {
		began := time.Now()
		bench.err = buildBenchEngine()
		b.Logf("built %d engagements (%d occurrences) in %v", benchEngagements, bench.occurrences, time.Since(began).Round(time.Millisecond))
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.engine
}

func buildBenchEngine() error {
	ctx := context.Background()
	store := newMemStore()
	svc := calendar.NewService(store)
	first := calendar.NewDate(2022, 1, 3)
	svc.SetClock(func() time.Time { return first.In(shanghai) })
	leader := calendar.Leader{Name: "书记", ZoneName: "Asia/Shanghai"}
	if err := svc.AddLeader(ctx, &leader); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(5, 100_000))
	days := benchYears * 365
	for i := range benchEngagements - benchSeries {
		day := first.AddDays(r.IntN(days))
		e := calendar.Engagement{UID: fmt.Sprint(i), LeaderID: leader.ID, Kind: calendar.Kinds[r.IntN(len(calendar.Kinds))],
			Title: fmt.Sprint("Engagement ", i), Status: calendar.StatusConfirmed, Source: calendar.Source([]string{"manual", "imported", "visit"}[r.IntN(3)])}
		switch n := r.IntN(50); {
		case n == 0:
			e.AllDay, e.StartDay, e.EndDay = true, day, day.AddDays(1+r.IntN(14))
			e.Anchor(shanghai)
		case n < 3:
			e.Start = day.In(shanghai).Add(8 * time.Hour)
			e.End = e.Start.Add(10 * time.Hour)
		default:
			e.Start = day.In(shanghai).Add(time.Duration(7*4+r.IntN(12*4)) * 15 * time.Minute)
			e.End = e.Start.Add(time.Duration(1+r.IntN(12)) * 15 * time.Minute)
		}
		switch r.IntN(20) {
		case 0:
			e.Status = calendar.StatusCancelled
		case 1:
			e.Status = calendar.StatusTentative
		}
		if err := store.CreateEngagement(ctx, &e); err != nil {
			return err
		}
	}
	rules := []string{"FREQ=WEEKLY;COUNT=52", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=50", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=20",
		"FREQ=MONTHLY;BYDAY=1MO", "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=24", "FREQ=WEEKLY;COUNT=104", "FREQ=YEARLY", "FREQ=WEEKLY;BYDAY=FR;COUNT=80"}
	for i := range benchSeries {
		start := first.AddDays(r.IntN(days)).In(shanghai).Add(time.Duration(8*4+r.IntN(9*4)) * 15 * time.Minute)
		e := calendar.Engagement{LeaderID: leader.ID, Kind: calendar.Kinds[r.IntN(3)], Title: fmt.Sprint("Series ", i),
			Start: start, End: start.Add(time.Duration(2+r.IntN(6)) * 15 * time.Minute), ZoneName: "Asia/Shanghai", RRule: rules[i%len(rules)]}
		if err := svc.Save(ctx, &e); err != nil {
			return err
		}
	}
	bench.from, bench.to = first.In(shanghai), first.AddDays(days+30).In(shanghai)
	items, err := svc.Between(ctx, leader.ID, bench.from, bench.to)
	if err != nil {
		return err
	}
	a, err := svc.Availability(ctx, leader.ID)
	if err != nil {
		return err
	}
	now := first.AddDays(days / 2).In(shanghai)
	if bench.engine, err = calendar.NewEngine(leader, a, items, now); err != nil {
		return err
	}
	bench.bare, bench.occurrences = newBareIndex(items), len(items)
	for range 10_000 {
		day := first.AddDays(r.IntN(days))
		start := day.In(shanghai).Add(time.Duration(7*4+r.IntN(12*4)) * 15 * time.Minute)
		bench.candidates = append(bench.candidates, calendar.Engagement{Kind: calendar.Kinds[r.IntN(3)], Title: "candidate",
			Start: start, End: start.Add(time.Duration(2+r.IntN(6)) * 15 * time.Minute), Status: calendar.StatusConfirmed})
	}
	return nil
}

// bareIndex is the least a correct overlap search needs: the same
// intervals sorted by start, split at a day's length as the engine splits
// them, so a long trip does not widen every search.
type bareIndex [2]struct {
	start, end []int64
	maxDur     int64
}

func newBareIndex(items []calendar.Engagement) *bareIndex {
	var ix bareIndex
	sorted := slices.Clone(items)
	slices.SortFunc(sorted, func(a, b calendar.Engagement) int { return a.Start.Compare(b.Start) })
	for _, e := range sorted {
		if e.Cancelled() {
			continue
		}
		s, en := e.Start.Unix(), e.End.Unix()
		i := 0
		if en-s > 24*3600 {
			i = 1
		}
		ix[i].start, ix[i].end = append(ix[i].start, s), append(ix[i].end, en)
		ix[i].maxDur = max(ix[i].maxDur, en-s)
	}
	return &ix
}

// overlaps counts the intervals meeting [s, e).
func (ix *bareIndex) overlaps(s, e int64) int {
	n := 0
	for k := range ix {
		x := &ix[k]
		i, _ := slices.BinarySearch(x.start, s-x.maxDur)
		for ; i < len(x.start) && x.start[i] < e; i++ {
			if x.end[i] > s {
				n++
			}
		}
	}
	return n
}

// percentile returns the p-th percentile of ds, which it sorts.
func percentile(ds []time.Duration, p float64) time.Duration {
	slices.Sort(ds)
	return ds[min(len(ds)-1, int(float64(len(ds))*p))]
}

// BenchmarkCheck100k times Engine.Check call by call over random
// candidates and reports its p99, then times the bare overlap search over
// the same candidates in the same run and reports the ratios.
func BenchmarkCheck100k(b *testing.B) {
	en := benchEngine(b)
	cands := bench.candidates
	took := make([]time.Duration, 0, 1<<20)
	found, i := 0, 0
	for b.Loop() {
		c := cands[i%len(cands)]
		t0 := time.Now()
		found += len(en.Check(c))
		if d := time.Since(t0); len(took) < cap(took) {
			took = append(took, d)
		}
		i++
	}
	findings := float64(found) / float64(i)
	bare := bench.bare
	baseTook := make([]time.Duration, 0, len(took))
	var engineSum, baseSum time.Duration
	for j := range took {
		c := cands[j%len(cands)]
		t0 := time.Now()
		found += bare.overlaps(c.Start.Unix(), c.End.Unix())
		d := time.Since(t0)
		baseTook = append(baseTook, d)
		baseSum += d
		engineSum += took[j]
	}
	p99, base99 := percentile(took, 0.99), percentile(baseTook, 0.99)
	b.ReportMetric(float64(p99.Nanoseconds()), "p99-ns")
	b.ReportMetric(float64(percentile(took, 0.5).Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(base99.Nanoseconds()), "bare-p99-ns")
	b.ReportMetric(float64(engineSum)/float64(max(baseSum, 1)), "x-bare-mean")
	b.ReportMetric(float64(p99)/float64(max(base99, 1)), "x-bare-p99")
	b.ReportMetric(findings, "findings/op")
}

// BenchmarkFreeSlots100k asks for the next five 45-minute meeting slots over
// four weeks from random days.
func BenchmarkFreeSlots100k(b *testing.B) {
	en := benchEngine(b)
	cands := bench.candidates
	var took []time.Duration
	i, found := 0, 0
	for b.Loop() {
		from := cands[i%len(cands)].Start
		t0 := time.Now()
		found += len(en.FreeSlots(calendar.KindMeeting, 45*time.Minute, from, from.Add(28*24*time.Hour), 5))
		took = append(took, time.Since(t0))
		i++
	}
	b.ReportMetric(float64(percentile(took, 0.99).Microseconds()), "p99-µs")
	b.ReportMetric(float64(found)/float64(i), "slots/op")
}

// BenchmarkFreeSlotsFullHorizon asks for more slots than four busy weeks
// hold, so the search walks the whole horizon.
func BenchmarkFreeSlotsFullHorizon(b *testing.B) {
	en := benchEngine(b)
	cands := bench.candidates
	i := 0
	for b.Loop() {
		from := cands[i%len(cands)].Start
		en.FreeSlots(calendar.KindMeeting, 3*time.Hour, from, from.Add(28*24*time.Hour), 100)
		i++
	}
}
