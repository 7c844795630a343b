package data

import (
	"slices"
	"testing"
	"time"

	"anteroom/calendar"
)

// TestServiceOverSQLite runs the series and override workflow of the
// calendar service on the real store.
func TestServiceOverSQLite(t *testing.T) {
	db := openTemp(t)
	svc := calendar.NewService(db)
	svc.SetClock(func() time.Time { return time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC) })
	leader := addLeader(t, db, "Leader")
	loc := mustLoad(t, leader.ZoneName)
	at := func(day, h int) time.Time { return time.Date(2026, 11, day, h, 0, 0, 0, loc) }
	agenda := func() []string {
		t.Helper()
		es, err := svc.Agenda(ctx, leader, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 12, 13))
		if err != nil {
			t.Fatal(err)
		}
		var s []string
		for _, e := range es {
			s = append(s, e.Start.In(loc).Format("01-02 15")+" "+e.Title+" "+string(e.Status))
		}
		return s
	}

	series := calendar.Engagement{LeaderID: leader.ID, Title: "例会", Start: at(23, 9), End: at(23, 10),
		ZoneName: leader.ZoneName, RRule: "FREQ=WEEKLY;UNTIL=20261207T090000"}
	if err := svc.Save(ctx, &series); err != nil {
		t.Fatal(err)
	}
	es, _ := svc.Agenda(ctx, leader, calendar.NewDate(2026, 11, 30), calendar.NewDate(2026, 11, 30))
	second := es[0]
	second.Start, second.End = at(30, 15), at(30, 16)
	if err := svc.Save(ctx, &second); err != nil {
		t.Fatal(err)
	}
	es, _ = svc.Agenda(ctx, leader, calendar.NewDate(2026, 12, 7), calendar.NewDate(2026, 12, 7))
	if err := svc.CancelOccurrence(ctx, es[0]); err != nil {
		t.Fatal(err)
	}
	want := []string{"11-23 09 例会 confirmed", "11-30 15 例会 confirmed", "12-07 09 例会 cancelled"}
	if got := agenda(); !slices.Equal(got, want) {
		t.Errorf("agenda %q\nwant %q", got, want)
	}
	es, _ = svc.Agenda(ctx, leader, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 11, 23))
	if err := svc.DeleteOccurrence(ctx, es[0]); err != nil {
		t.Fatal(err)
	}
	if got := agenda(); !slices.Equal(got, want[1:]) {
		t.Errorf("after deleting the first: %q", got)
	}

	// A visit over the moved occurrence is refused, then forced with a reason.
	visit := calendar.Engagement{LeaderID: leader.ID, Title: "会见", Kind: calendar.KindVisit, Start: at(30, 15), End: at(30, 16)}
	if _, err := svc.SaveChecked(ctx, &visit); err == nil {
		t.Fatal("a visit over the meeting was saved")
	}
	fs, err := svc.SaveWithOverride(ctx, &visit, "领导要求", "王秘书")
	if err != nil || len(fs) == 0 || fs[0].Other == nil || fs[0].Other.Title != "例会" {
		t.Fatalf("SaveWithOverride: %v, %v", fs, err)
	}
	if log, err := svc.OverrideLog(ctx, leader.ID); err != nil || len(log) != 1 || log[0].Who != "王秘书" {
		t.Errorf("override log %+v, %v", log, err)
	}
	a, err := svc.Availability(ctx, leader.ID)
	if err != nil || a.WeeklyVisitCap != 6 {
		t.Fatalf("default availability %+v, %v", a, err)
	}
	a.WeeklyVisitCap = 3
	if err := svc.SaveAvailability(ctx, a); err != nil {
		t.Fatal(err)
	}
	if n, limit, err := svc.WeekVisits(ctx, leader, calendar.NewDate(2026, 11, 30)); n != 1 || limit != 3 || err != nil {
		t.Errorf("WeekVisits = %d/%d, %v", n, limit, err)
	}
}
