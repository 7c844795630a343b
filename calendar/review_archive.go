package calendar

import "context"

// "Done" files what the review marks done, with its briefing materials,
// through the state machines of visits and materials only: the review
// takes the moves a secretary would, never a shortcut between states.

// engagementDone marks the booked visit behind e done and files the
// materials that go with it, returning how many it filed. An occurrence
// as the rule made it has nothing linked to it.
func (s *Service) engagementDone(ctx context.Context, rv WeekReview, e Engagement, who string) (int, error) {
	if e.ID == 0 || s.desk == nil {
		return 0, nil
	}
	visit, err := s.bookedVisit(ctx, e.LeaderID, e.ID)
	if err != nil {
		return 0, err
	}
	if visit != nil {
		to, err := visitMove(*visit, MoveComplete)
		if err != nil {
			return 0, err
		}
		if err := s.decide(ctx, visit, to, who, rv.Week.String(), nil); err != nil {
			return 0, err
		}
	}
	ready, err := s.desk.Materials(ctx, e.LeaderID, MaterialInstructed)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range ready {
		if m.EngagementID == e.ID || visit != nil && m.VisitID == visit.ID {
			if err := s.moveMaterial(ctx, m.ID, MoveArchive, who, rv.Week.String(), func(tx *Service, m *Material) error {
				m.Archived = tx.stamp()
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
func (s *Service) bookedVisit(ctx context.Context, leaderID, id int64) (*VisitRequest, error) {
	if s.desk == nil {
		return nil, nil
	}
	rs, err := s.desk.VisitRequests(ctx, leaderID, VisitBooked)
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
//   - presented: the note is the leader's instructions (批示), recorded,
//     then as instructed; a blank note is refused, for the review does not
//     invent what the leader said;
//   - instructed: archived;
//   - archived already: nothing to do.
//
// Each move goes into the materials' trail, noted with the week. It
// reports whether the materials ended up filed by this call.
func (s *Service) fileDone(ctx context.Context, m Material, w Week, note, who string) (bool, error) {
	switch m.State {
	case MaterialArchived:
		return false, nil
	case MaterialExpected:
		return false, &MoveError{Subject: m.Subject(), State: string(m.State), Move: string(MoveArchive)}
	case MaterialReceived, MaterialPresented:
		if note == "" {
			return false, &ValidationError{Problems: []Problem{problem("note", "review.instructions_required",
				"write the leader's instructions (批示) in the note: they are recorded before the materials are filed", nil)}}
		}
	}
	why := w.String()
	if m.State == MaterialReceived {
		if err := s.moveMaterial(ctx, m.ID, MovePresent, who, why, func(tx *Service, m *Material) error {
			m.Presented = tx.stamp()
			return nil
		}); err != nil {
			return false, err
		}
		m.State = MaterialPresented
	}
	if m.State == MaterialPresented {
		if err := s.moveMaterial(ctx, m.ID, MoveInstruct, who, note, func(tx *Service, m *Material) error {
			m.Instructions, m.Instructed = note, tx.stamp()
			return nil
		}); err != nil {
			return false, err
		}
	}
	err := s.moveMaterial(ctx, m.ID, MoveArchive, who, why, func(tx *Service, m *Material) error {
		m.Archived = tx.stamp()
		return nil
	})
	return err == nil, err
}
