package calendar

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"
)

// ExportItems returns what an export of the leaders' calendars on the days
// from..to (both included, days in each leader's zone) writes, as stored
// rather than expanded: the single engagements that meet those days, the
// series with an occurrence on them, each with all its overrides, and the
// series of any override that meets them. A series is one VEVENT and its
// overrides carry RECURRENCE-ID (RFC 5545 §3.8.5, §3.8.4.4), so a receiver
// sees every occurrence where it is. Cancelled items are included (they
// tell the receiver the slot is free again); deleted ones are not. The
// result is grouped by leader, in the order given, then ordered by start.
func (s *Service) ExportItems(ctx context.Context, leaderIDs []int64, from, to Date) ([]Engagement, error) {
	if to.Before(from) {
		return nil, fmt.Errorf("%w: the end date %s is before the start date %s", ErrInvalid, to, from)
	}
	var out []Engagement
	for _, id := range leaderIDs {
		items, err := s.exportItems(ctx, id, from, to)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = items // one leader's, mostly: not copied into fresh memory
			continue
		}
		out = append(out, items...)
	}
	return out, nil
}

// exportItems is ExportItems for one leader.
func (s *Service) exportItems(ctx context.Context, leaderID int64, from, to Date) ([]Engagement, error) {
	leader, err := s.store.Leader(ctx, leaderID)
	if err != nil {
		return nil, err
	}
	loc, err := leader.Location()
	if err != nil {
		return nil, err
	}
	lo, hi := from.In(loc), to.AddDays(1).In(loc)
	rows, err := s.store.EngagementsBetween(ctx, leaderID, lo, hi)
	if err != nil {
		return nil, err
	}
	items, masters := splitSeries(rows)
	{
		ms, err := s.store.SeriesBetween(ctx, leaderID, lo, hi)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			// The span meets the days; keep the series if an occurrence does.
			r, err := newRecurrence(m, loc)
			if err == nil {
				if occurs, err := r.occursIn(lo, hi); err == nil && !occurs {
					continue
				}
			}
			masters = append(masters, m)
		}
	}
	seen := make(map[int64]bool, len(rows)+len(masters))
	out := make([]Engagement, 0, len(rows)+2*len(masters)) // a series and its overrides, mostly one
	add := func(e Engagement) {
		if !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, e)
		}
	}
	for _, m := range masters {
		add(m)
	}
	for _, e := range items {
		if e.SeriesID != 0 && !seen[e.SeriesID] {
			m, err := s.store.Engagement(ctx, e.SeriesID)
			if err != nil {
				return nil, fmt.Errorf("series of override %d: %w", e.ID, err)
			}
			add(m)
			masters = append(masters, m)
		}
		add(e)
	}
	if err := s.addOverrides(ctx, leaderID, masters, add); err != nil {
		return nil, err
	}
	if err := s.followSeriesClass(ctx, out, seriesClasses(masters)); err != nil {
		return nil, err
	}
	return sortByStart(out), nil
}

// addOverrides adds every live override of the series masters: those of
// one series with one query, those of many by their series when the
// store can (OverridesOfStore), else with one query for the span of them
// all.
func (s *Service) addOverrides(ctx context.Context, leaderID int64, masters []Engagement, add func(Engagement)) error {
	if len(masters) == 0 {
		return nil
	}
	if len(masters) == 1 {
		ovs, err := s.store.SeriesOverrides(ctx, masters[0].ID)
		for _, o := range ovs {
			add(o)
		}
		return err
	}
	if bySeries, ok := s.store.(OverridesOfStore); ok {
		ids := make([]int64, len(masters))
		for i, m := range masters {
			ids[i] = m.ID
		}
		ovs, err := bySeries.OverridesOf(ctx, ids)
		if err != nil {
			return err
		}
		// in the order the span query gave them, which add keeps
		slices.SortFunc(ovs, func(a, b Engagement) int {
			return cmp.Or(a.RecurrenceID.Compare(b.RecurrenceID), cmp.Compare(a.ID, b.ID))
		})
		for _, o := range ovs {
			add(o)
		}
		return nil
	}
	ids := make(map[int64]bool, len(masters))
	lo, hi := masters[0].Start, masters[0].SeriesEnd
	for _, m := range masters {
		ids[m.ID] = true
		lo = Earlier(lo, m.Start)
		if m.SeriesEnd.IsZero() || hi.IsZero() {
			hi = time.Time{}
		} else {
			hi = Later(hi, m.SeriesEnd)
		}
	}
	if hi.IsZero() {
		hi = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC) // a series without end
	}
	// An override keeps the start its occurrence had: within the span, but
	// a day of slack covers all-day series anchored in another zone.
	ovs, err := s.store.OverridesBetween(ctx, leaderID, lo.Add(-48*time.Hour), hi.Add(48*time.Hour))
	if err != nil {
		return err
	}
	for _, o := range ovs {
		if ids[o.SeriesID] {
			add(o)
		}
	}
	return nil
}
