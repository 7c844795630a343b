package calendar

import (
	"context"
	"fmt"
	"slices"
	"time"
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

// ActiveLeaders returns the leaders in use, in display order: those the
// leader picker offers.
func (s *Service) ActiveLeaders(ctx context.Context) ([]Leader, error) {
	ls, err := s.store.Leaders(ctx)
	if err != nil {
		return nil, err
	}
	active := ls[:0]
	for _, l := range ls {
		if l.Active() {
			active = append(active, l)
		}
	}
	return active, nil
}

// ArchiveLeader takes a leader out of use: not offered for booking any
// more, their engagements and history kept and readable. The last leader
// in use cannot be archived: the desk always has a book to show.
func (s *Service) ArchiveLeader(ctx context.Context, id int64) (Leader, error) {
	var l Leader
	err := s.writeTx(ctx, func(tx *Service) error {
		var err error
		if l, err = tx.store.Leader(ctx, id); err != nil {
			return err
		}
		if !l.Active() {
			return nil
		}
		active, err := tx.ActiveLeaders(ctx)
		if err != nil {
			return err
		}
		if len(active) == 1 {
			return &ValidationError{Problems: []Problem{NewProblem("leader", "validation.leader_last_active",
				"{{.Value}} is the only leader in use and cannot be archived", map[string]any{"Value": l.Name})}}
		}
		l.Archived = s.now().UTC().Truncate(time.Second)
		l.Updated = l.Archived
		return tx.store.UpdateLeader(ctx, l)
	})
	return l, err
}

// RestoreLeader puts an archived leader back into use.
func (s *Service) RestoreLeader(ctx context.Context, id int64) (Leader, error) {
	var l Leader
	err := s.writeTx(ctx, func(tx *Service) error {
		var err error
		if l, err = tx.store.Leader(ctx, id); err != nil || l.Active() {
			return err
		}
		l.Archived, l.Updated = time.Time{}, s.now().UTC()
		return tx.store.UpdateLeader(ctx, l)
	})
	return l, err
}

// MoveLeader puts a leader at place pos (0 first) of the order and
// numbers every leader 0, 1, 2… again, so that no two share a place. A
// place past the end means last.
func (s *Service) MoveLeader(ctx context.Context, id int64, pos int) ([]Leader, error) {
	if pos < 0 {
		return nil, &ValidationError{Problems: []Problem{NewProblem("order", "validation.order_range", "the order is 0 or more", map[string]any{"Value": pos})}}
	}
	var out []Leader
	err := s.writeTx(ctx, func(tx *Service) error {
		ls, err := tx.store.Leaders(ctx)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(ls, func(l Leader) bool { return l.ID == id })
		if i < 0 {
			return fmt.Errorf("leader %d: %w", id, ErrNotFound)
		}
		moved := ls[i]
		ls = slices.Delete(ls, i, i+1)
		ls = slices.Insert(ls, min(pos, len(ls)), moved)
		now := s.now().UTC()
		for i := range ls {
			if ls[i].Order == i {
				continue
			}
			ls[i].Order, ls[i].Updated = i, now
			if err := tx.store.UpdateLeader(ctx, ls[i]); err != nil {
				return err
			}
		}
		out = ls
		return nil
	})
	return out, err
}
