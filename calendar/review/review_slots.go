package review

import (
	"context"
	"time"

	"anteroom/calendar"
)

// Where a carried item may go: the conflict engine's free slots in the
// week after the review.

// carrySlots offers up to n places for a carried item, in the week after
// the reviewed one and never in the past (a late review looks in the rest
// of the current week and the next instead): slots of the item's length
// and kind in which the conflict engine finds nothing at all (FreeSlots:
// no overlap, within working hours, buffers kept, notice given, caps
// kept), earliest first. An all-day item is offered the days against
// which Check finds nothing; an item longer than a day is offered none.
func (s *Service) carrySlots(ctx context.Context, leader calendar.Leader, loc *time.Location, w calendar.Week, c CarryOver, n int) ([]calendar.Slot, error) {
	now := s.book.Now()
	from, to := w.Next().Span(loc)
	if !now.Before(to) {
		_, to = calendar.WeekOf(calendar.DateOf(now.In(loc))).Next().Span(loc)
	}
	if now.After(from) {
		from = now
	}
	if c.AllDay() {
		first := calendar.DateOf(from.In(loc))
		if !from.Equal(first.In(loc)) {
			first = first.AddDays(1) // the day is under way
		}
		var out []calendar.Slot
		for d := first; d.In(loc).Before(to) && len(out) < n; d = d.AddDays(1) {
			e := c.engagement(leader, loc)
			c.place(&e, d.In(loc), loc)
			fs, err := s.book.Check(ctx, leader, e)
			if err != nil {
				return nil, err
			}
			if len(fs) == 0 {
				out = append(out, calendar.Slot{Start: e.Start, End: e.End})
			}
		}
		return out, nil
	}
	if c.Length <= 0 || c.Length > 24*time.Hour || !to.After(from) {
		return nil, nil
	}
	return s.book.FreeSlots(ctx, leader, c.Kind, c.Length, from, to, n)
}

// CarrySlots offers up to n places to carry an item of the leader's open
// review of w into (see carrySlots); none for briefing materials, which
// have no time of their own.
func (s *Service) CarrySlots(ctx context.Context, leaderID int64, w calendar.Week, ref ItemRef, n int) ([]calendar.Slot, error) {
	rv, it, err := s.openItem(ctx, leaderID, w, ref)
	if err != nil {
		return nil, err
	}
	loc, err := rv.Leader.Location()
	if err != nil {
		return nil, err
	}
	var c CarryOver
	switch it.Ref.Kind {
	case RefMaterial:
		return nil, nil
	case RefToSchedule:
		c = it.ToSchedule
	default:
		if c, err = s.carryOverOf(ctx, rv, it); err != nil {
			return nil, err
		}
	}
	return s.carrySlots(ctx, rv.Leader, loc, rv.Week, c, min(max(n, 1), calendar.MaxSlots))
}
