package data

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Two *DB on one file stand for two running copies of the app.
func TestTwoInstancesShareOneFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "anteroom.db")
	a := openAt(t, path, migrations)
	b := openAt(t, path, migrations)

	leader := addLeader(t, a, "Leader")
	if got, err := b.Leader(ctx, leader.ID); err != nil || got.Name != "Leader" {
		t.Fatalf("the other instance reads %+v, %v", got, err)
	}
	start := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	e := create(t, b, timed(leader.ID, "Written by b", start, time.Hour))
	if got, err := a.Engagement(ctx, e.ID); err != nil || got.UID != e.UID {
		t.Fatalf("the first instance reads %+v, %v", got, err)
	}

	// Both write at once, from several goroutines each: the busy timeout
	// and IMMEDIATE transactions must turn contention into waiting.
	const writers, each = 3, 50
	var wg sync.WaitGroup
	errs := make(chan error, 2*writers*each)
	for i, db := range []*DB{a, b, a, b, a, b} {
		wg.Go(func() {
			for j := range each {
				e := timed(leader.ID, fmt.Sprintf("%d.%d", i, j), start.Add(time.Duration(j)*time.Hour), time.Hour)
				if err := db.CreateEngagement(ctx, &e); err != nil {
					errs <- err
					return
				}
				e.Title += " edited"
				if err := db.UpdateEngagement(ctx, &e); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for name, db := range map[string]*DB{"a": a, "b": b} {
		assertCount(t, db, leader.ID, 1+2*writers*each)
		if t.Failed() {
			t.Logf("as seen by %s", name)
		}
	}
}

func TestTwoInstancesMigrateANewFileAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "anteroom.db")
	dbs := make([]*DB, 2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range dbs {
		wg.Go(func() { dbs[i], errs[i] = Open(path) })
	}
	wg.Wait()
	for i, db := range dbs {
		if errs[i] != nil {
			t.Fatalf("instance %d: %v", i, errs[i])
		}
		t.Cleanup(func() { db.Close() })
	}
	leader := addLeader(t, dbs[0], "Leader")
	if _, err := dbs[1].Leader(ctx, leader.ID); err != nil {
		t.Error(err)
	}
}
