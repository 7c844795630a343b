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
// CheckMany checks: a file spanning years is checked a quarter at a
// time, so memory stays bounded whatever its size. Each engine reads and
// expands every series that meets its window, the open-ended ones however
// old: a month at a time, that fixed cost was most of a preview's.
const checkWindow = 92 * 24 * time.Hour

// maxItemFindings bounds the findings kept for one item, the most serious
// first: a series that clashes every week needs naming a few times, not a
// hundred.
const maxItemFindings = 20

// probe is one occurrence CheckMany checks: the item's, and when the
// occurrence starts in unix seconds. A series of a large file has dozens:
// they are kept small.
type probe struct {
	start int64
	item  int32
	first bool // the item's own start, held to the notice rule when new or moved
}

// at returns the probe's start.
func (p probe) at() time.Time { return time.Unix(p.start, 0) }

// CheckMany runs the conflict engine on many candidates of the leader as
// Check would, against what is stored, for an import: a series occurrence
// by occurrence over the twelve weeks from its start or from now. A nil
// or cancelled candidate is not checked. The notice rule applies only to
// a candidate that moved (moved[i]: new, or its start changed) and starts
// later than now. Candidates are not checked against each other. Each
// keeps at most maxItemFindings findings, the most serious first; the
// result is aligned with rows.
func (s *Service) CheckMany(ctx context.Context, leader Leader, loc *time.Location, rows []*Engagement, moved []bool) ([][]Finding, error) {
	out, err := s.CheckManyUnnamed(ctx, leader, loc, rows, moved)
	if err != nil {
		return nil, err
	}
	if err := s.NameOthers(ctx, out...); err != nil {
		return nil, err
	}
	return out, nil
}

// CheckManyUnnamed is CheckMany leaving the engagements its findings name
// unmade: a finding about another engagement has no Other until NameOthers
// makes it, and makes it itself (one read) when its Named, Args or
// Message is asked for. An import's preview finds thousands of clashes
// and shows a few: reading and making every engagement they name was
// most of what it cost.
func (s *Service) CheckManyUnnamed(ctx context.Context, leader Leader, loc *time.Location, rows []*Engagement, moved []bool) ([][]Finding, error) {
	probes := probesOf(rows, moved, loc, s.now())
	// One engine per quarter of occurrences, read in turn, while others
	// check the probes of the quarters built already, each probe's
	// findings in its own slot.
	type batch struct {
		en     *Engine
		lo, hi int
	}
	found := make([][]Finding, len(probes))
	batches := make(chan batch, 16)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var scratch []Finding // grown once to the most one probe finds, not for every probe
			for b := range batches {
				for i := b.lo; i < b.hi; i++ {
					pr := probes[i]
					scratch = b.en.checkInto(occurrenceAt(rows[pr.item], pr.at(), loc), scratch)
					fs := scratch
					if !pr.first {
						fs = slices.DeleteFunc(fs, func(f Finding) bool { return f.Rule == RuleNotice })
					}
					if len(fs) > 0 {
						found[i] = slices.Clone(fs)
					}
				}
			}
		})
	}
	// This goroutine reads the windows in turn (one connection serves the
	// store); a builder makes each window's engine from what was read
	// while this one reads the next, and hands its probes to the checkers.
	type readWindow struct {
		w      windowReads
		lo, hi int
	}
	reads := make(chan readWindow, 2)
	var buildErr error
	built := make(chan struct{})
	a, err := s.Availability(ctx, leader.ID)
	go func() {
		defer close(built)
		defer close(batches)
		for r := range reads {
			en, err := r.w.engine(leader, a, s.now())
			if err != nil {
				buildErr = err
				continue
			}
			for lo := r.lo; lo < r.hi; lo += parallelChunk {
				batches <- batch{en, lo, min(r.hi, lo+parallelChunk)}
			}
		}
	}()
	var series *seriesCache
	for lo := 0; lo < len(probes) && err == nil; {
		from := probes[lo].at()
		hi, to := lo, from
		for ; hi < len(probes) && probes[hi].start < from.Add(checkWindow).Unix(); hi++ {
			to = Later(to, occurrenceEnd(rows[probes[hi].item], probes[hi].at(), loc))
		}
		var w windowReads
		if w, err = s.readWindow(ctx, leader, from, to, series); err == nil {
			series = w.series
			reads <- readWindow{w, lo, hi}
			lo = hi
		}
	}
	close(reads)
	<-built
	wg.Wait()
	if err == nil {
		err = buildErr
	}
	if err != nil {
		return nil, err
	}
	names := &namer{svc: s}
	// Each candidate's findings in one allocation, the most serious first:
	// a candidate that found in one occurrence only (a single engagement,
	// most of a file) keeps that occurrence's, not a copy.
	count := make([]int32, len(rows))
	probed := make([]int32, len(rows)) // of its occurrences, how many found
	for i, pr := range probes {
		if len(found[i]) > 0 {
			count[pr.item] += int32(len(found[i]))
			probed[pr.item]++
		}
	}
	out := make([][]Finding, len(rows))
	for i, pr := range probes {
		fs := found[i]
		if len(fs) == 0 {
			continue
		}
		for j := range fs {
			if fs[j].span != nil {
				fs[j].names = names
			}
		}
		switch {
		case probed[pr.item] == 1:
			out[pr.item] = fs
			continue
		case out[pr.item] == nil:
			out[pr.item] = make([]Finding, 0, count[pr.item])
		}
		out[pr.item] = append(out[pr.item], fs...)
	}
	for i, fs := range out {
		if len(fs) > 1 {
			slices.SortStableFunc(fs, compareFindings)
			out[i] = slices.Clip(fs[:min(len(fs), maxItemFindings)])
		}
	}
	return out, nil
}

// probesOf returns the occurrences of the candidates CheckMany checks, in
// order of start. Series are expanded in parallel.
func probesOf(rows []*Engagement, movedRows []bool, loc *time.Location, now time.Time) []probe {
	var mu sync.Mutex
	all := make([]probe, 0, len(rows))
	_ = InParallel(len(rows), func(lo, hi int) error {
		var out []probe
		for i := lo; i < hi; i++ {
			c := rows[i]
			if c == nil || c.Cancelled() {
				continue
			}
			moved := movedRows[i]
			if !c.IsSeries() {
				out = append(out, probe{item: int32(i), start: c.Start.Unix(), first: moved && c.Start.After(now)})
				continue
			}
			r, err := newRecurrence(*c, loc)
			if err != nil {
				continue // validated on planning; a rule that cannot expand has no occurrences to check
			}
			from := Later(c.Start, now)
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
