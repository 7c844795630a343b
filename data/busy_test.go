package data

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
)

// holdWriteLock takes the database's write lock from another connection,
// as another Anteroom in the middle of a long import does, and returns
// the function that lets it go.
func holdWriteLock(t *testing.T, path string) func() {
	t.Helper()
	raw := rawOpen(t, path)
	raw.SetMaxOpenConns(1)
	conn, err := raw.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	return func() {
		conn.ExecContext(ctx, "ROLLBACK")
		conn.Close()
	}
}

// TestAWriterWaitsForAnotherThenSaysItIsBusy: while another connection
// holds the write lock, a change tells the user once that it waits and,
// past its bound, fails with calendar.ErrBusy in words, not SQLITE_BUSY;
// nothing is half-written. Once the lock goes, the same change succeeds.
func TestAWriterWaitsForAnotherThenSaysItIsBusy(t *testing.T) {
	db := openTemp(t)
	l := addLeader(t, db, "领导")
	told := 0
	db.OnWait(func() { told++ }, 1500*time.Millisecond)
	release := holdWriteLock(t, db.Path())

	svc := calendar.NewService(db)
	e := timed(l.ID, "会议", time.Date(2027, 3, 1, 2, 0, 0, 0, time.UTC), time.Hour)
	began := time.Now()
	_, err := svc.SaveChecked(ctx, &e)
	waited := time.Since(began)
	var be *calendar.BusyError
	if !errors.Is(err, calendar.ErrBusy) || !errors.As(err, &be) {
		t.Fatalf("save under another writer's lock: %v, want ErrBusy", err)
	}
	if strings.Contains(be.Error(), "SQLITE_BUSY") || strings.Contains(be.Error(), "database is locked") {
		t.Errorf("the message shows SQLite's words: %s", be.Error())
	}
	if told != 1 || waited < 1500*time.Millisecond || waited > 5*time.Second {
		t.Errorf("told %d times, gave up after %v; want once, after about 1.5 s", told, waited)
	}
	if e.ID != 0 {
		t.Errorf("the engagement got ID %d from a save that failed", e.ID)
	}
	// A single write outside a transaction waits the same way.
	if err := db.CreateLeader(ctx, &calendar.Leader{Name: "副职", ZoneName: "UTC"}); !errors.Is(err, calendar.ErrBusy) {
		t.Errorf("create leader under the lock: %v, want ErrBusy", err)
	}

	go func() { time.Sleep(300 * time.Millisecond); release() }()
	if _, err := svc.SaveChecked(ctx, &e); err != nil {
		t.Fatalf("save once the lock is let go: %v", err)
	}
	if n, _ := db.CountEngagements(ctx, l.ID); n != 1 {
		t.Fatalf("%d engagements stored, want 1", n)
	}
}
