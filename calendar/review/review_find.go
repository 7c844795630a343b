package review

import (
	"context"
	"fmt"
	"time"

	"anteroom/calendar"
)

// ItemWeek is what FindReviewItem learns of a review item from its name.
type ItemWeek struct {
	Ref    ItemRef
	Leader calendar.Leader
	// Week is the week an engagement or occurrence starts in; zero for
	// materials and to-schedule entries, which come up every week until
	// decided.
	Week calendar.Week
}

// FindReviewItem reads an item's name as typed (see ItemRef) and finds
// its leader, and for an engagement or occurrence the week it is in. An
// override's own ID (E13) names its occurrence (S7@…). An unknown item is
// ErrNotFound.
func (s *Service) FindReviewItem(ctx context.Context, text string) (ItemWeek, error) {
	// The leader, and so the zone of an occurrence's wall time, is not
	// known yet: the probe reads the wall time in UTC and keeps only the
	// kind and the ID; the name is read again in the leader's zone below.
	probe, err := ParseItemRef(text, time.UTC)
	if err != nil {
		return ItemWeek{}, &calendar.ValidationError{Problems: []calendar.Problem{calendar.NewProblem("id", "review.ref_format",
			"“{{.Value}}” names no review item: E12, S7@2026-11-25T09:00, M3 or T5", map[string]any{"Value": text})}}
	}
	var leaderID int64
	var e *calendar.Engagement
	switch probe.Kind {
	case RefEngagement, RefOccurrence:
		x, err := s.store.Engagement(ctx, probe.ID)
		if err != nil {
			return ItemWeek{}, err
		}
		leaderID, e = x.LeaderID, &x
	case RefMaterial:
		m, err := s.store.Material(ctx, probe.ID)
		if err != nil {
			return ItemWeek{}, err
		}
		leaderID = m.LeaderID
	case RefToSchedule:
		c, err := s.store.CarryOver(ctx, probe.ID)
		if err != nil {
			return ItemWeek{}, err
		}
		leaderID = c.LeaderID
	}
	leader, err := s.store.Leader(ctx, leaderID)
	if err != nil {
		return ItemWeek{}, err
	}
	loc, err := leader.Location()
	if err != nil {
		return ItemWeek{}, err
	}
	ref, err := ParseItemRef(text, loc)
	if err != nil {
		return ItemWeek{}, err
	}
	out := ItemWeek{Ref: ref, Leader: leader}
	switch {
	case ref.Kind == RefEngagement && e.IsOccurrence():
		out.Ref = ItemRef{Kind: RefOccurrence, ID: e.SeriesID, At: e.RecurrenceID}
		out.Week = calendar.WeekOf(startDay(*e, loc))
	case ref.Kind == RefEngagement:
		out.Week = calendar.WeekOf(startDay(*e, loc))
	case ref.Kind == RefOccurrence:
		if !e.IsSeries() {
			return ItemWeek{}, fmt.Errorf("engagement %d is not a series: %w", e.ID, calendar.ErrNotFound)
		}
		out.Week = calendar.WeekOf(calendar.DateOf(ref.At.In(loc)))
		// An override moved the occurrence: it is reviewed where it is now.
		ovs, err := s.store.OverridesBetween(ctx, leader.ID, ref.At.Truncate(time.Minute), ref.At.Truncate(time.Minute).Add(time.Minute))
		if err != nil {
			return ItemWeek{}, err
		}
		for _, o := range ovs {
			if o.SeriesID == ref.ID {
				out.Ref.At, out.Week = o.RecurrenceID, calendar.WeekOf(startDay(o, loc))
			}
		}
	}
	return out, nil
}
