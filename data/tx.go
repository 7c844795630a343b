package data

import (
	"context"
	"database/sql"
	"errors"

	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/imports"
	"anteroom/calendar/review"
	"anteroom/calendar/share"
)

var _ calendar.TxStore = (*DB)(nil)

// conn is where the store's SQL runs: the pool, or one transaction. Every
// store method goes through it, so each works the same inside WithTx.
type conn interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// errInTx is returned by Close on a DB that WithTx made: only the DB that
// Open returned may be closed.
var errInTx = errors.New("inside a transaction")

// WithTx calls fn with a DB bound to one IMMEDIATE transaction: every
// store method called on it reads and writes inside that transaction,
// which commits when fn returns nil and rolls back when it returns an
// error or panics. Called on such a DB, it joins its transaction.
//
// The pool has a single connection, which the transaction holds until it
// ends: fn must use only the DB it is given, or it waits for ever.
func (db *DB) WithTx(ctx context.Context, fn func(calendar.Store) error) error {
	return db.bound(ctx, func(t *DB) error { return fn(t) })
}

// DeskTx is WithTx for the visits desk.
func (s DeskStore) DeskTx(ctx context.Context, fn func(desk.Store) error) error {
	return s.bound(ctx, func(t *DB) error { return fn(DeskStore{t}) })
}

// SyncTx is WithTx for the sync engine.
func (s SyncStore) SyncTx(ctx context.Context, fn func(share.Store) error) error {
	return s.bound(ctx, func(t *DB) error { return fn(SyncStore{t}) })
}

// ReviewTx is WithTx for the Friday review.
func (s ReviewStore) ReviewTx(ctx context.Context, fn func(review.Store) error) error {
	return s.bound(ctx, func(t *DB) error { return fn(ReviewStore{DeskStore{t}}) })
}

// ImportTx is WithTx for imports.
func (db *DB) ImportTx(ctx context.Context, fn func(imports.Store) error) error {
	return db.bound(ctx, func(t *DB) error { return fn(t) })
}

// bound calls fn with a DB bound to one IMMEDIATE transaction, or with
// db itself when it is bound to one already.
func (db *DB) bound(ctx context.Context, fn func(*DB) error) error {
	if db.tx != nil {
		return fn(db)
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		return fn(&DB{sql: tx, pool: db.pool, tx: tx, path: db.path, notice: db.notice, writerWait: db.writerWait})
	})
}
