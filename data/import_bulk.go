package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

// A large import creates its rows as a bulk load: work SQLite would do
// for every row, beyond storing it, is done once for all of them (for the
// 100,000 events of the import benchmark, SQLite's time drops from 1.0 s
// to 0.69 s, verifying and rebuilding included). Such costs:
//
//   - its CHECK constraints: SQLite builds a temporary b-tree for every
//     `x IN (…)` of a CHECK on every row it writes (four per engagement);
//   - the span trigger, which upserts the leader's engagement_spans row
//     for every row and makes a multi-row INSERT stage its rows in a
//     temporary table first, as any row trigger does;
//   - the change counter's trigger (migration 0006), one UPDATE of the
//     same row for every row added, and the sync trigger (migration
//     0008), whose condition holds for no row while no book is shared,
//     yet runs as a trigger program each time;
//   - the index on start times (startIndex), into which a file's items go
//     all over.
//
// Within the import's transaction, a bulk load therefore turns the
// checking of CHECK constraints off while it inserts (PRAGMA
// ignore_check_constraints) and verifies the rows it added, a thousand at
// a time, with one query using the table's own CHECK expressions read
// from the schema: a row that breaks one fails the import as the
// constraint would have. It drops the span trigger and the change
// counter's, when they are the ones spanTrigger and changedTrigger
// describe, applies their effect once at the end (the longest row per
// leader; the number of rows added) and creates them again; the sync
// trigger, likewise, while no book is shared, when there is nothing to
// apply. Into a table no larger than the load, it drops startIndex and
// builds it again at the end from the schema's text. An error anywhere
// rolls all of it back, triggers and index included; other connections
// read the last commit, and wait for this one to write, so nobody sees
// the table without them. NOT NULL, UNIQUE, foreign keys and STRICT
// typing are enforced on every row as always.

// bulkRows is the fewest new rows createImported loads in bulk: for fewer,
// changing the schema and verifying separately save nothing. A variable,
// so that tests can load everything in bulk.
var bulkRows = 1000

// spanTrigger is the trigger a bulk load suspends, as migration 0001 made
// it: the leader's longest live engagement grows to cover each new one.
// bulkLoad.finish does the same for the rows it added. A schema whose
// trigger differs keeps it during bulk loads.
const spanTrigger = `CREATE TRIGGER engagements_span_insert
AFTER INSERT ON engagements
WHEN NEW.deleted IS NULL
BEGIN
    INSERT INTO engagement_spans (leader_id, max_seconds)
    VALUES (NEW.leader_id, NEW.end_utc - NEW.start_utc)
    ON CONFLICT (leader_id) DO UPDATE SET max_seconds = max(max_seconds, excluded.max_seconds);
END`

// changedTrigger is the trigger a bulk load suspends, as migration 0006
// made it: every new row adds one to the change counter. finish adds the
// number of rows added.
const changedTrigger = `CREATE TRIGGER engagements_changed_insert AFTER INSERT ON engagements
BEGIN
    UPDATE calendar_changes SET n = n + 1 WHERE id = 1;
END`

// syncTrigger is the trigger a bulk load suspends while no book is shared,
// as migration 0008 made it: it notes a new row of a shared leader's book
// for sending. With no row in sync_books its condition holds for no row.
const syncTrigger = `CREATE TRIGGER sync_local_insert AFTER INSERT ON engagements
WHEN EXISTS (SELECT 1 FROM sync_books WHERE leader_id = NEW.leader_id)
BEGIN
    UPDATE sync_clock SET n = n + 1 WHERE id = 1;
    INSERT INTO sync_local (uid, leader_id, rev)
    VALUES (CASE WHEN NEW.series_id IS NULL THEN NEW.uid ELSE substr(NEW.uid, 1, length(NEW.uid) - 17) END,
            NEW.leader_id, (SELECT n FROM sync_clock WHERE id = 1))
    ON CONFLICT (uid) DO UPDATE SET leader_id = excluded.leader_id, rev = excluded.rev;
END`

// spanUpsert is spanTrigger's statement for one leader.
const spanUpsert = `INSERT INTO engagement_spans (leader_id, max_seconds) VALUES (?, ?)
	ON CONFLICT (leader_id) DO UPDATE SET max_seconds = max(max_seconds, excluded.max_seconds)`

