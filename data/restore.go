package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"anteroom/calendar"
)

// RestoreEngagement revives the tombstone of engagement id and, for a
// series, the overrides deleted in the same stroke (same deleted time),
// so an undone deletion brings back exactly what it removed.
func (db *DB) RestoreEngagement(ctx context.Context, id int64, at time.Time) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE engagements SET deleted = NULL, updated = :at
		WHERE deleted IS NOT NULL AND (id = :id OR series_id = :id
			AND deleted = (SELECT deleted FROM engagements WHERE id = :id))`,
		sql.Named("at", unixSeconds(at)), sql.Named("id", id))
	if err != nil {
		return fmt.Errorf("restore engagement %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("restore engagement %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("restore engagement %d: %w", id, calendar.ErrNotFound)
	}
	return nil
}
