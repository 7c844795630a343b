package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/imports"

	sqlite3 "modernc.org/sqlite/lib"
)

// fillTo makes db's file unable to grow past the pages it has: SQLite's
// own limit on a file's size, past which a write fails as it does on a
// full disk (SQLITE_FULL). It holds on the pool's one connection.
func fillTo(t *testing.T, db *DB) {
	t.Helper()
	var pages int
	if err := db.pool.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := db.pool.ExecContext(ctx, fmt.Sprintf(`PRAGMA max_page_count = %d`, pages)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { makeRoom(t, db) })
}

func makeRoom(t *testing.T, db *DB) {
	if _, err := db.pool.ExecContext(ctx, `PRAGMA max_page_count = 1073741823`); err != nil {
		t.Fatal(err)
	}
}

// isFull reports whether err is the database's *calendar.FullError.
func isFull(err error, db *DB) bool {
	var full *calendar.FullError
	return errors.As(err, &full) && errors.Is(err, calendar.ErrFull) && full.Database && full.Path == db.Path()
}

func TestAFullDiskChangesNothingAndSaysSo(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	start := time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)
	kept := create(t, db, timed(leader.ID, "例会", start, time.Hour))
	fillTo(t, db)

	big := timed(leader.ID, "专题会", start.Add(2*time.Hour), time.Hour)
	big.Notes = strings.Repeat("会议材料", 20000) // more pages than the file may grow by
	err := db.CreateEngagement(ctx, &big)
	if !isFull(err, db) {
		t.Fatalf("creating with no room: %v, want the database's FullError", err)
	}
	got, err := db.EngagementsBetween(ctx, leader.ID, start.AddDate(0, 0, -1), start.AddDate(0, 0, 1))
	if err != nil || len(got) != 1 || got[0].ID != kept.ID {
		t.Fatalf("after the refused change: %v, %v; want the one engagement there was", got, err)
	}

	makeRoom(t, db)
	create(t, db, big)
}

func TestAFullDiskStoresNoneOfAnImport(t *testing.T) {
	loadInBulk(t)
	im := newImporter(t)
	im.apply(im.item("kept@example.cn", "例会", im.at(23, 9), 0))
	items := make([]imports.Incoming, 300)
	for i := range items {
		items[i] = im.item(fmt.Sprintf("new-%d@example.cn", i), strings.Repeat("会", 300), im.at(24+i%5, 8+i%9), 0)
	}
	p := im.plan(items...)
	fillTo(t, im.db)
	if _, err := im.imp.ApplyImport(ctx, p); !isFull(err, im.db) {
		t.Fatalf("importing with no room: %v, want the database's FullError", err)
	}
	if got := im.agenda(); len(got) != 1 || !strings.Contains(got[0], "例会") {
		t.Fatalf("after the refused import the week holds %q, want the one meeting there was", got)
	}
}

// An I/O error is a full disk only when the disk has almost no room: the
// same error on a disk with room is left as it is, and so is one where the
// system will not say.
func TestAnIOErrorIsAFullDiskOnlyWithNoRoomLeft(t *testing.T) {
	saved := roomLeft
	t.Cleanup(func() { roomLeft = saved })
	const ioErrShmSize = 4874 // SQLITE_IOERR_SHMSIZE
	for _, c := range []struct {
		code   int
		room   uint64
		known  bool
		isFull bool
	}{
		{sqlite3.SQLITE_FULL, 1 << 30, true, true},
		{ioErrShmSize, 0, true, true},
		{ioErrShmSize, 64 << 10, true, true},
		{ioErrShmSize, 1 << 30, true, false},
		{ioErrShmSize, 0, false, false},
		{sqlite3.SQLITE_BUSY, 0, true, false},
	} {
		roomLeft = func(string) (uint64, bool) { return c.room, c.known }
		if got := outOfRoom(c.code, t.TempDir()); got != c.isFull {
			t.Errorf("code %d with %d bytes left (known %v): full %v, want %v", c.code, c.room, c.known, got, c.isFull)
		}
	}
	if room, ok := freeRoom(t.TempDir()); !ok || room == 0 {
		t.Errorf("free room of the test's folder: %d, %v; want some, known", room, ok)
	}
}

// A database is refused for its folder only when SQLite says so, or when
// SQLite could not write beside it and the folder is closed to this user.
func TestAFolderClosedToWritesIsNamedOnlyWhenItIs(t *testing.T) {
	saved := mayWriteIn
	t.Cleanup(func() { mayWriteIn = saved })
	for _, c := range []struct {
		code     int
		writable bool
		closed   bool
	}{
		{sqlite3.SQLITE_READONLY_DIRECTORY, true, true},
		{sqlite3.SQLITE_READONLY, false, true},
		{sqlite3.SQLITE_READONLY, true, false},
		{sqlite3.SQLITE_CANTOPEN, false, true},
		{sqlite3.SQLITE_BUSY, false, false},
	} {
		mayWriteIn = func(string) bool { return c.writable }
		if got := folderClosed(c.code, t.TempDir()); got != c.closed {
			t.Errorf("code %d, folder writable %v: closed %v, want %v", c.code, c.writable, got, c.closed)
		}
	}
	if !folderWritable(t.TempDir()) {
		t.Error("the test's own folder is not writable")
	}
}
