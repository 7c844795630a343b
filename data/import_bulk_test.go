package data

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/imports"
	"anteroom/calendar/share/state"
)

// loadInBulk makes every import of the test a bulk load.
func loadInBulk(t *testing.T) {
	t.Helper()
	was := bulkRows
	bulkRows = 1
	t.Cleanup(func() { bulkRows = was })
}

// TestImportInBulk runs the import tests with every row loaded in bulk.
func TestImportInBulk(t *testing.T) {
	loadInBulk(t)
	for name, test := range map[string]func(*testing.T){
		"NewThenUnchangedThenUpdated":  TestImportNewThenUnchangedThenUpdated,
		"CancelFreesTheSlot":           TestImportCancelFreesTheSlotAndKeepsTheItem,
		"SeriesWithOverrides":          TestImportSeriesWithOverridesAndAnOrphan,
		"DoesNotRevive":                TestImportDoesNotReviveWhatWasDeletedUnlessNewer,
		"UpdatesAnItemMadeHere":        TestImportUpdatesAnItemMadeHereByUIDAndSaysSo,
		"SkipsDuplicates":              TestImportSkipsDuplicatesRepliesAndOtherLeadersItems,
		"FindingsAndUntickedItems":     TestImportFindingsAndUntickedItems,
		"IsAllOrNothing":               TestImportIsAllOrNothing,
		"ExportItemsAreSeries":         TestExportItemsAreSeriesNotOccurrences,
		"BulkLeavesTheSchemaAsItWas":   testBulkLeavesTheSchemaAsItWas,
		"BulkStoresWhatRowByRowStores": testBulkStoresWhatRowByRowStores,
	} {
		t.Run(name, test)
	}
}

// schemaState is what a bulk load changes for a while: the schema's
// objects on engagements, CHECK enforcement, and the spans.
func schemaState(t *testing.T, db *DB) string {
	t.Helper()
	var out []string
	rows, err := db.pool.QueryContext(ctx, `SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema
		WHERE tbl_name IN ('engagements', 'engagement_spans') ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	if err := eachRow(rows, func(s scanner) error {
		var line string
		out = append(out, line)
		return s.Scan(&out[len(out)-1])
	}); err != nil {
		t.Fatal(err)
	}
	var ignore int
	if err := db.pool.QueryRowContext(ctx, `PRAGMA ignore_check_constraints`).Scan(&ignore); err != nil {
		t.Fatal(err)
	}
	out = append(out, fmt.Sprintf("ignore_check_constraints=%d", ignore))
	return strings.Join(out, "\n")
}

// spans returns engagement_spans and what it should hold.
func spans(t *testing.T, db *DB) (got, want string) {
	t.Helper()
	q := func(query string) string {
		var s string
		if err := db.pool.QueryRowContext(ctx, query).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	return q(`SELECT coalesce(group_concat(leader_id || '=' || max_seconds, ' '), '') FROM
			(SELECT * FROM engagement_spans WHERE max_seconds > 0 ORDER BY leader_id)`),
		q(`SELECT coalesce(group_concat(leader_id || '=' || m, ' '), '') FROM
			(SELECT leader_id, max(end_utc - start_utc) AS m FROM engagements WHERE deleted IS NULL GROUP BY leader_id ORDER BY leader_id)`)
}

// bulkItems are an import's worth of items: a series with an override,
// singles, an all-day item.
func (im *importer) bulkItems() []imports.Incoming {
	series := im.item("s@x", "例会", im.at(23, 9), 0)
	series.Engagement.RRule = "FREQ=DAILY;COUNT=5"
	series.Engagement.ExDates = []time.Time{im.at(25, 9)}
	override := im.item("s@x", "例会（改）", im.at(24, 15), 1)
	override.Engagement.RecurrenceID = im.at(24, 9)
	long := im.item("long@x", "长会", im.at(26, 8), 0)
	long.Engagement.End = im.at(26, 18)
	day := im.item("day@x", "全天", time.Time{}, 0)
	day.Engagement.AllDay = true
	day.Engagement.StartDay, day.Engagement.EndDay = calendar.NewDate(2026, 11, 27), calendar.NewDate(2026, 11, 28)
	day.Engagement.Start, day.Engagement.End = time.Time{}, time.Time{}
	items := []imports.Incoming{series, override, long, day}
	for i := range 20 {
		items = append(items, im.item(fmt.Sprintf("u%d@x", i), fmt.Sprintf("会%d", i), im.at(23+i%5, 10+i%6), i%3))
	}
	return items
}

func testBulkLeavesTheSchemaAsItWas(t *testing.T) {
	im := newImporter(t)
	before := schemaState(t, im.db)
	im.apply(im.bulkItems()...)
	if after := schemaState(t, im.db); after != before {
		t.Fatalf("schema after a bulk load\n%s\nwant\n%s", after, before)
	}
	if got, want := spans(t, im.db); got != want {
		t.Fatalf("engagement_spans %q, want %q", got, want)
	}
	// A second load, into a table larger than it: the indexes stay.
	more := im.item("more@x", "再来", im.at(27, 16), 0)
	im.apply(more)
	if after := schemaState(t, im.db); after != before {
		t.Fatalf("schema after a second bulk load\n%s\nwant\n%s", after, before)
	}
}

// testBulkStoresWhatRowByRowStores compares every column of what a bulk
// load stores with what the same import stores row by row, and what the
// triggers it suspends leave: the change counter and, for a leader whose
// book is shared and for one whose book is not, the changes to send.
func testBulkStoresWhatRowByRowStores(t *testing.T) {
	for _, shared := range []bool{false, true} {
		t.Run(fmt.Sprintf("shared=%v", shared), func(t *testing.T) { bulkStoresWhatRowByRowStores(t, shared) })
	}
}

func bulkStoresWhatRowByRowStores(t *testing.T, shared bool) {
	dump := func(bulk int) []string {
		was := bulkRows
		bulkRows = bulk
		defer func() { bulkRows = was }()
		im := newImporter(t)
		if shared {
			acct := state.Account{URL: "http://127.0.0.1:1/", User: "desk", Created: time.Unix(0, 0)}
			if err := im.db.Sync().SaveSyncAccount(ctx, &acct); err != nil {
				t.Fatal(err)
			}
			if err := im.db.Sync().LinkBook(ctx, state.Book{LeaderID: im.leader.ID, AccountID: acct.ID, Calendar: "/desk/x/"}); err != nil {
				t.Fatal(err)
			}
		}
		im.apply(im.bulkItems()...)
		var counters string
		if err := im.db.pool.QueryRowContext(ctx, `SELECT 'changes ' || (SELECT n FROM calendar_changes) ||
			', sync clock ' || (SELECT n FROM sync_clock) ||
			', to send ' || coalesce((SELECT group_concat(uid || '@' || rev, ' ') FROM (SELECT * FROM sync_local ORDER BY uid)), '')`).Scan(&counters); err != nil {
			t.Fatal(err)
		}
		rows, err := im.db.pool.QueryContext(ctx, `SELECT * FROM engagements ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		var out []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(vals...))
		}
		got, want := spans(t, im.db)
		return append(out, got, want, counters)
	}
	bulk, one := dump(1), dump(1<<30)
	if !slices.Equal(bulk, one) {
		t.Fatalf("bulk load stored\n%s\nrow by row\n%s", strings.Join(bulk, "\n"), strings.Join(one, "\n"))
	}
	if last := one[len(one)-1]; strings.HasPrefix(last, "changes 0") || shared == strings.HasSuffix(last, "to send ") {
		t.Fatalf("row by row left %q: nothing to compare", last)
	}
}

