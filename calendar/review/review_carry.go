package review

import (
	"context"
	"errors"
	"strings"
	"time"

	"anteroom/calendar"
)

// "Carry over" moves what was not done to a later week: a new engagement
// in a free slot, or the to-schedule list, linked back to its origin.

// CarryTo says where a carried item goes.
type CarryTo struct {
	// Start books the item then, keeping its length (an all-day item on
	// that day); it must lie after the reviewed week. Zero: the first slot
	// in the week after in which the conflict engine finds nothing at all
	// (see carrySlots), else the to-schedule list.
	Start time.Time
	// List puts the item on the to-schedule list without a slot.
	List bool
}

// Carry marks an item of the leader's review of w not done and carries
// it over, with a note:
//
//   - an engagement is cancelled where it was and booked again as a new
//     one (see CarryTo), or put on the to-schedule list; an occurrence of
//     a series likewise, by cancelling that occurrence alone: the series
//     stays as it is. The new engagement links back to its origin, which
//     is carried once only, and counts how often the item has been
//     carried; a booked visit it stands for moves with it.
//   - a to-schedule entry is booked (CarryTo), or stays on the list for
//     the week after, counted once more.
//   - briefing materials stay open and come up again next week, counted.
//
// A booking the rules block changes nothing and returns a *ConflictError
// with the findings. Carrying what is carried returns the first carry,
// with Again set.
func (s *Service) Carry(ctx context.Context, leaderID int64, w calendar.Week, ref ItemRef, to CarryTo, note, who string) (CarryResult, error) {
	note, who = strings.TrimSpace(note), strings.TrimSpace(who)
	if err := checkDecision(note, who); err != nil {
		return CarryResult{}, err
	}
	var res CarryResult
	err := s.inReview(ctx, func(tx *Service) error {
		rv, it, err := tx.openItem(ctx, leaderID, w, ref)
		if err != nil {
			return err
		}
		if it.Mark != nil {
			if it.Mark.Outcome == OutcomeDone {
				return decidedError(rv, it)
			}
			res, err = tx.carried(ctx, *it.Mark)
			return err
		}
		res, err = tx.carry(ctx, rv, it, to, note, who)
		return err
	})
	if err != nil {
		return CarryResult{}, err
	}
	return res, nil
}

// carried returns what an earlier carry did.
func (s *Service) carried(ctx context.Context, m ReviewMark) (CarryResult, error) {
	res := CarryResult{Mark: m, Again: true}
	if m.CarryID == 0 {
		return res, nil
	}
	c, err := s.store.CarryOver(ctx, m.CarryID)
	if err != nil {
		return CarryResult{}, err
	}
	res.CarryOver = c
	if c.EngagementID != 0 {
		e, err := s.store.Engagement(ctx, c.EngagementID)
		if err != nil && !errors.Is(err, calendar.ErrNotFound) {
			return CarryResult{}, err
		}
		if err == nil {
			res.Booked = &e
		}
	}
	return res, nil
}

// carry takes the decision carried on an undecided item.
func (s *Service) carry(ctx context.Context, rv WeekReview, it ReviewItem, to CarryTo, note, who string) (CarryResult, error) {
	mark := s.newMark(rv, it, OutcomeCarried, note, who)
	res := CarryResult{}
	var c CarryOver
	switch it.Ref.Kind {
	case RefMaterial:
		if !to.Start.IsZero() {
			return res, reviewError(calendar.ErrInvalid, "review.materials_slot", nil)
		}
		res.Mark = mark
		return res, s.store.AddReviewMark(ctx, &res.Mark)
	case RefToSchedule:
		var err error
		if c, err = s.store.CarryOver(ctx, it.Ref.ID); err != nil {
			return res, err
		}
		c.Times++
	default:
		var err error
		if c, err = s.carryOverOf(ctx, rv, it); err != nil {
			return res, err
		}
		if err := s.cancelOrigin(ctx, it.Engagement); err != nil {
			return res, err
		}
	}
	loc, err := rv.Leader.Location()
	if err != nil {
		return res, err
	}
	booked, fs, err := s.carryBooking(ctx, rv, loc, c, to)
	if err != nil {
		return res, err
	}
	c.ToWeek, c.Updated = maxWeek(c.ToWeek, rv.Week.Next()), s.stamp()
	if booked != nil {
		c.State, c.EngagementID = CarryBooked, booked.ID
		c.ToWeek = calendar.WeekOf(startDay(*booked, loc))
		if err := s.desk.MoveBookedVisit(ctx, c.VisitID, *booked, who); err != nil {
			return res, err
		}
	}
	if c.ID == 0 {
		err = s.store.CreateCarryOver(ctx, &c)
	} else {
		err = s.store.UpdateCarryOver(ctx, &c)
	}
	if err != nil {
		return res, err
	}
	mark.CarryID = c.ID
	if err := s.store.AddReviewMark(ctx, &mark); err != nil {
		return res, err
	}
	return CarryResult{Mark: mark, CarryOver: c, Booked: booked, Findings: fs}, nil
}