// bulkLoad is a bulk load under way in one transaction.
type bulkLoad struct {
	db      *DB
	trigger bool            // spanTrigger was dropped: finish applies it and creates it again
	changed bool            // changedTrigger was dropped: finish counts the rows added and creates it again
	synced  bool            // syncTrigger was dropped: finish creates it again
	rows    int64           // rows added
	checks  []string        // the table's CHECK expressions, which verify tests
	verify  *sql.Stmt       // finds a row of an id range that breaks a CHECK; nil when SQLite checks each row
	longest map[int64]int64 // leader → longest live row added, in seconds
	indexes []string        // the CREATE INDEX of those dropped, to make again

	unverified []*calendar.Engagement // rows added but not verified yet, by ID
}

// beginBulk prepares a bulk load into engagements. Call end when done,
// whatever happens, and finish when every row is in.
func (db *DB) beginBulk(ctx context.Context, n int) (*bulkLoad, error) {
	b := &bulkLoad{db: db, longest: map[int64]int64{}}
	if err := b.dropIndexes(ctx, n); err != nil {
		return nil, err
	}
	var table, trigger, changed, synced sql.NullString
	var shared bool
	err := db.sql.QueryRowContext(ctx, `SELECT
			(SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'engagements'),
			(SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'engagements_span_insert'),
			(SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'engagements_changed_insert'),
			(SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'sync_local_insert'),
			EXISTS (SELECT 1 FROM sync_books)`).Scan(&table, &trigger, &changed, &synced, &shared)
	if err != nil {
		return nil, fmt.Errorf("bulk load: %w", err)
	}
	for _, t := range []struct {
		drop bool
		name string
		set  *bool
	}{
		{trigger.String == spanTrigger, "engagements_span_insert", &b.trigger},
		{changed.String == changedTrigger, "engagements_changed_insert", &b.changed},
		{synced.String == syncTrigger && !shared, "sync_local_insert", &b.synced},
	} {
		if !t.drop {
			continue
		}
		if _, err := db.sql.ExecContext(ctx, `DROP TRIGGER `+t.name); err != nil {
			return nil, fmt.Errorf("bulk load: %w", err)
		}
		*t.set = true
	}
	checks, ok := checkExpressions(table.String)
	if !ok || len(checks) == 0 {
		return b, nil // SQLite checks each row
	}
	broken := make([]string, len(checks))
	for i, c := range checks {
		// A CHECK fails when its expression is false, not when NULL.
		broken[i] = "(" + c + ") IS FALSE"
	}
	verify, err := db.prepare(ctx, `SELECT id FROM engagements WHERE id BETWEEN ? AND ? AND (`+
		strings.Join(broken, " OR ")+`) LIMIT 1`)
	if err != nil {
		return b, nil // the checks were not read right: SQLite checks each row
	}
	b.checks, b.verify = checks, verify
	if _, err := db.sql.ExecContext(ctx, `PRAGMA ignore_check_constraints = ON`); err != nil {
		// A context ended during the pragma may leave it applied while
		// reporting failure: end turns it off whatever happened.
		return nil, errors.Join(fmt.Errorf("bulk load: %w", err), b.end(ctx))
	}
	return b, nil
}

// startIndex is the index a bulk load drops and builds again: every live
// engagement enters it at its start time, where a file's items land in
// no order, which makes adding to it a search of the index each. Building
// it once over the sorted keys costs less, when the table holds no more
// rows than the load adds (building reads them all). The other indexes
// take only some rows, or are unique and must refuse each as always.
const startIndex = "engagements_leader_start"

// dropIndexes drops startIndex, if the table is small enough next to the
// rows it will add, and keeps its CREATE INDEX to make it again.
func (b *bulkLoad) dropIndexes(ctx context.Context, adding int) error {
	var top sql.NullInt64 // as many rows as the table holds, or more
	var create sql.NullString
	err := b.db.sql.QueryRowContext(ctx, `SELECT (SELECT max(id) FROM engagements),
		(SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?)`, startIndex).Scan(&top, &create)
	if err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	if top.Int64 > int64(adding) || !create.Valid {
		return nil
	}
	if _, err := b.db.sql.ExecContext(ctx, `DROP INDEX `+startIndex); err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	b.indexes = append(b.indexes, create.String)
	return nil
}

// verifyEvery is how many rows a bulk load adds before it verifies them:
// few enough that their pages are still in SQLite's cache, enough that
// the query costs little next to reading them.
const verifyEvery = 1024

// added notes the rows one statement added, with their IDs set: how long
// they are, for the span trigger's work, and that they are to be
// verified.
func (b *bulkLoad) added(ctx context.Context, rows []imports.ImportedRow) error {
	b.rows += int64(len(rows))
	for _, r := range rows {
		e := r.Engagement
		if b.trigger {
			b.longest[e.LeaderID] = max(b.longest[e.LeaderID], unixSeconds(e.End)-unixSeconds(e.Start))
		}
		if b.verify != nil {
			b.unverified = append(b.unverified, e)
		}
	}
	if len(b.unverified) >= verifyEvery {
		return b.verifyAdded(ctx)
	}
	return nil
}