// TestBulkLoadRefusesWhatChecksRefuse writes rows the planner would never
// make, straight to the store: a bulk load refuses them as SQLite's CHECK
// constraints do, stores nothing, and leaves the schema and the checks as
// they were.
func TestBulkLoadRefusesWhatChecksRefuse(t *testing.T) {
	loadInBulk(t)
	for name, c := range map[string]struct {
		spoil func(*calendar.Engagement)
		want  string
	}{
		"kind":     {func(e *calendar.Engagement) { e.Kind = "party" }, "kind IN ('meeting'"},
		"status":   {func(e *calendar.Engagement) { e.Status = "maybe" }, "status IN"},
		"sequence": {func(e *calendar.Engagement) { e.Sequence = -1 }, "sequence >= 0"},
		"times":    {func(e *calendar.Engagement) { e.End = e.Start }, "end_utc > start_utc"},
		"all-day":  {func(e *calendar.Engagement) { e.AllDay = true }, "CASE all_day"},
	} {
		t.Run(name, func(t *testing.T) {
			db := openTemp(t)
			leader := addLeader(t, db, "Leader")
			before := schemaState(t, db)
			var rows []imports.ImportedRow
			for i := range 100 {
				e := timed(leader.ID, fmt.Sprint("会", i), time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC).Add(time.Duration(i)*time.Hour), time.Hour)
				if i == 70 {
					c.spoil(&e)
				}
				rows = append(rows, imports.ImportedRow{Engagement: &e, Version: imports.ImportVersion{At: e.Created}})
			}
			err := db.WithTx(ctx, func(st calendar.Store) error { return st.(*DB).WriteImported(ctx, rows) })
			if err == nil || !strings.Contains(err.Error(), "CHECK constraint failed: "+c.want) || !strings.Contains(err.Error(), rows[70].Engagement.UID) {
				t.Fatalf("got %v, want the CHECK %s… of row 70 to fail", err, c.want)
			}
			var n int
			if err := db.pool.QueryRowContext(ctx, `SELECT count(*) FROM engagements`).Scan(&n); err != nil || n != 0 {
				t.Fatalf("%d rows stored (%v)", n, err)
			}
			if after := schemaState(t, db); after != before {
				t.Fatalf("schema after a failed bulk load\n%s\nwant\n%s", after, before)
			}
			// SQLite checks each row again.
			bad := *rows[70].Engagement
			bad.ID = 0
			if err := db.CreateEngagement(ctx, &bad); err == nil || !strings.Contains(err.Error(), "CHECK constraint failed") {
				t.Fatalf("a row breaking a CHECK after the load: %v", err)
			}
		})
	}
}

