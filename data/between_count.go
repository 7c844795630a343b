package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// countedWindow is the longest window whose engagements are read without
// counting them first. Beyond it (an export, a preview of months) the
// list is made once at its size: grown by doubling, thousands of large
// structs were copied into fresh memory several times, and a command
// pays for each fresh page with a fault. The count reads the index the
// rows are then found through, so its pages are the query's own.
const countedWindow = 62 * 24 * time.Hour

// betweenCountQuery counts what betweenQuery returns.
const betweenCountQuery = `SELECT count(*)` + betweenRows

// countBetween returns how many rows EngagementsBetween finds.
func (db *DB) countBetween(ctx context.Context, leaderID int64, from, to time.Time) (int, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, betweenCountQuery,
		sql.Named("leader", leaderID), sql.Named("from", unixSeconds(from)), sql.Named("to", unixSeconds(to))).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("engagements of leader %d: %w", leaderID, err)
	}
	return n, nil
}
