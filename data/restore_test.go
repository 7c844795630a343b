package data

import (
	"errors"
	"testing"
	"time"

	"anteroom/calendar"
)

// An undone deletion brings back the same engagement, checked by the
// rules against what was booked meanwhile.
func TestRestoreBringsBackTheSameEngagementCheckedByTheRules(t *testing.T) {
	db := openTemp(t)
	svc := calendar.NewService(db)
	svc.SetClock(func() time.Time { return time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC) })
	leader := addLeader(t, db, "Leader")
	loc := mustLoad(t, leader.ZoneName)
	at := func(day, h int) time.Time { return time.Date(2026, 11, day, h, 0, 0, 0, loc) }
	live := func() []calendar.Engagement {
		t.Helper()
		es, err := svc.Agenda(ctx, leader, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 12, 13))
		if err != nil {
			t.Fatal(err)
		}
		return es
	}

	e := calendar.Engagement{LeaderID: leader.ID, Title: "专题会", Start: at(24, 9), End: at(24, 10), ZoneName: leader.ZoneName}
	if err := svc.Save(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if err := svc.Delete(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RestoreChecked(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	got := live()
	if len(got) != 1 || got[0].ID != e.ID || got[0].UID != e.UID || !got[0].Start.Equal(e.Start) {
		t.Fatalf("restored %+v, want the same engagement %d %s", got, e.ID, e.UID)
	}
	if _, err := svc.RestoreChecked(ctx, e.ID); !errors.Is(err, calendar.ErrNotFound) {
		t.Fatalf("restoring a live engagement: %v, want not found", err)
	}

	// Something booked in its place meanwhile blocks it; a reason forces it.
	if err := svc.Delete(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	other := calendar.Engagement{LeaderID: leader.ID, Title: "接待", Kind: calendar.KindVisit, Start: at(24, 9), End: at(24, 10), ZoneName: leader.ZoneName}
	if err := svc.Save(ctx, &other); err != nil {
		t.Fatal(err)
	}
	_, err := svc.RestoreChecked(ctx, e.ID)
	var ce *calendar.ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("restoring over a clash: %v, want a conflict", err)
	}
	if n := len(live()); n != 1 {
		t.Fatalf("a blocked restore left %d engagements, want 1", n)
	}
	if _, err := svc.RestoreWithOverride(ctx, e.ID, "", "秘书"); err == nil {
		t.Fatal("an override without a reason was accepted")
	}
	if _, err := svc.RestoreWithOverride(ctx, e.ID, "书记要求保留", "秘书"); err != nil {
		t.Fatal(err)
	}
	log, err := svc.OverrideLog(ctx, leader.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].EngagementUID != e.UID || log[0].Reason != "书记要求保留" {
		t.Fatalf("override log %+v", log)
	}

	// A series comes back with the overrides deleted with it.
	series := calendar.Engagement{LeaderID: leader.ID, Title: "例会", Start: at(23, 15), End: at(23, 16),
		ZoneName: leader.ZoneName, RRule: "FREQ=WEEKLY;COUNT=3"}
	if err := svc.Save(ctx, &series); err != nil {
		t.Fatal(err)
	}
	es, _ := svc.Agenda(ctx, leader, calendar.NewDate(2026, 11, 30), calendar.NewDate(2026, 11, 30))
	moved := es[0]
	moved.Start, moved.End = at(30, 16), at(30, 17)
	if err := svc.Save(ctx, &moved); err != nil {
		t.Fatal(err)
	}
	before := len(live())
	if err := svc.Delete(ctx, series.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RestoreChecked(ctx, series.ID); err != nil {
		t.Fatal(err)
	}
	after := live()
	if len(after) != before {
		t.Fatalf("%d engagements after restoring the series, want %d", len(after), before)
	}
	found := false
	for _, x := range after {
		found = found || x.ID == moved.ID && x.Start.Equal(at(30, 16))
	}
	if !found {
		t.Fatal("the series came back without its moved occurrence")
	}
}
