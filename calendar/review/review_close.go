package review

import (
	"context"
	"errors"
	"strings"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// CloseResult is what closing a review did.
type CloseResult struct {
	Record ReviewRecord
	// Marked are the decisions closing took itself: the rest marked done
	// when asked to, open materials and to-schedule entries carried.
	Marked []ReviewMark
	Again  bool // the review was closed already: nothing changed
}

// CloseReview closes the leader's review of w and records it: when, by
// whom, how many items were done and carried and how many sets of
// briefing materials filed. Every engagement and occurrence must be
// decided first: otherwise it refuses with a *ReviewError (ErrUndecided)
// naming them, unless restDone marks them done (MarkDone). Materials and
// to-schedule entries left undecided are carried: they are open and come
// up again next week. A closed review reads only; closing it again
// returns its record with Again set.
func (s *Service) CloseReview(ctx context.Context, leaderID int64, w calendar.Week, note, who string, restDone bool) (CloseResult, error) {
	note, who = strings.TrimSpace(note), strings.TrimSpace(who)
	if err := checkDecision(note, who); err != nil {
		return CloseResult{}, err
	}
	var res CloseResult
	err := s.inReview(ctx, func(tx *Service) error {
		rv, err := tx.WeekReview(ctx, leaderID, w)
		if err != nil {
			return err
		}
		if rv.Closed() {
			res = CloseResult{Record: *rv.Record, Again: true}
			return nil
		}
		if err := undecidedError(rv, restDone); err != nil {
			return err
		}
		for _, it := range rv.Items {
			if it.Mark != nil {
				continue
			}
			var m ReviewMark
			switch {
			case it.Ref.Kind == RefEngagement || it.Ref.Kind == RefOccurrence:
				m, err = tx.markDone(ctx, rv, it, "", who)
			case it.Ref.Kind == RefMaterial && tx.filedMeanwhile(ctx, &it):
				m, err = tx.markDone(ctx, rv, it, "", who) // filed with its engagement just now
			default:
				var cr CarryResult
				cr, err = tx.carry(ctx, rv, it, CarryTo{List: true}, "", who)
				m = cr.Mark
			}
			if err != nil {
				return err
			}
			res.Marked = append(res.Marked, m)
		}
		marks, err := tx.store.ReviewMarks(ctx, leaderID, w)
		if err != nil {
			return err
		}
		rec := ReviewRecord{LeaderID: leaderID, Week: w, Closed: tx.stamp(), By: who, Note: note}
		for _, m := range marks {
			if m.Outcome == OutcomeDone {
				rec.Done++
			} else {
				rec.Carried++
			}
			rec.Archived += m.Archived
		}
		if err := tx.store.CreateReview(ctx, &rec); err != nil {
			return err
		}
		res.Record = rec
		return nil
	})
	if err != nil {
		return CloseResult{}, err
	}
	return res, nil
}

// filedMeanwhile reports whether the materials of it have been filed
// since the review was read, and updates it when they have.
func (s *Service) filedMeanwhile(ctx context.Context, it *ReviewItem) bool {
	m, err := s.store.Material(ctx, it.Ref.ID)
	if err != nil || m.State != desk.MaterialArchived {
		return false
	}
	it.Material = m
	return true
}

// undecidedError refuses to close while engagements wait for a decision,
// unless the rest is to be marked done.
func undecidedError(rv WeekReview, restDone bool) error {
	if restDone {
		return nil
	}
	loc, err := rv.Leader.Location()
	if err != nil {
		return err
	}
	var ids []string
	for _, it := range rv.Items {
		if it.Mark == nil && (it.Ref.Kind == RefEngagement || it.Ref.Kind == RefOccurrence) {
			ids = append(ids, it.Ref.Text(loc))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return reviewError(ErrUndecided, "review.undecided", map[string]any{"Count": len(ids), "Week": rv.Week.String(), "IDs": strings.Join(ids, ", ")})
}

// Review returns the leader's closed review of w; ErrNotFound while it is open.
func (s *Service) Review(ctx context.Context, leaderID int64, w calendar.Week) (ReviewRecord, error) {
	return s.store.Review(ctx, leaderID, w)
}

// Reviewed reports whether the leader's review of w is closed.
func (s *Service) Reviewed(ctx context.Context, leaderID int64, w calendar.Week) (bool, error) {
	_, err := s.Review(ctx, leaderID, w)
	if errors.Is(err, calendar.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}
