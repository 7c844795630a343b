package data

import (
	"errors"
	"testing"
	"time"

	"anteroom/calendar"
)

func TestLeaders(t *testing.T) {
	db := openTemp(t)
	if ls, err := db.Leaders(ctx); err != nil || len(ls) != 0 {
		t.Fatalf("Leaders of a new database: %v, %v", ls, err)
	}
	now := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	for _, l := range []calendar.Leader{
		{Name: "Second", Order: 2}, {Name: "First", Order: 1}, {Name: "Also second", Order: 2},
	} {
		l.Created, l.Updated = now, now
		if err := db.CreateLeader(ctx, &l); err != nil || l.ID == 0 {
			t.Fatalf("CreateLeader(%q): ID %d, %v", l.Name, l.ID, err)
		}
	}
	ls, err := db.Leaders(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range ls {
		names = append(names, l.Name)
	}
	if want := []string{"First", "Second", "Also second"}; len(names) != 3 || names[0] != want[0] || names[1] != want[1] || names[2] != want[2] {
		t.Errorf("Leaders in order %q, want %q", names, want)
	}

	dup := calendar.Leader{Name: "First", Created: now, Updated: now}
	if err := db.CreateLeader(ctx, &dup); !errors.Is(err, ErrDuplicate) {
		t.Errorf("duplicate name: %v, want ErrDuplicate", err)
	}
	if _, err := db.Leader(ctx, 999); !errors.Is(err, calendar.ErrNotFound) {
		t.Errorf("Leader(999): %v, want ErrNotFound", err)
	}
}

func TestRejectedWritesLeaveNothingBehind(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	start := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	taken := create(t, db, timed(leader.ID, "Taken", start, time.Hour))

	tests := []struct {
		name   string
		change func(*calendar.Engagement)
		is     error // nil: any error
	}{
		{"unknown kind", func(e *calendar.Engagement) { e.Kind = "party" }, nil},
		{"unknown status", func(e *calendar.Engagement) { e.Status = "maybe" }, nil},
		{"unknown classification", func(e *calendar.Engagement) { e.Classification = "secret" }, nil},
		{"unknown source", func(e *calendar.Engagement) { e.Source = "fax" }, nil},
		{"end before start", func(e *calendar.Engagement) { e.End = e.Start.Add(-time.Hour) }, nil},
		{"empty interval", func(e *calendar.Engagement) { e.End = e.Start }, nil},
		{"negative sequence", func(e *calendar.Engagement) { e.Sequence = -1 }, nil},
		{"empty uid", func(e *calendar.Engagement) { e.UID = "" }, nil},
		{"all-day without dates", func(e *calendar.Engagement) { e.AllDay = true }, nil},
		{"all-day ending before it starts", func(e *calendar.Engagement) {
			e.AllDay, e.StartDay, e.EndDay = true, calendar.Date{Year: 2026, Month: 3, Day: 3}, calendar.Date{Year: 2026, Month: 3, Day: 2}
		}, nil},
		{"unknown leader", func(e *calendar.Engagement) { e.LeaderID = 999 }, calendar.ErrNotFound},
		{"duplicate uid", func(e *calendar.Engagement) { e.UID = taken.UID }, ErrDuplicate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := timed(leader.ID, "Rejected", start.Add(24*time.Hour), time.Hour)
			tt.change(&e)
			err := db.CreateEngagement(ctx, &e)
			if err == nil || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Errorf("CreateEngagement: %v, want an error (%v)", err, tt.is)
			}
			if e.ID != 0 {
				t.Errorf("ID set to %d by a failed create", e.ID)
			}
			// An update that breaks the same rule changes nothing either.
			bad := taken
			tt.change(&bad)
			bad.Title = "Changed"
			if tt.name != "duplicate uid" && tt.name != "empty uid" { // the UID is never rewritten
				if err := db.UpdateEngagement(ctx, &bad); err == nil {
					t.Error("UpdateEngagement succeeded")
				}
			}
			assertCount(t, db, leader.ID, 1)
			if got, err := db.Engagement(ctx, taken.ID); err != nil || !sameEngagement(got, taken) {
				t.Errorf("stored engagement changed: %+v, %v", got, err)
			}
		})
	}
	var rows int
	if err := db.pool.QueryRow(`SELECT count(*) FROM engagements`).Scan(&rows); err != nil || rows != 1 {
		t.Errorf("%d rows in engagements (%v), want 1", rows, err)
	}
}

