package data

import (
	"context"
	"fmt"
)

// PendingCount is how many objects PendingPush would list for the leader:
// the status line needs only the number, and reading every unsynced change
// (it grows with the book's history until the first sync) on every reload
// is wasted work.
func (db SyncStore) PendingCount(ctx context.Context, leaderID int64) (int, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, `SELECT count(*)
		FROM sync_local l LEFT JOIN sync_items s ON s.leader_id = l.leader_id AND s.uid = l.uid
		WHERE l.leader_id = ?1 AND (s.uid IS NULL OR l.rev > s.rev)
		  AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.leader_id = ?1 AND c.uid = l.uid AND c.resolved IS NULL)`, leaderID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count of changes of leader %d: %w", leaderID, err)
	}
	return n, nil
}