// verifyAdded verifies the rows added since it last did, whose IDs are
// consecutive.
func (b *bulkLoad) verifyAdded(ctx context.Context) error {
	if len(b.unverified) == 0 {
		return nil
	}
	first, last := b.unverified[0].ID, b.unverified[len(b.unverified)-1].ID
	var bad int64
	err := b.verify.QueryRowContext(ctx, first, last).Scan(&bad)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		clear(b.unverified)
		b.unverified = b.unverified[:0]
		return nil
	case err != nil:
		return fmt.Errorf("verify imported engagements: %w", err)
	}
	i := slices.IndexFunc(b.unverified, func(e *calendar.Engagement) bool { return e.ID == bad })
	if i < 0 {
		return fmt.Errorf("create imported engagements: row %d breaks a CHECK constraint", bad)
	}
	return b.violation(ctx, b.unverified[i], bad)
}

// violation names the CHECK constraint row id breaks, as SQLite would.
func (b *bulkLoad) violation(ctx context.Context, e *calendar.Engagement, id int64) error {
	for _, c := range b.checks {
		var broken bool
		err := b.db.sql.QueryRowContext(ctx, `SELECT (`+c+`) IS FALSE FROM engagements WHERE id = ?`, id).Scan(&broken)
		if err != nil {
			return fmt.Errorf("verify imported engagement %q: %w", e.UID, err)
		}
		if broken {
			return fmt.Errorf("create imported engagement %q: CHECK constraint failed: %s", e.UID, c)
		}
	}
	return fmt.Errorf("create imported engagement %q: CHECK constraint failed", e.UID)
}

// finish turns CHECK constraints back on, does what the triggers it
// dropped would have done for the rows added, and creates them again.
func (b *bulkLoad) finish(ctx context.Context) error {
	if err := b.verifyAdded(ctx); err != nil {
		return err
	}
	if err := b.end(ctx); err != nil {
		return err
	}
	for _, create := range b.indexes {
		if _, err := b.db.sql.ExecContext(ctx, create); err != nil {
			return fmt.Errorf("bulk load: %w", err)
		}
	}
	b.indexes = nil
	if b.changed {
		if _, err := b.db.sql.ExecContext(ctx, `UPDATE calendar_changes SET n = n + ? WHERE id = 1`, b.rows); err != nil {
			return fmt.Errorf("bulk load: count the changes: %w", err)
		}
		if _, err := b.db.sql.ExecContext(ctx, changedTrigger); err != nil {
			return fmt.Errorf("bulk load: %w", err)
		}
		b.changed = false
	}
	if b.synced {
		// Nothing here shares a book, and this transaction holds the
		// write lock: sync_books is as empty as when the load began.
		if _, err := b.db.sql.ExecContext(ctx, syncTrigger); err != nil {
			return fmt.Errorf("bulk load: %w", err)
		}
		b.synced = false
	}
	if !b.trigger {
		return nil
	}
	for _, id := range slices.Sorted(maps.Keys(b.longest)) {
		if _, err := b.db.sql.ExecContext(ctx, spanUpsert, id, b.longest[id]); err != nil {
			return fmt.Errorf("bulk load: longest engagement of leader %d: %w", id, err)
		}
	}
	if _, err := b.db.sql.ExecContext(ctx, spanTrigger); err != nil {
		return fmt.Errorf("bulk load: %w", err)
	}
	b.trigger = false
	return nil
}

// end turns CHECK constraints back on, if the load turned them off. It
// runs on every path out of a bulk load, a cancelled one too: the setting
// belongs to the connection, which outlives the transaction. Should the
// transaction be gone already (database/sql rolls it back when its
// context ends), the pool, which has this single connection, takes it.
func (b *bulkLoad) end(ctx context.Context) error {
	if b.verify == nil {
		return nil
	}
	b.verify.Close()
	b.verify = nil
	const on = `PRAGMA ignore_check_constraints = OFF`
	ctx = context.WithoutCancel(ctx)
	_, err := b.db.sql.ExecContext(ctx, on)
	if errors.Is(err, sql.ErrTxDone) && b.db.tx != nil {
		_, err = b.db.pool.ExecContext(ctx, on)
	}
	if err != nil {
		return fmt.Errorf("bulk load: turn CHECK constraints back on: %w", err)
	}
	return nil
}
