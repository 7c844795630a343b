package review

import "context"

// What reviews carried over: the to-schedule list, one carry-over, and an
// item's history of carries.

// ToSchedule returns the leader's to-schedule list: what reviews carried
// over without a slot, those due first first.
func (s *Service) ToSchedule(ctx context.Context, leaderID int64) ([]CarryOver, error) {
	return s.store.ToSchedule(ctx, leaderID)
}

// CarryHistory returns the decisions that carried an item over to where
// it is, oldest first: each review that put it off, when, by whom and why.
func (s *Service) CarryHistory(ctx context.Context, leaderID int64, ref ItemRef) ([]ReviewMark, error) {
	keys := []string{ref.Key()}
	id := int64(0)
	switch ref.Kind {
	case RefEngagement:
		id = ref.ID
	case RefToSchedule:
		c, err := s.store.CarryOver(ctx, ref.ID)
		if err != nil {
			return nil, err
		}
		keys = append(keys, c.Origin.Key())
		if c.Origin.Kind == RefEngagement {
			id = c.Origin.ID
		}
	}
	// Follow the chain of engagements each carried from the one before.
	for range maxCarryChain {
		if id == 0 {
			break
		}
		cs, err := s.store.CarryOversInto(ctx, []int64{id})
		if err != nil {
			return nil, err
		}
		id = 0
		for _, c := range cs {
			keys = append(keys, c.Origin.Key(), c.Ref().Key())
			if c.Origin.Kind == RefEngagement {
				id = c.Origin.ID
			}
		}
	}
	marks, err := s.store.MarksOf(ctx, leaderID, keys)
	if err != nil {
		return nil, err
	}
	var out []ReviewMark
	for _, m := range marks {
		if m.Outcome == OutcomeCarried {
			out = append(out, m)
		}
	}
	return out, nil
}

// maxCarryChain bounds how far back CarryHistory follows an item; a
// year of weekly carries is far more than any office lets happen.
const maxCarryChain = 60

// CarryOver returns one carry-over: where a carried item went.
func (s *Service) CarryOver(ctx context.Context, id int64) (CarryOver, error) {
	return s.store.CarryOver(ctx, id)
}
