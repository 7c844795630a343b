package review

import (
	"context"
	"strings"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// The decisions of a review. Each is one transaction: the decision, the
// engagements it cancels and books, the materials it files, the visit
// request it moves on and their trails, all or nothing. Deciding again
// what is decided changes nothing (done twice is done; carried twice is
// the same carry); done is final, and a closed review reads only.

// openItem loads the open review of w and the item ref names in it.
func (s *Service) openItem(ctx context.Context, leaderID int64, w calendar.Week, ref ItemRef) (WeekReview, ReviewItem, error) {
	rv, err := s.WeekReview(ctx, leaderID, w)
	if err != nil {
		return rv, ReviewItem{}, err
	}
	if err := closedError(rv); err != nil {
		return rv, ReviewItem{}, err
	}
	loc, err := rv.Leader.Location()
	if err != nil {
		return rv, ReviewItem{}, err
	}
	it, ok := rv.Item(ref)
	if !ok {
		return rv, ReviewItem{}, reviewError(ErrNotInReview, "review.not_in_week", map[string]any{"ID": ref.Text(loc), "Week": w.String()})
	}
	return rv, it, nil
}

// closedError refuses changes to a closed review.
func closedError(rv WeekReview) error {
	if !rv.Closed() {
		return nil
	}
	loc, err := rv.Leader.Location()
	if err != nil {
		return err
	}
	return reviewError(ErrReviewClosed, "review.closed", map[string]any{"Week": rv.Week.String(),
		"When": rv.Record.Closed.In(loc).Format("2006-01-02 15:04"), "Who": rv.Record.By})
}

// checkDecision wants to know who decides, and a note of sensible length.
func checkDecision(note, who string) error {
	if err := desk.CheckWho(who); err != nil {
		return err
	}
	if ps := desk.TooLong(note); ps != nil {
		return &calendar.ValidationError{Problems: ps}
	}
	return nil
}

// MarkDone marks an item of the leader's review of w done, with a note:
//
//   - an engagement or occurrence: recorded as done; a booked visit it
//     stands for is marked done, and the briefing materials presented in
//     it or sent by that visitor whose instructions are recorded are
//     filed (see fileDone for the others, which stay open items);
//   - briefing materials: filed by their legal moves (fileDone);
//   - a to-schedule entry: taken off the list.
//
// Marking done what is done returns the first decision.
func (s *Service) MarkDone(ctx context.Context, leaderID int64, w calendar.Week, ref ItemRef, note, who string) (ReviewMark, error) {
	note, who = strings.TrimSpace(note), strings.TrimSpace(who)
	if err := checkDecision(note, who); err != nil {
		return ReviewMark{}, err
	}
	var mark ReviewMark
	err := s.inReview(ctx, func(tx *Service) error {
		rv, it, err := tx.openItem(ctx, leaderID, w, ref)
		if err != nil {
			return err
		}
		if it.Mark != nil {
			if it.Mark.Outcome == OutcomeDone {
				mark = *it.Mark
				return nil
			}
			return decidedError(rv, it)
		}
		mark, err = tx.markDone(ctx, rv, it, note, who)
		return err
	})
	return mark, err
}

// decidedError refuses a second, different decision.
func decidedError(rv WeekReview, it ReviewItem) error {
	loc, err := rv.Leader.Location()
	if err != nil {
		return err
	}
	code := "review.already_done"
	if it.Mark.Outcome == OutcomeCarried {
		code = "review.already_carried"
	}
	return reviewError(ErrDecided, code, map[string]any{"ID": it.Ref.Text(loc), "Week": rv.Week.String()})
}

// markDone takes the decision done on an undecided item.
func (s *Service) markDone(ctx context.Context, rv WeekReview, it ReviewItem, note, who string) (ReviewMark, error) {
	mark := s.newMark(rv, it, OutcomeDone, note, who)
	var err error
	switch it.Ref.Kind {
	case RefEngagement, RefOccurrence:
		mark.Archived, err = s.engagementDone(ctx, rv, it.Engagement, who)
	case RefMaterial:
		var filed bool
		if filed, err = s.fileDone(ctx, it.Material, rv.Week, note, who); filed {
			mark.Archived = 1
		}
	case RefToSchedule:
		c, gerr := s.store.CarryOver(ctx, it.Ref.ID)
		if gerr != nil {
			return ReviewMark{}, gerr
		}
		c.State, c.Updated = CarryDropped, s.stamp()
		err = s.store.UpdateCarryOver(ctx, &c)
	}
	if err != nil {
		return ReviewMark{}, err
	}
	return mark, s.store.AddReviewMark(ctx, &mark)
}

// newMark is the decision outcome on it, with the item as it is now.
func (s *Service) newMark(rv WeekReview, it ReviewItem, outcome Outcome, note, who string) ReviewMark {
	m := ReviewMark{LeaderID: rv.Leader.ID, Week: rv.Week, Item: it.Ref, Outcome: outcome, Note: note, At: s.stamp(), Who: who,
		Title: it.Title(), Times: it.Times}
	switch it.Ref.Kind {
	case RefMaterial:
		m.Detail = it.Material.From
	case RefToSchedule:
		m.Kind, m.Detail = it.ToSchedule.Kind, it.ToSchedule.Location
	default:
		e := it.Engagement
		m.Kind, m.Start, m.End, m.AllDay, m.Detail = e.Kind, e.Start, e.End, e.AllDay, e.Location
	}
	return m
}
