package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

// rowsPerInsert is how many rows one INSERT statement of createImported
// adds: one statement per row costs several times as much in database/sql
// and the driver as SQLite spends storing it.
const rowsPerInsert = 64

// maxInsertShapes bounds the forms of INSERT (see insertShape) one
// createImported prepares; past it, rows share nothing.
const maxInsertShapes = 8

// createImported inserts rows rowsPerInsert at a time, as a bulk load
// (see bulkLoad) when they are many. A statement's rows take consecutive
// rowids after the largest in the table (SQLite gives a new row
// max(rowid)+1, and nothing else writes in the transaction), so the IDs
// follow from the last one; a check of the first and last row of the
// whole batch makes sure. The values of the next statement are gathered
// while SQLite runs one.
func (db *DB) createImported(ctx context.Context, rows []imports.ImportedRow) (err error) {
	if len(rows) == 0 {
		return nil
	}
	bulk, own, err := db.bulkFor(ctx, len(rows))
	if err != nil {
		return err
	}
	if own {
		defer func() { err = errors.Join(err, bulk.end(ctx)) }()
	}
	stmts := map[insertShape]*sql.Stmt{}
	defer func() {
		for _, s := range stmts {
			s.Close()
		}
	}()
	ready, free := make(chan *insertChunk, 1), make(chan *insertChunk, 2)
	for range cap(free) {
		free <- new(insertChunk)
	}
	// The goroutine reads rows: it has stopped when this returns, on any
	// path, for the caller to change them.
	stop := make(chan struct{})
	var building sync.WaitGroup
	defer func() { close(stop); building.Wait() }()
	building.Go(func() {
		defer close(ready)
		shapes := map[insertShape]bool{}
		for lo := 0; lo < len(rows); lo += rowsPerInsert {
			var c *insertChunk
			select {
			case c = <-free:
			case <-stop:
				return
			}
			c.fill(rows[lo:min(lo+rowsPerInsert, len(rows))], shapes)
			select {
			case ready <- c:
			case <-stop:
				return
			}
		}
	})
	for c := range ready {
		stmt := stmts[c.shape]
		if stmt == nil {
			if stmt, err = db.prepare(ctx, c.shape.query()); err != nil {
				return fmt.Errorf("create imported engagements: %w", err)
			}
			stmts[c.shape] = stmt
		}
		res, err := stmt.ExecContext(ctx, c.args...)
		if err != nil {
			return chunkErr(err, c.rows)
		}
		last, err := res.LastInsertId()
		if err != nil {
			return chunkErr(err, c.rows)
		}
		first := last - int64(len(c.rows)-1)
		for i, r := range c.rows {
			r.Engagement.ID = first + int64(i)
		}
		if bulk != nil {
			if err := bulk.added(ctx, c.rows); err != nil {
				return err
			}
		}
		c.release()
		free <- c
	}
	for _, e := range []*calendar.Engagement{rows[0].Engagement, rows[len(rows)-1].Engagement} {
		var uid string
		err := db.sql.QueryRowContext(ctx, `SELECT uid FROM engagements WHERE id = ?`, e.ID).Scan(&uid)
		if err != nil || uid != storedUID(e) {
			return fmt.Errorf("create imported engagements: row %d is not %q (%v)", e.ID, storedUID(e), err)
		}
	}
	switch {
	case own:
		return bulk.finish(ctx)
	case bulk != nil:
		// The session's next rows may be another batch: these are
		// verified while they still name their engagements.
		return bulk.verifyAdded(ctx)
	}
	return nil
}

// chunkErr explains a failed multi-row insert by its first row.
func chunkErr(err error, chunk []imports.ImportedRow) error {
	return writeErr("create imported", chunk[0].Engagement, err)
}

// insertChunk is what one INSERT statement of createImported adds.
type insertChunk struct {
	rows  []imports.ImportedRow
	shape insertShape
	args  []any // as shape.query binds them
	vals  []any // every row's values, in the order of importColumns
}

// fill makes c the statement that adds rows. It takes the shape their
// values have while fewer than maxInsertShapes have been used, and one
// sharing nothing after.
func (c *insertChunk) fill(rows []imports.ImportedRow, used map[insertShape]bool) {
	c.rows, c.vals, c.args = rows, c.vals[:0], c.args[:0]
	for _, r := range rows {
		c.vals = appendImportValues(c.vals, r)
	}
	c.shape = insertShape{rows: len(rows), shared: sharedColumns(c.vals)}
	if !used[c.shape] && len(used) >= maxInsertShapes {
		c.shape.shared = 0
	}
	used[c.shape] = true
	n := len(importColumns)
	for i, v := range c.vals[:n] {
		if c.shape.shares(i) {
			c.args = append(c.args, v)
		}
	}
	for lo := 0; lo < len(c.vals); lo += n {
		for i, v := range c.vals[lo : lo+n] {
			if !c.shape.shares(i) {
				c.args = append(c.args, v)
			}
		}
	}
}

// release lets go of c's values, keeping the room they took.
func (c *insertChunk) release() {
	clear(c.vals)
	clear(c.args)
	c.rows = nil
}

// insertShape is the form of one INSERT of createImported: how many rows
// it adds, and which columns have one value in all of them. That value is
// bound once for the statement. Binding costs about 85 ns a value in
// database/sql and the driver, so a row's 28 values take half as long as
// SQLite takes to store the row; and an import's rows have many in
// common: the leader, kind, source, status, when they were made and
// imported, and often the DTSTAMP, the organiser, and the columns only
// all-day items, series or overrides fill.
type insertShape struct {
	rows   int
	shared uint64 // bit i: importColumns[i] is bound once
}

// shareable marks the columns an insertShape may bind once: all but the
// identity and the free text, which differ from row to row.
var shareable = func() uint64 {
	if len(importColumns) > 64 {
		panic("data: insertShape marks columns in 64 bits")
	}
	var mask uint64
	for i, c := range importColumns {
		if !slices.Contains([]string{"uid", "title", "location", "notes"}, c) {
			mask |= 1 << i
		}
	}
	return mask
}()

// sharedColumns returns the shareable columns that have one value in all
// the rows vals holds (appendImportValues gives only comparable values).
func sharedColumns(vals []any) uint64 {
	n := len(importColumns)
	shared := shareable
	for lo := n; lo < len(vals); lo += n {
		for i, v := range vals[lo : lo+n] {
			if shared&(1<<i) != 0 && v != vals[i] {
				shared &^= 1 << i
			}
		}
	}
	return shared
}

// shares reports whether column col of importColumns is bound once.
func (s insertShape) shares(col int) bool { return s.shared&(1<<col) != 0 }

// query returns the INSERT: the shared columns first, bound once as
// ?1…?k, then the others, a parameter a row each, which SQLite numbers
// on from k.
func (s insertShape) query() string {
	var cols, params []string
	for i, c := range importColumns {
		if s.shares(i) {
			cols, params = append(cols, c), append(params, "?"+strconv.Itoa(len(params)+1))
		}
	}
	for i, c := range importColumns {
		if !s.shares(i) {
			cols, params = append(cols, c), append(params, "?")
		}
	}
	row := "(" + strings.Join(params, ", ") + ")"
	return `INSERT INTO engagements (` + strings.Join(cols, ", ") + `) VALUES ` +
		strings.TrimSuffix(strings.Repeat(row+", ", s.rows), ", ")
}
