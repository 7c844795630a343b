package review

import (
	"context"
	"errors"
	"strings"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// ErrCannotUndo: the decision set off moves through the visit and
// materials desks that stay as they are (filed materials, a visit done or
// moved); undoing the decision alone would leave them behind.
var ErrCannotUndo = errors.New("the decision cannot be undone")

// Undo is who takes a decision back, and when the booking rules now block
// the engagement it brings back, why it is brought back anyway (empty:
// the rules decide).
type Undo struct {
	Who, Reason string
}

// UndoDecision takes back the decision on ref in the open review of w, so
// the item waits for a decision again, as before it was taken:
//
//   - done on an engagement, on materials it did not file, or on a
//     to-schedule entry (back on the list);
//   - carried: the booking it made is deleted, the carry-over goes, and
//     the origin, cancelled by the carry, is booked again as origin (the
//     engagement or occurrence as it was before the decision), checked by
//     the booking rules;
//   - carried materials.
//
// A decision that filed materials, completed or moved a visit, or carried
// a to-schedule entry again is refused (ErrCannotUndo) and nothing changes.
func (s *Service) UndoDecision(ctx context.Context, leaderID int64, w calendar.Week, ref ItemRef, origin calendar.Engagement, u Undo) error {
	u.Who, u.Reason = strings.TrimSpace(u.Who), strings.TrimSpace(u.Reason)
	if err := desk.CheckWho(u.Who); err != nil {
		return err
	}
	return s.inReview(ctx, func(tx *Service) error {
		rv, it, err := tx.openItem(ctx, leaderID, w, ref)
		if err != nil {
			return err
		}
		if it.Mark == nil {
			return nil // undecided already: nothing to take back
		}
		mark := *it.Mark
		refuse := func() error {
			loc, err := rv.Leader.Location()
			if err != nil {
				return err
			}
			return reviewError(ErrCannotUndo, "review.undo_refused", map[string]any{"ID": it.Ref.Text(loc), "Week": rv.Week.String()})
		}
		if mark.Archived > 0 {
			return refuse()
		}
		switch {
		case mark.Outcome == OutcomeDone && (ref.Kind == RefEngagement || ref.Kind == RefOccurrence):
			if done, err := tx.visitDoneFor(ctx, leaderID, it.Engagement.ID); err != nil || done {
				return errors.Join(err, refuse())
			}
		case mark.Outcome == OutcomeDone && ref.Kind == RefToSchedule:
			c, err := tx.store.CarryOver(ctx, ref.ID)
			if err != nil {
				return err
			}
			c.State, c.Updated = CarryToSchedule, tx.stamp()
			if err := tx.store.UpdateCarryOver(ctx, &c); err != nil {
				return err
			}
		case mark.Outcome == OutcomeCarried && ref.Kind == RefToSchedule:
			return refuse()
		case mark.Outcome == OutcomeCarried && ref.Kind != RefMaterial:
			return tx.undoCarry(ctx, mark, it.Engagement, origin, u, refuse)
		}
		return tx.store.DeleteReviewMark(ctx, mark.ID)
	})
}

// undoCarry takes back the carry of an engagement or occurrence: now is
// the origin as the carry left it (cancelled), origin as it was before.
func (s *Service) undoCarry(ctx context.Context, mark ReviewMark, now, origin calendar.Engagement, u Undo, refuse func() error) error {
	c, err := s.store.CarryOver(ctx, mark.CarryID)
	if err != nil {
		return err
	}
	if c.VisitID != 0 {
		return refuse() // the visit request moved with the carry
	}
	if err := s.store.DeleteReviewMark(ctx, mark.ID); err != nil {
		return err
	}
	if err := s.store.DeleteCarryOver(ctx, c.ID); err != nil {
		return err
	}
	if c.EngagementID != 0 {
		if err := s.book.Delete(ctx, c.EngagementID); err != nil && !errors.Is(err, calendar.ErrNotFound) {
			return err
		}
	}
	back := origin
	back.ID = now.ID // a cancelled occurrence has its own row now
	if back.IsOccurrence() {
		back.RRule = ""
	}
	if u.Reason != "" {
		_, err = s.book.SaveWithOverride(ctx, &back, u.Reason, u.Who)
	} else {
		_, err = s.book.SaveChecked(ctx, &back)
	}
	return err
}

// visitDoneFor reports whether a visit request booked as engagement id
// is done.
func (s *Service) visitDoneFor(ctx context.Context, leaderID, id int64) (bool, error) {
	if id == 0 {
		return false, nil
	}
	rs, err := s.store.VisitRequests(ctx, leaderID, desk.VisitDone)
	if err != nil {
		return false, err
	}
	for _, r := range rs {
		if r.EngagementID == id {
			return true, nil
		}
	}
	return false, nil
}
