package data

import (
	"context"
	"fmt"

	"anteroom/calendar/share/state"
)

// MovedAway lists the objects synced in the leader's book whose UID now
// belongs to another leader here (an engagement moved to another leader's
// book), leaving out those with an open conflict: the server's copy in
// this leader's calendar is to be deleted.
func (db SyncStore) MovedAway(ctx context.Context, leaderID int64) ([]state.Item, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+syncItemColumns+` FROM sync_items s
		WHERE s.leader_id = ?1
		  AND EXISTS (SELECT 1 FROM engagements e WHERE e.uid = s.uid AND e.deleted IS NULL AND e.leader_id <> ?1)
		  AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.leader_id = ?1 AND c.uid = s.uid AND c.resolved IS NULL)`, leaderID)
	if err != nil {
		return nil, fmt.Errorf("items moved from leader %d: %w", leaderID, err)
	}
	defer rows.Close()
	var out []state.Item
	for rows.Next() {
		it, err := scanSyncItem(rows)
		if err != nil {
			return nil, fmt.Errorf("items moved from leader %d: %w", leaderID, err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}
