package data

import (
	"context"
	"errors"

	"anteroom/calendar/imports"
)

var _ imports.BulkStore = (*DB)(nil)

// bulkSession makes the rows of every createImported of one transaction
// one bulk load, begun by the first call that adds bulkRows rows or more:
// a streamed import writes its file a batch at a time, and suspending
// the span trigger and dropping startIndex for each batch would give up
// what a load does once (the index is built again once, at the end).
type bulkSession struct {
	load *bulkLoad // nil until begun
}

// BeginBulkImport starts a bulk session in db's transaction; finish
// ends it, with ok telling whether every row is in: then it verifies the
// last rows and makes the trigger and index again, as a single bulk load
// does. finish must be called on every path: it turns CHECK constraints
// back on whatever happened. Outside a transaction it does nothing.
func (db *DB) BeginBulkImport(ctx context.Context) (finish func(ok bool) error) {
	if db.tx == nil {
		return func(bool) error { return nil }
	}
	s := &bulkSession{}
	db.session = s
	return func(ok bool) error {
		db.session = nil
		if s.load == nil {
			return nil
		}
		var err error
		if ok {
			err = s.load.finish(ctx)
		}
		return errors.Join(err, s.load.end(ctx))
	}
}

// bulkFor returns the bulk load createImported adds n rows to, and
// whether the load is its own (to finish) rather than the session's.
func (db *DB) bulkFor(ctx context.Context, n int) (b *bulkLoad, own bool, err error) {
	switch {
	case db.tx == nil || n < bulkRows && (db.session == nil || db.session.load == nil):
		return nil, false, nil // its schema changes must roll back with the transaction
	case db.session == nil:
		b, err = db.beginBulk(ctx, n)
		return b, true, err
	case db.session.load == nil:
		if db.session.load, err = db.beginBulk(ctx, n); err != nil {
			return nil, false, err
		}
	}
	return db.session.load, false, nil
}
