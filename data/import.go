package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

var _ imports.Store = (*DB)(nil)

// keysPerQuery is how many identities one ItemsByKey query looks up.
const keysPerQuery = 500

// ItemsByKey returns the stored engagements, deleted ones included, whose
// identity is one of keys: the uid column holds ItemKey.String.
func (db *DB) ItemsByKey(ctx context.Context, keys []imports.ItemKey) ([]imports.StoredItem, error) {
	var out []imports.StoredItem
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
				it                   imports.StoredItem
				seq, stamp, imported sql.NullInt64
				err                  error
			)
			it.Engagement, err = scanEngagement(withExtra{s, []any{&it.Deleted, &seq, &stamp, &imported}})
			if err != nil {
				return err
			}
			if imported.Valid {
				it.Version = imports.ImportVersion{Sequence: int(seq.Int64), At: fromUnix(imported.Int64)}
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

// WriteImported stores rows: it updates (and revives) those that have an
// ID, then creates the others many rows to a statement, setting their IDs.
// Run it inside WithTx: a failure leaves earlier rows written otherwise.
func (db *DB) WriteImported(ctx context.Context, rows []imports.ImportedRow) error {
	creates := make([]imports.ImportedRow, 0, len(rows)) // an import's rows are mostly new
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
func versionArgs(v imports.ImportVersion) []any {
	var stamp any
	if !v.DTStamp.IsZero() {
		stamp = unixSeconds(v.DTStamp)
	}
	return []any{sql.Named("import_sequence", v.Sequence), sql.Named("dtstamp", stamp), sql.Named("imported", unixSeconds(v.At))}
}

// appendImportValues appends r's values in the order of importColumns,
// as engagementArgs and versionArgs give them but without naming each
// (a test keeps the two in step): a large import binds millions. Integers
// are int64, which database/sql passes on without converting.
func appendImportValues(args []any, r imports.ImportedRow) []any {
	e := r.Engagement
	var stamp any
	if !r.Version.DTStamp.IsZero() {
		stamp = unixSeconds(r.Version.DTStamp)
	}
	return append(args,
		storedUID(e), e.LeaderID, string(e.Kind), e.Title, e.Location, e.Notes,
		unixSeconds(e.Start), unixSeconds(e.End), e.ZoneName, e.AllDay, dayText(e.AllDay, e.StartDay), dayText(e.AllDay, e.EndDay),
		string(e.Status), string(e.Classification), string(e.Source), int64(e.Sequence), unixSeconds(e.Created), unixSeconds(e.Updated),
		e.RRule, formatInstants(e.RDates), formatInstants(e.ExDates), seriesEnd(e), nullID(e.SeriesID), recurrenceUTC(e),
		e.Organiser,
		int64(r.Version.Sequence), stamp, unixSeconds(r.Version.At))
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
func (db *DB) SaveTodos(ctx context.Context, leaderID int64, todos []imports.ImportTodo, at time.Time) (int, error) {
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
func (db *DB) Todos(ctx context.Context, leaderID int64) ([]imports.ImportTodo, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT uid, title, due_utc, priority FROM todos
		WHERE leader_id = ? ORDER BY due_utc IS NULL, due_utc, title, id`, leaderID)
	if err != nil {
		return nil, fmt.Errorf("to-dos of leader %d: %w", leaderID, err)
	}
	var out []imports.ImportTodo
	err = eachRow(rows, func(s scanner) error {
		var t imports.ImportTodo
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
