package calendar

import (
	"context"
	"time"
)

// OverrideRangeStore reads the part of a leader's override log that a
// shown week needs, so that the week costs the same however long the log
// has grown. A Store without it has its whole log read and filtered.
type OverrideRangeStore interface {
	// OverridesStarting returns the leader's overrides of bookings that
	// start in [from, to), newest first, as OverrideLog orders them.
	OverridesStarting(ctx context.Context, leaderID int64, from, to time.Time) ([]OverrideRecord, error)
}

// OverridesStarting returns the leader's overridden bookings that start in
// [from, to) (to the second), newest first.
func (s *Service) OverridesStarting(ctx context.Context, leaderID int64, from, to time.Time) ([]OverrideRecord, error) {
	if rs, ok := s.store.(OverrideRangeStore); ok {
		return rs.OverridesStarting(ctx, leaderID, from, to)
	}
	log, err := s.store.OverrideLog(ctx, leaderID)
	if err != nil {
		return nil, err
	}
	lo, hi := from.Unix(), to.Unix()
	out := log[:0]
	for _, r := range log {
		if s := r.Start.Unix(); s >= lo && s < hi {
			out = append(out, r)
		}
	}
	return out, nil
}
