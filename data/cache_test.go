package data

import (
	"strings"
	"testing"
	"time"
)

// A database told to cache few pages keeps that size, and reads and
// changes that span many more pages than it caches come out whole.
func TestCacheFewPagesReadsAndWritesWhole(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	start := time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)
	const n = 400
	for i := range n {
		e := timed(leader.ID, "例会", start.Add(time.Duration(i)*time.Hour), 30*time.Minute)
		e.Notes = strings.Repeat("会议材料", 100) // about 1.2 KB: the rows fill over 100 pages
		create(t, db, e)
	}
	if err := db.CacheFewPages(ctx); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := db.pool.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&pages); err != nil || pages != fewPages {
		t.Fatalf("cache size %d, %v; want %d pages", pages, err, fewPages)
	}
	var filePages int
	if err := db.pool.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&filePages); err != nil || filePages < 8*fewPages {
		t.Fatalf("the file has %d pages, %v; want many more than the cache", filePages, err)
	}
	end := start.Add(n * time.Hour)
	got, err := db.EngagementsBetween(ctx, leader.ID, start, end)
	if err != nil || len(got) != n {
		t.Fatalf("read %d engagements, %v; want %d", len(got), err, n)
	}
	more := timed(leader.ID, "专题会", end, time.Hour)
	more.Notes = strings.Repeat("会议材料", 5000)
	create(t, db, more)
	if got, err = db.EngagementsBetween(ctx, leader.ID, start, end.Add(2*time.Hour)); err != nil || len(got) != n+1 {
		t.Fatalf("after a change: %d engagements, %v; want %d", len(got), err, n+1)
	}
}
