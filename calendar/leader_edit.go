package calendar

import (
	"context"
)

// UpdateLeader validates and stores a leader's new name, zone and order.
// A zone change moves nothing already booked: timed engagements keep
// their instants, all-day ones their dates.
func (s *Service) UpdateLeader(ctx context.Context, l *Leader) error {
	if err := validateLeader(*l); err != nil {
		return err
	}
	l.Updated = s.now().UTC()
	return s.store.UpdateLeader(ctx, *l)
}

// validateLeader names what is wrong with a leader's name, zone or order.
func validateLeader(l Leader) error {
	var ps []Problem
	if l.Name == "" {
		ps = append(ps, Problem{Field: "name", Code: "validation.name_required", Message: "a name is required"})
	}
	if _, err := l.Location(); err != nil || l.ZoneName == "" || l.ZoneName == "Local" {
		ps = append(ps, Problem{Field: "zone", Code: "validation.zone_unknown", Message: "unknown time zone {{.Value}}", Args: map[string]any{"Value": l.ZoneName}})
	}
	if l.Order < 0 {
		ps = append(ps, Problem{Field: "order", Code: "validation.order_range", Message: "the order is 0 or more", Args: map[string]any{"Value": l.Order}})
	}
	if len(ps) > 0 {
		return &ValidationError{Problems: ps}
	}
	return nil
}
