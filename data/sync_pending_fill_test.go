package data

import (
	"context"
	"fmt"
)

// FillPendingForTest marks n made-up objects of the leader changed here,
// as n writes to a linked book would, in one statement: a benchmark's
// store with a long unsynced history.
func FillPendingForTest(ctx context.Context, db *DB, leaderID int64, n int) error {
	_, err := db.sql.ExecContext(ctx, `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?2)
		INSERT INTO sync_local (uid, leader_id, rev) SELECT 'fill-' || i || '@bench', ?1, 1000000 + i FROM k`, leaderID, n)
	if err != nil {
		return fmt.Errorf("filling %d pending changes: %w", n, err)
	}
	return nil
}