func TestUpdateEngagement(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	other := addLeader(t, db, "Other")
	loc := mustLoad(t, leader.ZoneName)
	e := create(t, db, timed(leader.ID, "Meeting", time.Date(2026, 3, 2, 9, 0, 0, 0, loc), time.Hour))

	changed := e
	changed.UID, changed.Created = "ignored", e.Created.Add(time.Hour) // never rewritten
	changed.LeaderID, changed.Title, changed.Notes, changed.Sequence = other.ID, "Trip", "by car", 4
	changed.AllDay, changed.StartDay, changed.EndDay = true, calendar.Date{Year: 2026, Month: 3, Day: 2}, calendar.Date{Year: 2026, Month: 3, Day: 5}
	changed.Anchor(loc)
	changed.Updated = e.Updated.Add(time.Minute)
	if err := db.UpdateEngagement(ctx, &changed); err != nil {
		t.Fatal(err)
	}
	got, err := db.Engagement(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := changed
	want.UID, want.Created = e.UID, e.Created
	if !sameEngagement(got, want) {
		t.Errorf("after update:\n got %+v\nwant %+v", got, want)
	}
	assertCount(t, db, leader.ID, 0)
	assertCount(t, db, other.ID, 1)

	// And back to a timed engagement: the dates are cleared.
	changed.AllDay = false
	changed.Start, changed.End = changed.Start.Add(9*time.Hour), changed.Start.Add(10*time.Hour)
	if err := db.UpdateEngagement(ctx, &changed); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Engagement(ctx, e.ID); got.AllDay || !got.StartDay.IsZero() || !got.EndDay.IsZero() {
		t.Errorf("timed again, but read back AllDay %v, days %v–%v", got.AllDay, got.StartDay, got.EndDay)
	}

	missing := changed
	missing.ID = 999
	if err := db.UpdateEngagement(ctx, &missing); !errors.Is(err, calendar.ErrNotFound) {
		t.Errorf("update of a missing engagement: %v, want ErrNotFound", err)
	}
}

func TestDeleteKeepsATombstone(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	start := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	e := create(t, db, timed(leader.ID, "Meeting", start, time.Hour))
	create(t, db, timed(leader.ID, "Kept", start.Add(2*time.Hour), time.Hour))
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

	if err := db.DeleteEngagement(ctx, e.ID, at); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Engagement(ctx, e.ID); !errors.Is(err, calendar.ErrNotFound) {
		t.Errorf("Engagement of a deleted id: %v, want ErrNotFound", err)
	}
	if es, _ := db.EngagementsBetween(ctx, leader.ID, start.Add(-time.Hour), start.Add(24*time.Hour)); len(es) != 1 || es[0].Title != "Kept" {
		t.Errorf("EngagementsBetween after delete: %v", es)
	}
	assertCount(t, db, leader.ID, 1)

	var uid string
	var updated, deleted int64
	if err := db.pool.QueryRow(`SELECT uid, updated, deleted FROM engagements WHERE id = ?`, e.ID).Scan(&uid, &updated, &deleted); err != nil {
		t.Fatal(err)
	}
	if uid != e.UID || updated != at.Unix() || deleted != at.Unix() {
		t.Errorf("tombstone uid %q updated %d deleted %d; want %q %d %d", uid, updated, deleted, e.UID, at.Unix(), at.Unix())
	}

	if err := db.DeleteEngagement(ctx, e.ID, at); !errors.Is(err, calendar.ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	if err := db.UpdateEngagement(ctx, &e); !errors.Is(err, calendar.ErrNotFound) {
		t.Errorf("update of a deleted engagement: %v, want ErrNotFound", err)
	}
	again := timed(leader.ID, "Same UID", start, time.Hour)
	again.UID = e.UID
	if err := db.CreateEngagement(ctx, &again); !errors.Is(err, ErrDuplicate) {
		t.Errorf("reusing a deleted UID: %v, want ErrDuplicate", err)
	}
}

func assertCount(t *testing.T, db *DB, leaderID int64, want int) {
	t.Helper()
	if n, err := db.CountEngagements(ctx, leaderID); err != nil || n != want {
		t.Errorf("CountEngagements(%d) = %d, %v; want %d", leaderID, n, err, want)
	}
}
