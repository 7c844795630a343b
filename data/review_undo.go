package data

import (
	"context"
	"fmt"
)

// DeleteReviewMark removes a decision of an open review; the database
// itself refuses it once the review is closed.
func (db ReviewStore) DeleteReviewMark(ctx context.Context, id int64) error {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM review_marks WHERE id = ?
		AND NOT EXISTS (SELECT 1 FROM reviews r, review_marks m WHERE m.id = ? AND r.leader_id = m.leader_id AND r.week = m.week)`, id, id)
	if err != nil {
		return fmt.Errorf("delete review mark %d: %w", id, err)
	}
	return oneRow(res, "delete review mark", id)
}

// DeleteCarryOver removes a carry-over no decision refers to any more.
func (db ReviewStore) DeleteCarryOver(ctx context.Context, id int64) error {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM carry_overs WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete carry-over %d: %w", id, err)
	}
	return oneRow(res, "delete carry-over", id)
}
