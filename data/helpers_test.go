package data

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"anteroom/calendar"
)

var ctx = context.Background()

// openAt opens path with steps and closes it when the test ends.
func openAt(t testing.TB, path string, steps []migration) *DB {
	t.Helper()
	db, err := open(ctx, path, steps)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// openTemp opens a new database in the test's temporary directory.
func openTemp(t testing.TB) *DB {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "anteroom.db"), migrations)
}

// rawOpen opens path with no configuring pragmas, to look at a file the
// way any SQLite tool would.
func rawOpen(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", fileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func addLeader(t testing.TB, db *DB, name string) calendar.Leader {
	t.Helper()
	now := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	l := calendar.Leader{Name: name, ZoneName: "Asia/Shanghai", Created: now, Updated: now}
	if err := db.CreateLeader(ctx, &l); err != nil {
		t.Fatal(err)
	}
	return l
}

// timed returns an unsaved engagement of leader from start for d.
func timed(leader int64, title string, start time.Time, d time.Duration) calendar.Engagement {
	created := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	return calendar.Engagement{
		UID: calendar.NewUID(), LeaderID: leader, Kind: calendar.KindMeeting, Title: title,
		Start: start.UTC(), End: start.Add(d).UTC(), ZoneName: "Asia/Shanghai",
		Status: calendar.StatusConfirmed, Classification: calendar.ClassInternal,
		Source: calendar.SourceManual, Created: created, Updated: created,
	}
}

// allDay returns an unsaved all-day engagement on the days [from, to),
// anchored in loc as the service would.
func allDay(leader int64, title string, from, to calendar.Date, loc *time.Location) calendar.Engagement {
	e := timed(leader, title, time.Time{}, 0)
	e.Kind = calendar.KindBlocked
	e.AllDay, e.StartDay, e.EndDay = true, from, to
	e.Anchor(loc)
	e.Start, e.End = e.Start.UTC(), e.End.UTC()
	return e
}

func create(t testing.TB, db *DB, e calendar.Engagement) calendar.Engagement {
	t.Helper()
	if err := db.CreateEngagement(ctx, &e); err != nil {
		t.Fatalf("create %q: %v", e.Title, err)
	}
	return e
}

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func fileBytes(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mode(t testing.TB, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func named(name string, v any) sql.NamedArg { return sql.Named(name, v) }
