package data

import (
	"context"
	"database/sql"
	"time"

	"anteroom/calendar"
)

// Another Anteroom (a second window, a script, a long import) may hold
// the write lock. SQLite waits busyTimeout for it inside each statement;
// past that a write tells the user it is waiting, through the DB's
// notice, and tries again until writerWait has passed, then gives up with
// a *calendar.BusyError. The user never meets SQLITE_BUSY itself.

// defaultWriterWait is how long a change waits for another writer in all.
const defaultWriterWait = 60 * time.Second

// OnWait sets what the DB does once per change that has to wait for
// another writer (the command line says "waiting for another
// Anteroom…"), and how long such a change waits before it gives up; zero
// keeps the default of a minute.
func (db *DB) OnWait(notice func(), wait time.Duration) {
	db.notice = notice
	if wait > 0 {
		db.writerWait = wait
	}
}

// whileBusy runs op until it is not refused for a lock another
// connection holds, telling the user once that it waits, and gives up
// after the DB's writer wait.
func (db *DB) whileBusy(ctx context.Context, op func() error) error {
	start := time.Now()
	told := false
	for {
		err := op()
		if err == nil || !isBusy(err) {
			return err
		}
		waited := time.Since(start)
		if waited >= db.wait() {
			return &calendar.BusyError{Path: db.path, Waited: waited, Err: err}
		}
		if !told && db.notice != nil {
			db.notice()
			told = true
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func (db *DB) wait() time.Duration {
	if db.writerWait > 0 {
		return db.writerWait
	}
	return defaultWriterWait
}

// begin starts a write transaction: BEGIN IMMEDIATE, so it holds the
// write lock from its first statement, waiting for another writer as
// whileBusy does.
func (db *DB) begin(ctx context.Context) (*sql.Tx, error) {
	var tx *sql.Tx
	err := db.whileBusy(ctx, func() error {
		var err error
		tx, err = db.pool.BeginTx(ctx, nil)
		return err
	})
	return tx, err
}

// waitingPool is the connection pool as the store methods use it outside a
// transaction: a single write waits for another writer as whileBusy does.
type waitingPool struct {
	*sql.DB
	db *DB
}

func (p waitingPool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := p.db.whileBusy(ctx, func() error {
		var err error
		res, err = p.DB.ExecContext(ctx, query, args...)
		return err
	})
	return res, fullError(p.db.path, err)
}
