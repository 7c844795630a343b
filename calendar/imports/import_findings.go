package imports

import (
	"context"
	"time"

	"anteroom/calendar"
)

// checkPlan finds what the booking rules say of the plan's new and
// updated items, checked as the calendar stands (CheckMany). The notice
// rule applies to an item that is new or moves. The engagements the
// findings name are made when someone reads them (CheckManyUnnamed): a
// preview shows a few of its clashes, a dry run on the command line none.
func (s *Service) checkPlan(ctx context.Context, leader calendar.Leader, loc *time.Location, plan *ImportPlan) error {
	rows := make([]*calendar.Engagement, len(plan.Items))
	moved := make([]bool, len(plan.Items))
	for i := range plan.Items {
		it := &plan.Items[i]
		if it.Action != ImportNew && it.Action != ImportUpdated {
			continue
		}
		rows[i] = it.row
		moved[i] = it.row != nil && (it.Existing == nil || !it.Existing.Start.Equal(it.row.Start))
	}
	found, err := s.book.CheckManyUnnamed(ctx, leader, loc, rows, moved)
	if err != nil {
		return err
	}
	for i := range plan.Items {
		plan.Items[i].Findings = found[i]
	}
	return nil
}
