package calendar

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"sync"
	"time"
)

// checkWindow is how much of the calendar one conflict engine holds while
// an import plan is checked: a file spanning years is checked a month at a
// time, so memory stays bounded whatever its size.
const checkWindow = 31 * 24 * time.Hour

// maxItemFindings bounds the findings kept for one item, the most serious
// first: a series that clashes every week needs naming a few times, not a
// hundred.
const maxItemFindings = 20

// probe is one occurrence an import plan checks: the item's, and when the
// occurrence starts in unix seconds. A series of a large file has dozens:
// they are kept small.
type probe struct {
	start int64
	item  int32
	first bool // the item's own start, held to the notice rule when new or moved
}

// at returns the probe's start.
func (p probe) at() time.Time { return time.Unix(p.start, 0) }

// checkPlan runs the conflict engine on the plan's new and updated items
// as Check would, against what is stored: a series occurrence by
// occurrence over the twelve weeks from its start or from now. The notice
// rule applies only to an item that is new or moves, and starts later
// than now. Items of the same file are not checked against each other.
// An item keeps at most maxItemFindings findings, the most serious first.
func (s *Service) checkPlan(ctx context.Context, leader Leader, loc *time.Location, plan *ImportPlan) error {
	probes := s.probes(plan, loc)
	// One engine per month of occurrences, built in turn on this goroutine
	// (they read the store) while others check the probes of the months
	// built already, each probe's findings in its own slot.
	type batch struct {
		en     *Engine
		lo, hi int
	}
	found := make([][]Finding, len(probes))
	batches := make(chan batch, 16)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for b := range batches {
				for i := b.lo; i < b.hi; i++ {
					pr := probes[i]
					fs := b.en.Check(occurrenceAt(plan.Items[pr.item].row, pr.at(), loc))
					if !pr.first {
						fs = slices.DeleteFunc(fs, func(f Finding) bool { return f.Rule == RuleNotice })
					}
					found[i] = fs
				}
			}
		})
	}
	var err error
	for lo := 0; lo < len(probes) && err == nil; {
		from := probes[lo].at()
		hi, to := lo, from
		for ; hi < len(probes) && probes[hi].start < from.Add(checkWindow).Unix(); hi++ {
			to = maxTime(to, occurrenceEnd(plan.Items[probes[hi].item].row, probes[hi].at(), loc))
		}
		var en *Engine
		if en, err = s.Engine(ctx, leader, from, to); err == nil {
			for ; lo < hi; lo += parallelChunk {
				batches <- batch{en, lo, min(hi, lo+parallelChunk)}
			}
			lo = hi // the chunks overshoot hi: the next window starts at hi
		}
	}
	close(batches)
	wg.Wait()
	if err != nil {
		return err
	}
	// Each item's findings in one allocation, the most serious first.
	count := make([]int32, len(plan.Items))
	for i, pr := range probes {
		count[pr.item] += int32(len(found[i]))
	}
	for i, pr := range probes {
		if len(found[i]) == 0 {
			continue // most: no need to fetch the item
		}
		it := &plan.Items[pr.item]
		if it.Findings == nil && count[pr.item] > 0 {
			it.Findings = make([]Finding, 0, count[pr.item])
		}
		it.Findings = append(it.Findings, found[i]...)
	}
	for i := range plan.Items {
		if fs := plan.Items[i].Findings; len(fs) > 1 {
			slices.SortStableFunc(fs, compareFindings)
			plan.Items[i].Findings = slices.Clip(fs[:min(len(fs), maxItemFindings)])
		}
	}
	return nil
}

// probes returns the occurrences of the plan's new and updated items that
// checkPlan checks, in order of start. Series are expanded in parallel.
func (s *Service) probes(plan *ImportPlan, loc *time.Location) []probe {
	now := s.now()
	var mu sync.Mutex
	all := make([]probe, 0, len(plan.Items))
	_ = inParallel(len(plan.Items), func(lo, hi int) error {
		var out []probe
		for i := lo; i < hi; i++ {
			it := &plan.Items[i]
			c := it.row
			if it.Action != ImportNew && it.Action != ImportUpdated || c == nil || c.Cancelled() {
				continue
			}
			moved := it.Existing == nil || !it.Existing.Start.Equal(c.Start)
			if !c.IsSeries() {
				out = append(out, probe{item: int32(i), start: c.Start.Unix(), first: moved && c.Start.After(now)})
				continue
			}
			r, err := newRecurrence(*c, loc)
			if err != nil {
				continue // validated on planning; a rule that cannot expand has no occurrences to check
			}
			from := maxTime(c.Start, now)
			starts, err := r.between(from, from.Add(seriesHorizon))
			if err != nil {
				continue
			}
			for _, st := range starts[:min(len(starts), seriesCheckLimits)] {
				out = append(out, probe{item: int32(i), start: st.Unix(), first: moved && st.Equal(c.Start)})
			}
		}
		mu.Lock()
		all = append(all, out...)
		mu.Unlock()
		return nil
	})
	return sortProbes(all)
}

// sortProbes sorts probes by start, then item: in halves on two
// goroutines, then merged, when there are many (a year of weekly series
// makes hundreds of thousands).
func sortProbes(ps []probe) []probe {
	byStart := func(a, b probe) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.item, b.item))
	}
	if len(ps) < 1<<14 || runtime.GOMAXPROCS(0) < 2 {
		slices.SortFunc(ps, byStart)
		return ps
	}
	a, b := ps[:len(ps)/2], ps[len(ps)/2:]
	var wg sync.WaitGroup
	wg.Go(func() { slices.SortFunc(a, byStart) })
	slices.SortFunc(b, byStart)
	wg.Wait()
	out := make([]probe, 0, len(ps))
	for len(a) > 0 && len(b) > 0 {
		if byStart(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// occurrenceEnd returns when the occurrence of c that starts at start
// ends, as occurrenceAt does, without copying c for a timed one.
func occurrenceEnd(c *Engagement, start time.Time, loc *time.Location) time.Time {
	switch {
	case c.AllDay:
		return occurrenceAt(c, start, loc).End
	case start.Equal(c.Start):
		return c.End
	}
	return start.Add(c.End.Sub(c.Start))
}

// occurrenceAt returns the occurrence of c that starts at start: c itself
// when it is c's own start.
func occurrenceAt(c *Engagement, start time.Time, loc *time.Location) Engagement {
	occ := *c
	if start.Equal(c.Start) {
		return occ
	}
	if c.AllDay {
		occ.StartDay = DateOf(start.In(loc))
		occ.EndDay = occ.StartDay.AddDays(DaysBetween(c.StartDay, c.EndDay))
		occ.Anchor(loc)
		return occ
	}
	occ.Start, occ.End = start, start.Add(c.End.Sub(c.Start))
	return occ
}
