package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"anteroom/calendar"
)

var _ calendar.ImportStore = (*DB)(nil)

// keysPerQuery is how many identities one ItemsByKey query looks up.
const keysPerQuery = 500

// ItemsByKey returns the stored engagements, deleted ones included, whose
// identity is one of keys: the uid column holds ItemKey.String.
func (db *DB) ItemsByKey(ctx context.Context, keys []calendar.ItemKey) ([]calendar.StoredItem, error) {
	var out []calendar.StoredItem
	var stored bool // a first import into an empty calendar finds nothing: no need to look
	if err := db.sql.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM engagements)`).Scan(&stored); err != nil || !stored {
		return nil, err
	}
	uids := make([]string, 0, min(len(keys), keysPerQuery))
	for lo := 0; lo < len(keys); lo += keysPerQuery {
		uids = uids[:0]
		for _, k := range keys[lo:min(lo+keysPerQuery, len(keys))] {
			uids = append(uids, k.String())
		}
		list, err := json.Marshal(uids)
		if err != nil {
			return nil, fmt.Errorf("find imported items: %w", err)
		}
		rows, err := db.sql.QueryContext(ctx, `SELECT `+engagementColumns+`,
				deleted IS NOT NULL, import_sequence, dtstamp, imported
			FROM engagements WHERE uid IN (SELECT value FROM json_each(?))`, string(list))
		if err != nil {
			return nil, fmt.Errorf("find imported items: %w", err)
		}
		err = eachRow(rows, func(s scanner) error {
			var (
				it                   calendar.StoredItem
				seq, stamp, imported sql.NullInt64
				err                  error
			)
			it.Engagement, err = scanEngagement(withExtra{s, []any{&it.Deleted, &seq, &stamp, &imported}})
			if err != nil {
				return err
			}
			if imported.Valid {
				it.Version = calendar.ImportVersion{Sequence: int(seq.Int64), At: fromUnix(imported.Int64)}
				if stamp.Valid {
					it.Version.DTStamp = fromUnix(stamp.Int64)
				}
			}
			out = append(out, it)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("find imported items: %w", err)
		}
	}
	return out, nil
}

// withExtra scans the engagement's columns and then extra ones.
type withExtra struct {
	s     scanner
	extra []any
}

func (w withExtra) Scan(dest ...any) error { return w.s.Scan(append(dest, w.extra...)...) }

// importColumns are the columns WriteImported writes: every column
// engagementArgs names but the id, then the version the row was imported
// at. They are derived, so a column added to engagements is imported too.
var importColumns = func() []string {
	args := engagementArgs(&calendar.Engagement{})
	if args[0].(sql.NamedArg).Name != "id" {
		panic("data: engagementArgs must name the id first")
	}
	var cols []string
	for _, a := range args[1:] {
		cols = append(cols, a.(sql.NamedArg).Name)
	}
	return append(cols, versionColumns...)
}()

// versionColumns hold the version an import wrote a row at.
var versionColumns = []string{"import_sequence", "dtstamp", "imported"}

// rowsPerInsert is how many rows one INSERT statement of WriteImported
// adds: one statement per row costs several times as much in database/sql
// and the driver as SQLite spends storing it.
const rowsPerInsert = 64

// WriteImported stores rows: it updates (and revives) those that have an
// ID, then creates the others many rows to a statement, setting their IDs.
// Run it inside WithTx: a failure leaves earlier rows written otherwise.
func (db *DB) WriteImported(ctx context.Context, rows []calendar.ImportedRow) error {
	var creates []calendar.ImportedRow
	var update *sql.Stmt
	defer func() {
		if update != nil {
			update.Close()
		}
	}()
	for _, r := range rows {
		if r.Engagement.ID == 0 {
			creates = append(creates, r)
			continue
		}
		if update == nil {
			var err error
			if update, err = db.prepare(ctx, updateImportedQuery); err != nil {
				return fmt.Errorf("update imported engagement: %w", err)
			}
		}
		res, err := update.ExecContext(ctx, append(engagementArgs(r.Engagement), versionArgs(r.Version)...)...)
		if err != nil {
			return writeErr("update imported", r.Engagement, err)
		}
		if err := oneRow(res, "update imported engagement", r.Engagement.ID); err != nil {
			return err
		}
	}
	return db.createImported(ctx, creates)
}

// updateImportedQuery replaces every column of a row, deleted or not, and
// brings it back when deleted.
var updateImportedQuery = func() string {
	set := make([]string, len(importColumns))
	for i, c := range importColumns {
		set[i] = c + " = :" + c
	}
	return `UPDATE engagements SET ` + strings.Join(set, ", ") + `, deleted = NULL WHERE id = :id`
}()

// versionArgs names the import version's columns.
func versionArgs(v calendar.ImportVersion) []any {
	var stamp any
	if !v.DTStamp.IsZero() {
		stamp = unixSeconds(v.DTStamp)
	}
	return []any{sql.Named("import_sequence", v.Sequence), sql.Named("dtstamp", stamp), sql.Named("imported", unixSeconds(v.At))}
}

// createImported inserts rows rowsPerInsert at a time. A statement's rows
// take consecutive rowids after the largest in the table (SQLite gives a
// new row max(rowid)+1, and nothing else writes in the transaction), so
// the IDs follow from the last one; a check of the first and last row
// of the whole batch makes sure. The values of the next statement are
// gathered while SQLite runs one.
func (db *DB) createImported(ctx context.Context, rows []calendar.ImportedRow) error {
	if len(rows) == 0 {
		return nil
	}
	stmts := map[int]*sql.Stmt{} // by rows per statement: the full size and the last chunk's
	defer func() {
		for _, s := range stmts {
			s.Close()
		}
	}()
	type chunk struct {
		rows []calendar.ImportedRow
		args []any
	}
	ready, free := make(chan chunk, 1), make(chan []any, 2)
	for range cap(free) {
		free <- make([]any, 0, rowsPerInsert*len(importColumns))
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(ready)
		for lo := 0; lo < len(rows); lo += rowsPerInsert {
			var args []any
			select {
			case args = <-free:
			case <-stop:
				return
			}
			c := chunk{rows: rows[lo:min(lo+rowsPerInsert, len(rows))], args: args[:0]}
			for _, r := range c.rows {
				c.args = appendImportValues(c.args, r)
			}
			select {
			case ready <- c:
			case <-stop:
				return
			}
		}
	}()
	for c := range ready {
		stmt := stmts[len(c.rows)]
		if stmt == nil {
			var err error
			if stmt, err = db.prepare(ctx, insertImportedQuery(len(c.rows))); err != nil {
				return fmt.Errorf("create imported engagements: %w", err)
			}
			stmts[len(c.rows)] = stmt
		}
		res, err := stmt.ExecContext(ctx, c.args...)
		if err != nil {
			return chunkErr(err, c.rows)
		}
		last, err := res.LastInsertId()
		if err != nil {
			return chunkErr(err, c.rows)
		}
		for i, r := range c.rows {
			r.Engagement.ID = last - int64(len(c.rows)-1-i)
		}
		clear(c.args) // let the values go
		free <- c.args
	}
	for _, e := range []*calendar.Engagement{rows[0].Engagement, rows[len(rows)-1].Engagement} {
		var uid string
		err := db.sql.QueryRowContext(ctx, `SELECT uid FROM engagements WHERE id = ?`, e.ID).Scan(&uid)
		if err != nil || uid != storedUID(e) {
			return fmt.Errorf("create imported engagements: row %d is not %q (%v)", e.ID, storedUID(e), err)
		}
	}
	return nil
}

// chunkErr explains a failed multi-row insert by its first row.
func chunkErr(err error, chunk []calendar.ImportedRow) error {
	return writeErr("create imported", chunk[0].Engagement, err)
}

// insertImportedQuery adds n rows.
func insertImportedQuery(n int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(importColumns)), ",") + ")"
	return `INSERT INTO engagements (` + strings.Join(importColumns, ", ") + `) VALUES ` + strings.TrimSuffix(strings.Repeat(one+",", n), ",")
}

// appendImportValues appends r's values in the order of importColumns,
// as engagementArgs and versionArgs give them but without naming each
// (a test keeps the two in step): a large import binds millions.
func appendImportValues(args []any, r calendar.ImportedRow) []any {
	e := r.Engagement
	var stamp any
	if !r.Version.DTStamp.IsZero() {
		stamp = unixSeconds(r.Version.DTStamp)
	}
	return append(args,
		storedUID(e), e.LeaderID, string(e.Kind), e.Title, e.Location, e.Notes,
		unixSeconds(e.Start), unixSeconds(e.End), e.ZoneName, e.AllDay, dayText(e.AllDay, e.StartDay), dayText(e.AllDay, e.EndDay),
		string(e.Status), string(e.Classification), string(e.Source), e.Sequence, unixSeconds(e.Created), unixSeconds(e.Updated),
		e.RRule, formatInstants(e.RDates), formatInstants(e.ExDates), seriesEnd(e), nullID(e.SeriesID), recurrenceUTC(e),
		e.Organiser,
		r.Version.Sequence, stamp, unixSeconds(r.Version.At))
}

// preparer is what both the pool and a transaction offer to prepare a
// statement.
type preparer interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// prepare prepares query where the store's SQL runs: in its transaction
// when it has one.
func (db *DB) prepare(ctx context.Context, query string) (*sql.Stmt, error) {
	p, ok := db.sql.(preparer)
	if !ok {
		return nil, fmt.Errorf("prepare: %T cannot", db.sql)
	}
	return p.PrepareContext(ctx, query)
}

// SaveTodos adds the leader's to-dos or updates those with the same UID,
// and returns how many were added or changed.
func (db *DB) SaveTodos(ctx context.Context, leaderID int64, todos []calendar.ImportTodo, at time.Time) (int, error) {
	if len(todos) == 0 {
		return 0, nil
	}
	stmt, err := db.prepare(ctx, `INSERT INTO todos (leader_id, uid, title, due_utc, priority, created, updated)
		VALUES (:leader, :uid, :title, :due, :priority, :at, :at)
		ON CONFLICT (leader_id, uid) DO UPDATE SET
			title = excluded.title, due_utc = excluded.due_utc, priority = excluded.priority, updated = excluded.updated
		WHERE title IS NOT excluded.title OR due_utc IS NOT excluded.due_utc OR priority IS NOT excluded.priority`)
	if err != nil {
		return 0, fmt.Errorf("save to-dos: %w", err)
	}
	defer stmt.Close()
	n := 0
	for _, t := range todos {
		var due any
		if !t.Due.IsZero() {
			due = unixSeconds(t.Due)
		}
		res, err := stmt.ExecContext(ctx, sql.Named("leader", leaderID), sql.Named("uid", t.UID), sql.Named("title", t.Title),
			sql.Named("due", due), sql.Named("priority", t.Priority), sql.Named("at", unixSeconds(at)))
		if err != nil {
			return 0, fmt.Errorf("save to-do %q: %w", t.UID, err)
		}
		changed, err := res.RowsAffected()
		if err != nil {
			return 0, fmt.Errorf("save to-do %q: %w", t.UID, err)
		}
		n += int(changed)
	}
	return n, nil
}

// Todos returns the leader's to-dos by due time, undated ones last, then
// by title.
func (db *DB) Todos(ctx context.Context, leaderID int64) ([]calendar.ImportTodo, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT uid, title, due_utc, priority FROM todos
		WHERE leader_id = ? ORDER BY due_utc IS NULL, due_utc, title, id`, leaderID)
	if err != nil {
		return nil, fmt.Errorf("to-dos of leader %d: %w", leaderID, err)
	}
	var out []calendar.ImportTodo
	err = eachRow(rows, func(s scanner) error {
		var t calendar.ImportTodo
		var due sql.NullInt64
		if err := s.Scan(&t.UID, &t.Title, &due, &t.Priority); err != nil {
			return err
		}
		if due.Valid {
			t.Due = fromUnix(due.Int64)
		}
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("to-dos of leader %d: %w", leaderID, err)
	}
	return out, nil
}
