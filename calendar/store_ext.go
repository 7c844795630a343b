package calendar

import (
	"context"
	"time"
)

// The parts of Store, each a capability booking relies on.

// AvailabilityStore keeps each leader's available time.
type AvailabilityStore interface {
	// Availability returns the leader's settings, or ErrNotFound when
	// none were saved.
	Availability(ctx context.Context, leaderID int64) (Availability, error)
	// SaveAvailability replaces the leader's settings, overrides included.
	SaveAvailability(ctx context.Context, a Availability) error
}

// SeriesStore keeps recurring series and the overrides of their
// occurrences. A Store that has it returns from EngagementsBetween the
// single engagements and the overrides, never a series.
type SeriesStore interface {
	// SeriesBetween returns the leader's live series whose span, from
	// their first start to SeriesEnd (for ever when zero), meets [from, to).
	SeriesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]Engagement, error)
	// OverridesBetween returns the leader's live overrides whose
	// RecurrenceID, the start they replace, lies in [from, to).
	OverridesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]Engagement, error)
	// SeriesOverrides returns every live override of one series.
	SeriesOverrides(ctx context.Context, seriesID int64) ([]Engagement, error)
}

// VisitStore finds visits alone, which is cheaper than finding everything
// when only the reception caps need a whole week.
type VisitStore interface {
	// VisitsBetween is EngagementsBetween for engagements of kind visit.
	VisitsBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]Engagement, error)
}

// OverrideRecord is one booking saved over a blocking finding: who did it,
// when, why, and which rules were overridden.
type OverrideRecord struct {
	ID            int64
	LeaderID      int64
	EngagementUID string
	Title         string
	Start         time.Time // of the engagement as booked
	At            time.Time // when it was saved
	Who           string
	Reason        string
	Rules         []Rule
}

// OverrideLogStore records overrides; nothing in it is ever changed.
type OverrideLogStore interface {
	LogOverride(ctx context.Context, r *OverrideRecord) error
	// OverrideLog returns the leader's overrides, newest first.
	OverrideLog(ctx context.Context, leaderID int64) ([]OverrideRecord, error)
}

// TxStore runs several changes as one: a decline and the materials it
// asks for, a booking and the link to its engagement, all or nothing.
type TxStore interface {
	// WithTx calls fn with a Store whose reads and writes all belong to
	// one transaction, committed when fn returns nil and rolled back
	// otherwise. fn must use only the Store it is given. Called on a
	// Store that is already in a transaction, it joins that one.
	WithTx(ctx context.Context, fn func(Store) error) error
}
