package review

import (
	"context"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// "Done" files what the review marks done, with its briefing materials,
// through the state machines of visits and materials only: the review
// takes the moves a secretary would, never a shortcut between states.

// engagementDone marks the booked visit behind e done and files the
// materials that go with it, returning how many it filed. An occurrence
// as the rule made it has nothing linked to it.
func (s *Service) engagementDone(ctx context.Context, rv WeekReview, e calendar.Engagement, who string) (int, error) {
	if e.ID == 0 {
		return 0, nil
	}
	visit, err := s.bookedVisit(ctx, e.LeaderID, e.ID)
	if err != nil {
		return 0, err
	}
	if visit != nil {
		to, err := desk.VisitMoveTo(*visit, desk.MoveComplete)
		if err != nil {
			return 0, err
		}
		if err := s.desk.Decide(ctx, visit, to, who, rv.Week.String(), nil); err != nil {
			return 0, err
		}
	}
	ready, err := s.store.Materials(ctx, e.LeaderID, desk.MaterialInstructed)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range ready {
		if m.EngagementID == e.ID || visit != nil && m.VisitID == visit.ID {
			if err := s.desk.MoveMaterial(ctx, m.ID, desk.MoveArchive, who, rv.Week.String(), func(tx *desk.Service, m *desk.Material) error {
				m.Archived = tx.Stamp()
				return nil
			}); err != nil {
				return 0, err
			}
			n++
		}
	}
	return n, nil
}

// bookedVisit returns the booked visit request whose engagement is id;
// nil when none.
func (s *Service) bookedVisit(ctx context.Context, leaderID, id int64) (*desk.VisitRequest, error) {
	rs, err := s.store.VisitRequests(ctx, leaderID, desk.VisitBooked)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		if r.EngagementID == id {
			return &r, nil
		}
	}
	return nil, nil
}

// fileDone files briefing materials the review marks done, by their legal
// moves only (the rule "archive what is done"):
//
//   - expected: refused, a *MoveError: nothing was handed in to file;
//   - received: presented (at the time of the review), then as presented;
//   - scheduled for presenting: presented in their slot once it has
//     passed, then as presented; before that refused;
//   - presented: the note is the leader's instructions (批示), recorded,
//     then as instructed; a blank note is refused, for the review does not
//     invent what the leader said;
//   - instructed: archived;
//   - archived already: nothing to do.
//
// Each move goes into the materials' trail, noted with the week. It
// reports whether the materials ended up filed by this call.
func (s *Service) fileDone(ctx context.Context, m desk.Material, w calendar.Week, note, who string) (bool, error) {
	switch m.State {
	case desk.MaterialArchived:
		return false, nil
	case desk.MaterialExpected:
		return false, &desk.MoveError{Subject: m.Subject(), State: string(m.State), Move: string(desk.MoveArchive)}
	case desk.MaterialReceived, desk.MaterialScheduled, desk.MaterialPresented:
		if note == "" {
			return false, &calendar.ValidationError{Problems: []calendar.Problem{calendar.NewProblem("note", "review.instructions_required",
				"write the leader's instructions (批示) in the note: they are recorded before the materials are filed", nil)}}
		}
	}
	why := w.String()
	if m.State == desk.MaterialScheduled {
		if err := s.desk.PresentMaterial(ctx, m.ID, time.Time{}, who); err != nil {
			return false, err
		}
		m.State = desk.MaterialPresented
	}
	if m.State == desk.MaterialReceived {
		if err := s.desk.MoveMaterial(ctx, m.ID, desk.MovePresent, who, why, func(tx *desk.Service, m *desk.Material) error {
			m.Presented = tx.Stamp()
			return nil
		}); err != nil {
			return false, err
		}
		m.State = desk.MaterialPresented
	}
	if m.State == desk.MaterialPresented {
		if err := s.desk.MoveMaterial(ctx, m.ID, desk.MoveInstruct, who, note, func(tx *desk.Service, m *desk.Material) error {
			m.Instructions, m.Instructed = note, tx.Stamp()
			return nil
		}); err != nil {
			return false, err
		}
	}
	err := s.desk.MoveMaterial(ctx, m.ID, desk.MoveArchive, who, why, func(tx *desk.Service, m *desk.Material) error {
		m.Archived = tx.Stamp()
		return nil
	})
	return err == nil, err
}