// carryOverOf returns a new carry-over of the engagement or occurrence
// it: what it is, and the booked visit it stands for.
func (s *Service) carryOverOf(ctx context.Context, rv WeekReview, it ReviewItem) (CarryOver, error) {
	e := it.Engagement
	c := CarryOver{LeaderID: rv.Leader.ID, Origin: it.Ref, FromWeek: rv.Week, ToWeek: rv.Week.Next(), Times: it.Times + 1,
		State: CarryToSchedule, Kind: e.Kind, Title: e.Title, Location: e.Location, Notes: e.Notes, Organiser: e.Organiser,
		Classification: e.Classification, Status: e.Status, Created: s.stamp(), Updated: s.stamp()}
	if e.AllDay {
		c.Days = max(calendar.DaysBetween(e.StartDay, e.EndDay), 1)
	} else {
		c.Length = e.End.Sub(e.Start)
	}
	if e.ID != 0 {
		v, err := s.bookedVisit(ctx, e.LeaderID, e.ID)
		if err != nil {
			return c, err
		}
		if v != nil {
			c.VisitID = v.ID
		}
	}
	return c, nil
}

// cancelOrigin calls off what is carried where it was: a single
// engagement, or one occurrence of a series (never the series).
func (s *Service) cancelOrigin(ctx context.Context, e calendar.Engagement) error {
	if e.IsOccurrence() {
		return s.book.CancelOccurrence(ctx, e)
	}
	stored, err := s.store.Engagement(ctx, e.ID)
	if err != nil {
		return err
	}
	stored.Status = calendar.StatusCancelled
	return s.book.Save(ctx, &stored)
}

// carryBooking books carry-over c as to says: at to.Start, checked by the
// booking rules, or in the first slot carrySlots offers. It returns nil,
// booking nothing, when the item goes onto the to-schedule list: asked
// to, or no slot is free.
func (s *Service) carryBooking(ctx context.Context, rv WeekReview, loc *time.Location, c CarryOver, to CarryTo) (*calendar.Engagement, []calendar.Finding, error) {
	if to.List {
		return nil, nil, nil
	}
	start := to.Start
	if start.IsZero() {
		slots, err := s.carrySlots(ctx, rv.Leader, loc, rv.Week, c, 1)
		if err != nil || len(slots) == 0 {
			return nil, nil, err
		}
		start = slots[0].Start
	} else if calendar.DateOf(start.In(loc)).Before(rv.Week.Next().Monday()) {
		return nil, nil, reviewError(calendar.ErrInvalid, "review.carry_too_early",
			map[string]any{"When": start.In(loc).Format("2006-01-02 15:04"), "Week": rv.Week.String()})
	} else if !c.AllDay() && c.Length > 24*time.Hour {
		return nil, nil, reviewError(calendar.ErrInvalid, "review.carry_length", map[string]any{"ID": c.Origin.Text(loc)})
	}
	e := c.engagement(rv.Leader, loc)
	c.place(&e, start, loc)
	fs, err := s.book.SaveChecked(ctx, &e)
	if err != nil {
		return nil, fs, err
	}
	return &e, fs, nil
}

// place puts e, booked from c, at start: a timed item keeps its length,
// an all-day item its number of days from start's date.
func (c CarryOver) place(e *calendar.Engagement, start time.Time, loc *time.Location) {
	if c.AllDay() {
		d := calendar.DateOf(start.In(loc))
		e.AllDay, e.StartDay, e.EndDay = true, d, d.AddDays(c.Days)
		e.Start, e.End = e.StartDay.In(loc), e.EndDay.In(loc)
		return
	}
	e.Start, e.End = start, start.Add(c.Length)
}

// maxWeek returns the later of two weeks.
func maxWeek(a, b calendar.Week) calendar.Week {
	if a.Compare(b) >= 0 {
		return a
	}
	return b
}
