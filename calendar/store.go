package calendar

import (
	"context"
	"time"
)

// Store is what booking needs from storage, every part required; package
// data implements it on SQLite. Methods return ErrNotFound for missing rows.
type Store interface {
	AvailabilityStore
	SeriesStore
	VisitStore
	OverrideLogStore
	TxStore

	Leaders(ctx context.Context) ([]Leader, error)
	Leader(ctx context.Context, id int64) (Leader, error)
	CreateLeader(ctx context.Context, l *Leader) error
	// UpdateLeader stores a leader's new name, zone, order and archiving.
	UpdateLeader(ctx context.Context, l Leader) error

	Engagement(ctx context.Context, id int64) (Engagement, error)
	// EngagementsBetween returns the leader's engagements, cancelled ones
	// included, whose interval meets [from, to), ordered by start.
	EngagementsBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]Engagement, error)
	CreateEngagement(ctx context.Context, e *Engagement) error
	UpdateEngagement(ctx context.Context, e *Engagement) error
	// DeleteEngagement removes the engagement from every view but keeps a
	// tombstone with its UID, so a later sync can tell others it is gone.
	DeleteEngagement(ctx context.Context, id int64, at time.Time) error
	// CountEngagements returns the number of live engagements of a leader.
	CountEngagements(ctx context.Context, leaderID int64) (int, error)
}
