// Package datatest opens throwaway Anteroom databases and fills them, for
// the tests of packages that need a real calendar.Store.
package datatest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/data"
)

// Open returns a new, migrated database in a file of its own under
// t.TempDir(), closed when the test ends. It is a file, never ":memory:",
// so every pooled connection sees the same data.
func Open(t testing.TB) *data.DB {
	t.Helper()
	db, err := data.Open(filepath.Join(t.TempDir(), "anteroom.db"))
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("close test database: %v", err)
		}
	})
	return db
}

// Leader stores a leader named name whose home zone is zone and returns it.
func Leader(t testing.TB, db *data.DB, name, zone string) calendar.Leader {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Second)
	l := calendar.Leader{Name: name, ZoneName: zone, Created: now, Updated: now}
	if err := db.CreateLeader(context.Background(), &l); err != nil {
		t.Fatalf("create leader %q: %v", name, err)
	}
	return l
}

// Engagement stores e, filling what a test usually does not care about
// (UID, kind, status, classification, source, time stamps), and returns
// it with its ID. Set Start and End, or AllDay with StartDay and EndDay and
// the Start and End they anchor to.
func Engagement(t testing.TB, db *data.DB, e calendar.Engagement) calendar.Engagement {
	t.Helper()
	if e.UID == "" {
		e.UID = calendar.NewUID()
	}
	if e.Kind == "" {
		e.Kind = calendar.KindMeeting
	}
	if e.Status == "" {
		e.Status = calendar.StatusConfirmed
	}
	if e.Classification == "" {
		e.Classification = calendar.ClassInternal
	}
	if e.Source == "" {
		e.Source = calendar.SourceManual
	}
	if e.Created.IsZero() {
		e.Created = time.Now().UTC().Truncate(time.Second)
		e.Updated = e.Created
	}
	if err := db.CreateEngagement(context.Background(), &e); err != nil {
		t.Fatalf("create engagement %q: %v", e.Title, err)
	}
	return e
}
