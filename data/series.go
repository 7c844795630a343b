package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"anteroom/calendar"
)

var _ calendar.SeriesStore = (*DB)(nil)

// seriesQuery finds a leader's live series whose span, from the first
// start to series_end_utc (for ever when NULL), meets [:from, :to). A
// leader has few series; engagements_series holds just them.
const seriesQuery = `SELECT ` + engagementColumns + `
	FROM engagements
	WHERE leader_id = :leader AND deleted IS NULL AND (rrule <> '' OR rdates <> '')
	  AND start_utc < :to
	  AND coalesce(series_end_utc, ` + maxInt64 + `) > :from
	ORDER BY start_utc, id`

// maxInt64 is math.MaxInt64 spelled for SQL: a series without end ends never.
const maxInt64 = "9223372036854775807"

// SeriesBetween returns the leader's live series that may have occurrences
// in [from, to), ordered by first start.
func (db *DB) SeriesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	return db.between(ctx, seriesQuery, leaderID, from, to)
}

// overridesQuery finds a leader's live overrides by the start of the
// occurrence they replace.
const overridesQuery = `SELECT ` + engagementColumns + `
	FROM engagements
	WHERE leader_id = :leader AND deleted IS NULL AND series_id IS NOT NULL
	  AND recurrence_utc >= :from AND recurrence_utc < :to
	ORDER BY recurrence_utc, id`

// OverridesBetween returns the leader's live overrides whose RecurrenceID
// lies in [from, to).
func (db *DB) OverridesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	return db.between(ctx, overridesQuery, leaderID, from, to)
}

// SeriesOverrides returns every live override of the series.
func (db *DB) SeriesOverrides(ctx context.Context, seriesID int64) ([]calendar.Engagement, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+engagementColumns+`
		FROM engagements WHERE series_id = ? AND deleted IS NULL ORDER BY recurrence_utc`, seriesID)
	if err != nil {
		return nil, fmt.Errorf("overrides of series %d: %w", seriesID, err)
	}
	return collect(rows, fmt.Sprintf("overrides of series %d", seriesID))
}

// collect scans every engagement of rows and closes them.
func collect(rows *sql.Rows, what string) ([]calendar.Engagement, error) {
	defer rows.Close()
	var es []calendar.Engagement
	for rows.Next() {
		e, err := scanEngagement(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return es, nil
}
