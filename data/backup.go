package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"
)

// backup writes a consistent copy of the database next to it, named
// PATH.bak-v<version>-<yyyymmddThhmmss> in local time, with mode 0600, and
// returns its path. VACUUM INTO reads one snapshot, so rows still in the
// write-ahead log are included and a concurrent writer does not tear it.
func backup(ctx context.Context, db *sql.DB, dbPath string, version int) (string, error) {
	base := fmt.Sprintf("%s.bak-v%d-%s", dbPath, version, time.Now().Format("20060102T150405"))
	name := base
	for i := 2; ; i++ {
		// Created empty first (VACUUM INTO accepts an empty file) so it
		// never exists with a wider mode, and O_EXCL never reuses a name.
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			name = fmt.Sprintf("%s-%d", base, i)
			continue
		}
		if err != nil {
			return "", fmt.Errorf("back up: %w", err)
		}
		f.Close()
		break
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", name); err != nil {
		os.Remove(name)
		return "", fmt.Errorf("back up to %s: %w", name, err)
	}
	return name, nil
}
