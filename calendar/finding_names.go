package calendar

import (
	"context"
	"fmt"
	"iter"
	"sync"
	"time"
)

// Named returns the engagement or occurrence the finding is about, when
// there is one: Other, or for a finding CheckManyUnnamed left unnamed the
// engagement made now, as NameOthers would make it.
func (f Finding) Named() *Engagement {
	if f.Other != nil || f.span == nil || f.names == nil {
		return f.Other
	}
	return f.names.one(f)
}

// namer makes, on demand, the engagements the findings of one
// CheckManyUnnamed name, each once: a preview shows a few of thousands.
type namer struct {
	svc  *Service
	mu   sync.Mutex
	made map[*Span]*Engagement
}

// one makes the engagement f names. A read that fails leaves what the
// span knows of it, as for an engagement gone since it was checked: the
// words of a finding shown are no reason to fail what showed it.
func (n *namer) one(f Finding) *Engagement {
	n.mu.Lock()
	defer n.mu.Unlock()
	if o, ok := n.made[f.span]; ok {
		return o
	}
	fs := []Finding{f}
	if err := n.svc.NameOthers(context.Background(), fs); err != nil {
		fs[0].Other = spanOnly(f.span)
	}
	if n.made == nil {
		n.made = map[*Span]*Engagement{}
	}
	n.made[f.span] = fs[0].Other
	return fs[0].Other
}

// spanOnly is what a span knows of its engagement.
func spanOnly(sp *Span) *Engagement {
	return &Engagement{ID: sp.ID, Start: time.Unix(sp.Start, 0).UTC(), End: time.Unix(sp.End, 0).UTC(), Kind: sp.Kind, Status: sp.Status}
}

// NameOthers makes the engagement each finding of lists names into its Other,
// for findings CheckManyUnnamed left unnamed, as Occurrences would have
// made it: stored rows read by ID in one go (overrides following their
// series' classification), occurrences of a series from the series in
// memory, in place. Findings named already are left as they are.
func (s *Service) NameOthers(ctx context.Context, lists ...[]Finding) error {
	stored := map[int64]*Engagement{}
	made := map[*Span]*Engagement{}
	var ids []int64
	masters, err := s.wholeSeriesNamed(ctx, lists)
	if err != nil {
		return err
	}
	for f := range findingsOf(lists) {
		sp := f.span
		switch {
		case sp == nil || f.Other != nil:
		case sp.ID != 0:
			if _, ok := stored[sp.ID]; !ok {
				stored[sp.ID] = nil
				ids = append(ids, sp.ID)
			}
		case made[sp] == nil:
			x, ok := f.en.series[sp.SeriesID]
			if !ok {
				return fmt.Errorf("occurrence at %v of series %d: the series was not read", time.Unix(sp.Start, 0).UTC(), sp.SeriesID)
			}
			m := x.m
			if !x.whole {
				if m = masters[sp.SeriesID]; m == nil { // gone since it was read: what its rule knows of it
					m = x.m
				}
			}
			occ := x.occurrence(m, sp.Recurrence)
			made[sp] = &occ
		}
	}
	if len(ids) > 0 {
		ss := s.store.(SpanStore) // only a span engine names spans
		rows, err := ss.EngagementsByID(ctx, ids)
		if err != nil {
			return err
		}
		known := map[int64]Classification{}
		for f := range findingsOf(lists) {
			if f.en != nil && f.span != nil && f.span.ID != 0 && f.span.SeriesID != 0 {
				if x, ok := f.en.series[f.span.SeriesID]; ok {
					known[f.span.SeriesID] = x.m.Classification
				}
			}
		}
		if err := s.followSeriesClass(ctx, rows, known); err != nil {
			return err
		}
		for i := range rows {
			stored[rows[i].ID] = &rows[i]
		}
	}
	for f := range findingsOf(lists) {
		switch sp := f.span; {
		case sp == nil || f.Other != nil:
			continue
		case sp.ID != 0:
			f.Other = stored[sp.ID]
		default:
			f.Other = made[sp]
		}
		if f.Other == nil { // gone since it was read: what the span knows of it
			f.Other = spanOnly(f.span)
		}
		f.span, f.en, f.names = nil, nil, nil
	}
	return nil
}

// findingsOf yields each finding of lists, to be changed in place.
func findingsOf(lists [][]Finding) iter.Seq[*Finding] {
	return func(yield func(*Finding) bool) {
		for _, fs := range lists {
			for j := range fs {
				if !yield(&fs[j]) {
					return
				}
			}
		}
	}
}

// wholeSeriesNamed reads, by ID in one go, the whole series of each
// occurrence a finding of lists names whose engine read its series for
// the rule alone (SeriesRulesBetween).
func (s *Service) wholeSeriesNamed(ctx context.Context, lists [][]Finding) (map[int64]*Engagement, error) {
	var ids []int64
	seen := map[int64]bool{}
	for f := range findingsOf(lists) {
		if sp := f.span; sp != nil && f.Other == nil && sp.ID == 0 && f.en != nil {
			if x, ok := f.en.series[sp.SeriesID]; ok && !x.whole && !seen[sp.SeriesID] {
				seen[sp.SeriesID] = true
				ids = append(ids, sp.SeriesID)
			}
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.store.(SpanStore).EngagementsByID(ctx, ids) // only a span engine reads rules alone
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*Engagement, len(rows))
	for i := range rows {
		out[rows[i].ID] = &rows[i]
	}
	return out, nil
}
