package data

import (
	"context"
	"database/sql"
	"fmt"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

var _ imports.CommittedViewer = (*DB)(nil)

// CommittedView opens a second connection to the database file, one that
// only reads: in WAL mode it sees the calendar as last committed while a
// transaction of db writes, which is what a streamed import checks its
// items against (imports.Service.ImportStream). close ends it.
func (db *DB) CommittedView(ctx context.Context) (calendar.Store, func() error, error) {
	params := append(append([]string{}, connParams...), "_pragma=query_only(1)")
	if db.readOnly {
		params = readOnlyParams
	}
	pool, err := sql.Open("sqlite", fileURI(db.path, params...))
	if err != nil {
		return nil, nil, fmt.Errorf("open a view of %s: %w", db.path, err)
	}
	pool.SetMaxOpenConns(1)
	if err := connect(ctx, pool); err != nil {
		pool.Close()
		return nil, nil, fmt.Errorf("open a view of %s: %w", db.path, err)
	}
	view := &DB{pool: pool, path: db.path, readOnly: true, notice: db.notice, writerWait: db.writerWait}
	view.sql = waitingPool{DB: pool, db: view}
	return view, view.Close, nil
}
