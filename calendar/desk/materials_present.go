package desk

import (
	"context"
	"time"

	"anteroom/calendar"
)

// Presenting briefing materials: either at once ("presented now"), or in
// a booked slot. A booked slot only schedules them; they are presented
// when the slot has passed and the secretary confirms it, and only then
// can the leader's instructions be recorded.

// PresentMaterial records materials as put before the leader. Received
// materials are presented at at (now when zero). Materials scheduled for
// presenting are confirmed as presented, at their slot's start unless at
// says otherwise, once the slot has ended; before that it is refused.
func (s *Service) PresentMaterial(ctx context.Context, id int64, at time.Time, who string) error {
	if err := CheckWho(who); err != nil {
		return err
	}
	return s.MoveMaterial(ctx, id, MovePresent, who, "", func(tx *Service, m *Material) error {
		if m.State == MaterialScheduled {
			slot, err := tx.book.Engagement(ctx, m.EngagementID)
			if err != nil {
				return err
			}
			if tx.book.Now().Before(slot.End) {
				return presentEarly(ctx, tx, *m, slot)
			}
			if at.IsZero() {
				at = slot.Start
			}
		}
		m.Presented = orNow(at, tx.Stamp())
		return nil
	})
}

// SchedulePresenting books a short engagement titled title (the caller's
// words for "呈阅材料") at slot, checked by the booking rules, and records
// the received materials as scheduled for presenting in it: not yet
// presented. A blocking finding returns a *ConflictError and changes
// nothing.
func (s *Service) SchedulePresenting(ctx context.Context, id int64, slot calendar.Slot, title, who string) ([]calendar.Finding, error) {
	if err := CheckWho(who); err != nil {
		return nil, err
	}
	var fs []calendar.Finding
	err := s.MoveMaterial(ctx, id, MoveSchedule, who, "", func(tx *Service, m *Material) error {
		leader, err := tx.store.Leader(ctx, m.LeaderID)
		if err != nil {
			return err
		}
		e := calendar.Engagement{LeaderID: m.LeaderID, Kind: calendar.KindMeeting, Source: calendar.SourceVisit, Title: title, Notes: m.From,
			Start: slot.Start, End: slot.End, ZoneName: leader.ZoneName, Status: calendar.StatusConfirmed, Classification: calendar.ClassInternal}
		if fs, err = tx.book.SaveChecked(ctx, &e); err != nil {
			return err
		}
		m.EngagementID = e.ID
		return nil
	})
	return fs, err
}

// UnschedulePresenting calls off the slot booked to present the
// materials (the engagement is cancelled, not deleted) and puts them back
// among those received.
func (s *Service) UnschedulePresenting(ctx context.Context, id int64, who string) error {
	if err := CheckWho(who); err != nil {
		return err
	}
	return s.MoveMaterial(ctx, id, MoveUnschedule, who, "", func(tx *Service, m *Material) error {
		e, err := tx.book.Engagement(ctx, m.EngagementID)
		if err != nil {
			return err
		}
		e.Status = calendar.StatusCancelled
		if err := tx.book.Save(ctx, &e); err != nil {
			return err
		}
		m.EngagementID = 0
		return nil
	})
}

// PresentingSlot returns the engagement booked to present scheduled or
// presented materials; false when none was booked.
func (s *Service) PresentingSlot(ctx context.Context, m Material) (calendar.Engagement, bool, error) {
	if m.EngagementID == 0 {
		return calendar.Engagement{}, false, nil
	}
	e, err := s.book.Engagement(ctx, m.EngagementID)
	if err != nil {
		return e, false, err
	}
	return e, true, nil
}

// presentEarly says that the slot has not passed, in the leader's zone.
func presentEarly(ctx context.Context, tx *Service, m Material, slot calendar.Engagement) error {
	leader, err := tx.store.Leader(ctx, m.LeaderID)
	if err != nil {
		return err
	}
	loc, err := leader.Location()
	if err != nil {
		return err
	}
	return &calendar.ValidationError{Problems: []calendar.Problem{calendar.NewProblem("slot", "materials.present_early",
		"the slot for presenting them, {{.When}}, has not passed yet", map[string]any{"When": slot.Start.In(loc).Format("2006-01-02 15:04")})}}
}
