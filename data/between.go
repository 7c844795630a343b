package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"anteroom/calendar"
)

// betweenQuery finds a leader's live engagements meeting [:from, :to). The
// overlap test alone (end_utc > :from) cannot bound an index range, so it
// also asks for start_utc >= :from minus the leader's longest engagement: no
// engagement that overlaps can start earlier. The index then reads one
// range of (leader_id, start_utc) and returns it already in order. Series
// are left out: SeriesBetween finds them.
const betweenQuery = `SELECT ` + engagementColumns + betweenRows + `
	ORDER BY start_utc, end_utc, id`

// betweenRows are the rows betweenQuery reads, which betweenCountQuery
// counts.
const betweenRows = `
	FROM engagements
	WHERE leader_id = :leader AND deleted IS NULL AND rrule = '' AND rdates = ''
	  AND start_utc >= :from - coalesce((SELECT max_seconds FROM engagement_spans WHERE leader_id = :leader), 0)
	  AND start_utc < :to
	  AND end_utc > :from`

// visitsQuery is betweenQuery for visits only: the rows of the weeks whose
// reception caps a booking is checked against.
const visitsQuery = `SELECT ` + engagementColumns + `
	FROM engagements
	WHERE leader_id = :leader AND deleted IS NULL AND rrule = '' AND rdates = ''
	  AND start_utc >= :from - coalesce((SELECT max_seconds FROM engagement_spans WHERE leader_id = :leader), 0)
	  AND start_utc < :to
	  AND end_utc > :from
	  AND kind = 'visit'
	ORDER BY start_utc, end_utc, id`

// VisitsBetween is EngagementsBetween for visits only.
func (db *DB) VisitsBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	return db.between(ctx, visitsQuery, leaderID, from, to)
}

// EngagementsBetween returns the leader's live single engagements and
// overrides, cancelled ones included, whose half-open interval meets
// [from, to), ordered by start,
// then end. Touching is not meeting: an engagement ending at from is left
// out, as is one starting at to.
func (db *DB) EngagementsBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	var es []calendar.Engagement
	if to.Sub(from) > countedWindow {
		n, err := db.countBetween(ctx, leaderID, from, to)
		if err != nil {
			return nil, err
		}
		es = make([]calendar.Engagement, 0, n)
	}
	return db.betweenInto(ctx, es, betweenQuery, leaderID, from, to)
}

// between runs an overlap query taking :leader, :from and :to.
func (db *DB) between(ctx context.Context, query string, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	return db.betweenInto(ctx, nil, query, leaderID, from, to)
}

// betweenInto is between appending to es.
func (db *DB) betweenInto(ctx context.Context, es []calendar.Engagement, query string, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	rows, err := db.sql.QueryContext(ctx, query,
		sql.Named("leader", leaderID), sql.Named("from", unixSeconds(from)), sql.Named("to", unixSeconds(to)))
	if err != nil {
		return nil, fmt.Errorf("engagements of leader %d: %w", leaderID, err)
	}
	es, err = scanAll(es, rows)
	if err != nil {
		return nil, fmt.Errorf("engagements of leader %d: %w", leaderID, err)
	}
	return es, nil
}
