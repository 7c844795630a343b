package data

import (
	"context"
	"fmt"
)

// ChangeCount returns the calendar's change counter: triggers add one
// for every engagement written or deleted, in the writer's transaction.
func (db *DB) ChangeCount(ctx context.Context) (int64, error) {
	var n int64
	if err := db.sql.QueryRowContext(ctx, `SELECT n FROM calendar_changes WHERE id = 1`).Scan(&n); err != nil {
		return 0, fmt.Errorf("calendar change counter: %w", err)
	}
	return n, nil
}
