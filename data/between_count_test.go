package data

import (
	"testing"
	"time"

	"anteroom/calendar"
)

// The engagements of a long window (an export's years) come in a list
// made once at its size, and they are the ones a week by week reading
// finds; a short window's are read without counting.
func TestLongWindowIsCountedFirst(t *testing.T) {
	db := openTemp(t)
	l := addLeader(t, db, "张书记")
	first := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	const n = 150
	for i := range n {
		e := timed(l.ID, "会议", first.AddDate(0, 0, i), time.Hour)
		if err := db.CreateEngagement(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	from, to := first.AddDate(0, 0, -1), first.AddDate(0, 0, n)
	if to.Sub(from) <= countedWindow {
		t.Fatalf("the window of %v is not counted", to.Sub(from))
	}
	es, err := db.EngagementsBetween(ctx, l.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != n || cap(es) != n {
		t.Fatalf("%d engagements in a list of capacity %d; want %d in one of %d", len(es), cap(es), n, n)
	}
	var weekly int
	for at := from; at.Before(to); at = at.AddDate(0, 0, 7) {
		week, err := db.EngagementsBetween(ctx, l.ID, at, calendar.Earlier(to, at.AddDate(0, 0, 7)))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range week {
			if e.ID != es[weekly].ID {
				t.Fatalf("week of %v: engagement %d where the long window has %d", at, e.ID, es[weekly].ID)
			}
			weekly++
		}
	}
	if weekly != n {
		t.Fatalf("week by week found %d; want %d", weekly, n)
	}
}
