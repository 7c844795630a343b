package calendar

import (
	"context"
	"time"
)

// Span is what the booking rules need of one occurrence: when it is, its
// kind and status, and which engagement it is (to leave an edit's own
// occurrences out). A check over years of a calendar reads spans, not
// whole engagements, and makes a whole engagement only of what a finding
// names.
type Span struct {
	ID         int64 // the stored row; 0 for an occurrence as its series' rule made it
	SeriesID   int64 // the series of an occurrence or override; 0 for none
	Start, End int64 // unix seconds
	Recurrence int64 // RecurrenceID in unix seconds, when SeriesID is set
	Kind       Kind
	Status     Status
}

// spanOf returns the span of e.
func spanOf(e *Engagement) Span {
	sp := Span{ID: e.ID, SeriesID: e.SeriesID, Start: e.Start.Unix(), End: e.End.Unix(), Kind: e.Kind, Status: e.Status}
	if e.SeriesID != 0 {
		sp.Recurrence = e.RecurrenceID.Unix()
	}
	return sp
}

// SpanStore reads spans instead of engagements, for a check that looks
// at many. A Store without it is checked on whole engagements.
type SpanStore interface {
	// SpansBetween returns the spans of what EngagementsBetween returns,
	// in the same order.
	SpansBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]Span, error)
	// OverrideSpansBetween returns the spans of what OverridesBetween
	// returns, in the same order: a check takes the occurrences they
	// replace out of their series' rules, and needs no more of them.
	OverrideSpansBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]Span, error)
	// EngagementsByID returns the live engagements among ids, in any
	// order; those not found are left out.
	EngagementsByID(ctx context.Context, ids []int64) ([]Engagement, error)
}

// SeriesRuleStore reads series for expanding alone, for a check that
// expands hundreds and names a few of their occurrences. A SpanStore
// without it has its series read whole.
type SeriesRuleStore interface {
	// SeriesRulesBetween returns what SeriesBetween returns, in the same
	// order, with what expanding a series and checking against its
	// occurrences needs: ID, leader, kind, status, classification, times,
	// zone, days, rule and dates. Their words (UID, title, location,
	// notes, organiser) and bookkeeping are left empty: EngagementsByID
	// reads the whole series of an occurrence a finding names.
	SeriesRulesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]Engagement, error)
}
