package data

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"
)

// migration is one forward-only schema step, read from migrations/NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations are the schema steps in order; step i brings user_version from
// i to i+1. A variable so tests can append steps or inject a failing one.
var migrations = mustLoadMigrations(migrationFiles)

// mustLoadMigrations reads the embedded steps and checks that they are
// numbered 1, 2, 3… with no gap: they are fixed at build time, so a bad
// name is a programming error.
func mustLoadMigrations(fsys fs.FS) []migration {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	steps := make([]migration, 0, len(names))
	for i, name := range names { // Glob sorts, and the numbers are zero-padded
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != i+1 {
			panic(fmt.Sprintf("data: migration %s: want a name starting %04d_", base, i+1))
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			panic(err)
		}
		steps = append(steps, migration{version: v, name: base, sql: string(body)})
	}
	return steps
}

// migrate brings the database to len(steps), backing it up first when it
// already holds data. Each step runs in its own transaction together with
// its user_version bump, so a failed step leaves the previous version
// intact.
func migrate(ctx context.Context, db *sql.DB, dbPath string, steps []migration) error {
	v, err := userVersion(ctx, db)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", dbPath, err)
	}
	switch {
	case v > len(steps): // a newer instance migrated since inspect looked
		return &tooNewError{path: dbPath, version: v, known: len(steps)}
	case v == len(steps):
		return nil
	}
	if v > 0 {
		if _, err := backup(ctx, db, dbPath, v); err != nil {
			return fmt.Errorf("migrate %s: %w", dbPath, err)
		}
	}
	for _, m := range steps[v:] {
		if err := applyWaiting(ctx, db, m); err != nil {
			return fmt.Errorf("migrate %s to version %d (%s): %w", dbPath, m.version, m.name, err)
		}
	}
	return nil
}

// checkCurrent wants a database opened read-only to need no migrating,
// which would have to write it.
func checkCurrent(ctx context.Context, db *sql.DB, dbPath string, known int) error {
	v, err := userVersion(ctx, db)
	if err != nil {
		return fmt.Errorf("open database %s: %w", dbPath, err)
	}
	if v < known {
		return &staleReadOnlyError{path: dbPath, from: v, to: known}
	}
	return nil
}

// apply runs one step in an IMMEDIATE transaction. It re-reads the version
// under the write lock: another instance may have applied the step since.
func apply(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op after Commit

	v, err := userVersion(ctx, tx)
	switch {
	case err != nil:
		return err
	case v >= m.version:
		return nil
	case v != m.version-1:
		return fmt.Errorf("database is at version %d, expected %d", v, m.version-1)
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	// PRAGMA takes no parameters; m.version is an int we numbered.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	return tx.Commit()
}

// migrateWait is how long a step waits for another instance that
// migrates the same file at once: its steps hold the write lock in turn,
// and on a loaded machine longer than one busy timeout.
const migrateWait = 30 * time.Second

// applyWaiting applies m, retrying while another instance holds the
// write lock; the step then finds the version already reached and does
// nothing.
func applyWaiting(ctx context.Context, db *sql.DB, m migration) error {
	deadline := time.Now().Add(migrateWait)
	for {
		err := apply(ctx, db, m)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// queryer is what both *sql.DB and *sql.Tx offer for reading.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func userVersion(ctx context.Context, q queryer) (int, error) {
	var v int
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read user_version: %w", err)
	}
	return v, nil
}
