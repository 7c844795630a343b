package share_test

import (
	"context"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/dav/davtest"
)

// An item made on one desk reaches the other with the same instants; an
// edit, a cancellation and a deletion travel back and forth.
func TestTwoDesksShareEditsCancellationsAndDeletions(t *testing.T) {
	srv := davtest.Start(t)
	a, b := newDesk(t, srv, davtest.Password), newDesk(t, srv, davtest.Password)
	if a.book().Calendar != b.book().Calendar {
		t.Fatalf("the desks linked different calendars: %s and %s", a.book().Calendar, b.book().Calendar)
	}
	m := a.meeting("党委会", 2, 9)
	if rep := a.sync(); rep.PushedCreated != 1 {
		t.Fatalf("desk A pushed %+v, want one created", rep)
	}
	if rep := b.sync(); rep.PulledNew != 1 {
		t.Fatalf("desk B pulled %+v, want one new", rep)
	}
	got := b.one(m.UID)
	sameInstant(t, "start", got.Start, m.Start)
	sameInstant(t, "end", got.End, m.End)
	if got.Title != "党委会" || got.Location != "第一会议室" || got.ZoneName != "Asia/Shanghai" {
		t.Errorf("desk B has %+v", got)
	}

	// Edited on B (an hour later, new title): reaches A.
	got.Title, got.Start, got.End = "党委会（扩大）", got.Start.Add(time.Hour), got.End.Add(time.Hour)
	b.save(&got)
	if rep := b.sync(); rep.PushedUpdated != 1 || rep.Conflicts != 0 {
		t.Fatalf("desk B: %+v, want one update pushed", rep)
	}
	if rep := a.sync(); rep.PulledUpdated != 1 {
		t.Fatalf("desk A: %+v, want one update pulled", rep)
	}
	onA := a.one(m.UID)
	if onA.Title != "党委会（扩大）" {
		t.Errorf("desk A has title %q", onA.Title)
	}
	sameInstant(t, "moved start", onA.Start, got.Start)

	// Cancelled on A: cancelled on B.
	onA.Status = calendar.StatusCancelled
	a.save(&onA)
	a.sync()
	b.sync()
	if st := b.one(m.UID).Status; st != calendar.StatusCancelled {
		t.Errorf("after the cancellation desk B has status %s", st)
	}

	// Deleted on B: gone from A.
	if err := b.svc.Delete(context.Background(), got.ID); err != nil {
		t.Fatal(err)
	}
	if rep := b.sync(); rep.PushedDeleted != 1 {
		t.Fatalf("desk B: %+v, want one deletion pushed", rep)
	}
	if rep := a.sync(); rep.PulledDeleted != 1 {
		t.Fatalf("desk A: %+v, want one deletion pulled", rep)
	}
	if rows := a.byUID(m.UID); len(rows) != 0 {
		t.Errorf("desk A still has %d rows of the deleted item", len(rows))
	}
	// And nothing bounces back.
	for _, d := range []*desk{a, b} {
		if rep := d.sync(); !quiet(rep) {
			t.Errorf("a quiet sync did %+v", rep)
		}
	}
}
