package data

import (
	"context"
	"fmt"
)

// OtherWrites is SQLite's data_version on this database's connection: it
// moves when another connection has committed to the file since (another
// window, the command line, a script), and not for this one's own writes.
// That holds because a DB has a single connection (see Open).
func (db *DB) OtherWrites(ctx context.Context) (int64, error) {
	var v int64
	if err := db.pool.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read data version: %w", err)
	}
	return v, nil
}
