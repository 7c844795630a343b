package bench

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"anteroom/calendar"
	"anteroom/data"
)

// sqliteFloor stands in for the least any program storing the tiny file's
// rows in this schema with this driver can do: n rows, as the import of
// generateTiny's file stores them, go into the calendar at path (a fresh
// one, leader 1) with nothing the import adds around SQLite. No parsing,
// no planning, no checks of clashes; the table's triggers dropped and its
// CHECK constraints off for good, not verified after; 64 rows a statement
// in one transaction; the indexes that are not unique dropped and built
// again at the end, so that the table is as an import leaves it. spec is
// "n:path". The import's time over this is what Anteroom adds; this over
// go-ical's decode is what SQLite alone costs.
func sqliteFloor(spec string) int {
	count, path, ok := strings.Cut(spec, ":")
	n, err := strconv.Atoi(count)
	if !ok || err != nil {
		fmt.Fprintln(os.Stderr, "BENCH_SQLITE_FLOOR: want n:path, got", spec)
		return 2
	}
	if err := storeBare(path, n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// floorColumns are the columns the import of a tiny event fills; the
// others take their defaults, as there.
const floorColumns = "uid, leader_id, kind, title, start_utc, end_utc, status, classification, source, created, updated"

func storeBare(path string, n int) error {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var drop, rebuild []string
	rows, err := tx.Query(`SELECT type, name, sql FROM sqlite_schema
		WHERE tbl_name = 'engagements' AND sql IS NOT NULL AND (type = 'trigger' OR type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%')`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var typ, name, create string
		if err := rows.Scan(&typ, &name, &create); err != nil {
			return err
		}
		drop = append(drop, "DROP "+strings.ToUpper(typ)+" "+name)
		if typ == "index" {
			rebuild = append(rebuild, create)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, s := range append(drop, "PRAGMA ignore_check_constraints = ON") {
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	const per = 64
	row := "(?, 1, 'meeting', '', ?, ?, 'confirmed', 'public', 'imported', ?, ?)"
	insert := func(k int) (*sql.Stmt, error) {
		return tx.Prepare("INSERT INTO engagements (" + floorColumns + ") VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", k), ", "))
	}
	full, err := insert(per)
	if err != nil {
		return err
	}
	now := time.Now().Unix()
	first := lastDay.Add(time.Duration(-n) * time.Hour).Unix()
	args := make([]any, 0, per*5)
	for lo := 0; lo < n; lo += per {
		args = args[:0]
		hi := min(lo+per, n)
		for i := lo; i < hi; i++ {
			start := first + int64(i)*3600
			args = append(args, "t"+strconv.Itoa(i), start, start+15*60, now, now)
		}
		stmt := full
		if hi-lo < per {
			if stmt, err = insert(hi - lo); err != nil {
				return err
			}
		}
		if _, err := stmt.Exec(args...); err != nil {
			return err
		}
	}
	for _, s := range append(rebuild, "PRAGMA ignore_check_constraints = OFF") {
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return tx.Commit()
}

// The floor stores every row and leaves the table whole, its indexes
// built again: a floor that stored less would flatter SQLite.
func TestSQLiteFloorStoresTheRowsWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "floor.db")
	cal, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := cal.CreateLeader(context.Background(), &calendar.Leader{Name: "张书记", ZoneName: tzid, Created: lastDay, Updated: lastDay}); err != nil {
		t.Fatal(err)
	}
	if err := cal.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	indexes := func() string {
		var names string
		if err := db.QueryRow(`SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema
			WHERE type = 'index' AND tbl_name = 'engagements' ORDER BY name)`).Scan(&names); err != nil {
			t.Fatal(err)
		}
		return names
	}
	want := indexes()
	const n = 1000 + 17 // a short last statement too
	if err := storeBare(path, n); err != nil {
		t.Fatal(err)
	}
	var count, unlike int
	var check string
	if err := db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE end_utc - start_utc <> 900 OR leader_id <> 1) FROM engagements`).Scan(&count, &unlike); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil {
		t.Fatal(err)
	}
	if got := indexes(); count != n || unlike != 0 || check != "ok" || got != want {
		t.Fatalf("stored %d rows (%d not as the import stores them), integrity %q, indexes %q; want %d rows and %q", count, unlike, check, got, n, want)
	}
}