// TestBulkLoadCancelled cancels imports at all sorts of moments: each
// stores everything or nothing, and leaves the schema as it was.
func TestBulkLoadCancelled(t *testing.T) {
	loadInBulk(t)
	for wait := time.Duration(0); wait < 30*time.Millisecond; wait += 3 * time.Millisecond {
		im := newImporter(t)
		before := schemaState(t, im.db)
		items := im.bulkItems()
		for i := range 2000 {
			items = append(items, im.item(fmt.Sprintf("n%d@x", i), "会", im.at(23+i%5, 8+i%10), 0))
		}
		p := im.plan(items...)
		c, cancel := context.WithCancel(ctx)
		timer := time.AfterFunc(wait, cancel)
		res, err := im.imp.ApplyImport(c, p)
		timer.Stop()
		cancel()
		var n int
		if err := im.db.pool.QueryRowContext(ctx, `SELECT count(*) FROM engagements`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		switch {
		case err == nil && n != res.New:
			t.Fatalf("after %v: %d rows for %+v", wait, n, res)
		case err != nil && n != 0:
			t.Fatalf("after %v: %v, yet %d rows stored", wait, err, n)
		}
		if after := schemaState(t, im.db); after != before {
			t.Fatalf("after %v (%v): schema\n%s\nwant\n%s", wait, err, after, before)
		}
	}
}

// TestBulkLoadSuspendsWhatItKnows checks that a bulk load into the
// current schema suspends all it can: a migration that changes the span
// trigger or the CHECKs must change bulkLoad too.
func TestBulkLoadSuspendsWhatItKnows(t *testing.T) {
	db := openTemp(t)
	err := db.WithTx(ctx, func(st calendar.Store) error {
		b, err := st.(*DB).beginBulk(ctx, 1)
		if err != nil {
			return err
		}
		defer b.end(ctx)
		if !b.trigger || !b.changed || !b.synced || b.verify == nil || len(b.checks) != 11 || len(b.indexes) != 1 {
			t.Errorf("bulk load: span trigger %v, change counter %v, sync trigger %v, verify %v, %d checks, indexes %q",
				b.trigger, b.changed, b.synced, b.verify != nil, len(b.checks), b.indexes)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBulkLoadRolledBackUnderIt cancels the context of the transaction
// itself, which database/sql then rolls back from another goroutine: the
// connection still gets its CHECKs back.
func TestBulkLoadRolledBackUnderIt(t *testing.T) {
	loadInBulk(t)
	outcomes := map[bool]int{}
	for wait := time.Duration(0); wait < 20*time.Millisecond; wait += time.Millisecond {
		db := openTemp(t)
		leader := addLeader(t, db, "Leader")
		before := schemaState(t, db)
		var rows []imports.ImportedRow
		for i := range 3000 {
			e := timed(leader.ID, "会", time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC).Add(time.Duration(i)*time.Hour), time.Hour)
			rows = append(rows, imports.ImportedRow{Engagement: &e, Version: imports.ImportVersion{At: e.Created}})
		}
		c, cancel := context.WithCancel(ctx)
		timer := time.AfterFunc(wait, cancel)
		err := db.WithTx(c, func(st calendar.Store) error { return st.(*DB).WriteImported(c, rows) })
		timer.Stop()
		cancel()
		outcomes[err == nil]++
		var n int
		if err := db.pool.QueryRowContext(ctx, `SELECT count(*) FROM engagements`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if err == nil && n != len(rows) || err != nil && n != 0 {
			t.Fatalf("after %v: %v, and %d rows stored", wait, err, n)
		}
		if after := schemaState(t, db); after != before {
			t.Fatalf("after %v (%v): schema\n%s\nwant\n%s", wait, err, after, before)
		}
	}
	t.Logf("stored, cancelled: %v", outcomes)
}
