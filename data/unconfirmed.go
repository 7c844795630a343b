package data

import (
	"context"
	"fmt"
	"time"
)

// Bookings not yet confirmed with the other desks: see
// migrations/0009_unconfirmed.sql.

// MarkUnconfirmed records that the booking key of the leader's book was
// saved without the server's confirmation.
func (db SyncStore) MarkUnconfirmed(ctx context.Context, leaderID int64, key string, at time.Time) error {
	if _, err := db.sql.ExecContext(ctx, `INSERT INTO sync_unconfirmed (leader_id, key, since) VALUES (?, ?, ?)
		ON CONFLICT (leader_id, key) DO NOTHING`, leaderID, key, unixSeconds(at)); err != nil {
		return fmt.Errorf("mark %s not yet confirmed: %w", key, err)
	}
	return nil
}

// ClearUnconfirmed records that the booking key is confirmed, or gone.
func (db SyncStore) ClearUnconfirmed(ctx context.Context, leaderID int64, key string) error {
	if _, err := db.sql.ExecContext(ctx, `DELETE FROM sync_unconfirmed WHERE leader_id = ? AND key = ?`, leaderID, key); err != nil {
		return fmt.Errorf("confirm %s: %w", key, err)
	}
	return nil
}

// Unconfirmed returns the keys of the leader's bookings not yet
// confirmed, oldest first.
func (db SyncStore) Unconfirmed(ctx context.Context, leaderID int64) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT key FROM sync_unconfirmed WHERE leader_id = ? ORDER BY since, key`, leaderID)
	if err != nil {
		return nil, fmt.Errorf("unconfirmed bookings: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("unconfirmed bookings: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
