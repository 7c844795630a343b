package calendar

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Restoring is how an undone deletion comes back: the tombstone Delete
// left is revived, so the engagement keeps its ID and UID and a sync
// sees it return rather than a stranger appear. It is checked by the
// booking rules like any booking: something booked meanwhile may block it.

// RestoreStore revives tombstones; package data implements it.
type RestoreStore interface {
	// RestoreEngagement brings back the deleted engagement id and, for a
	// series, the overrides deleted with it, stamping them updated at at.
	// One not deleted is ErrNotFound.
	RestoreEngagement(ctx context.Context, id int64, at time.Time) error
}

// RestoreChecked brings back the deleted engagement id unless a booking
// rule now blocks it; then it returns a *ConflictError and restores
// nothing. It returns the findings either way.
func (s *Service) RestoreChecked(ctx context.Context, id int64) ([]Finding, error) {
	return s.restore(ctx, id, "", "", false)
}

// RestoreWithOverride brings back the deleted engagement id whatever its
// findings, recording who overrode a blocking one and why.
func (s *Service) RestoreWithOverride(ctx context.Context, id int64, reason, who string) ([]Finding, error) {
	reason, who = strings.TrimSpace(reason), strings.TrimSpace(who)
	var ps []Problem
	if reason == "" {
		ps = append(ps, Problem{Field: "reason", Code: "validation.reason_required", Message: "say why the booking overrides the rules"})
	}
	if who == "" {
		ps = append(ps, Problem{Field: "who", Code: "validation.who_required", Message: "say who overrides the rules"})
	}
	if len(ps) > 0 {
		return nil, &ValidationError{Problems: ps}
	}
	return s.restore(ctx, id, reason, who, true)
}

func (s *Service) restore(ctx context.Context, id int64, reason, who string, override bool) ([]Finding, error) {
	var fs []Finding
	err := s.writeTx(ctx, func(tx *Service) error {
		rs, ok := tx.store.(RestoreStore)
		if !ok {
			return fmt.Errorf("restore engagement %d: the store keeps no deleted engagements: %w", id, ErrInvalid)
		}
		at := tx.now().UTC().Truncate(time.Second)
		if err := rs.RestoreEngagement(ctx, id, at); err != nil {
			return err
		}
		e, err := tx.store.Engagement(ctx, id)
		if err != nil {
			return err
		}
		// Checked as it stands now, so it is not held against itself.
		if fs, err = tx.checkFor(ctx, e); err != nil {
			return err
		}
		if Blocking(fs) && !override {
			return &ConflictError{Findings: fs}
		}
		others, err := tx.confirmed(ctx, e, override)
		if err != nil {
			return err
		}
		fs = append(fs, others...)
		if !Blocking(fs) {
			return nil
		}
		if !override {
			return &ConflictError{Findings: fs}
		}
		rec := OverrideRecord{LeaderID: e.LeaderID, EngagementUID: e.UID, Title: e.Title, Start: e.Start,
			At: at, Who: who, Reason: reason, Rules: BlockingRules(fs)}
		return tx.LogOverride(ctx, &rec)
	})
	return fs, err
}
