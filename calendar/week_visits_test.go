package calendar_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"anteroom/calendar"
)

// TestWeekVisitsInCountsAsWeekVisits compares the count over items already
// read with the service's own, which reads the week again, on generated
// visits: timed and all-day, cancelled, weekly series, and some across the
// night from Sunday to Monday.
func TestWeekVisitsInCountsAsWeekVisits(t *testing.T) {
	ctx := context.Background()
	svc, ls := newService(t, "Asia/Shanghai")
	l := ls[0]
	loc := mustZone(t, "Asia/Shanghai")
	first := calendar.NewDate(2026, 11, 2) // a Monday
	for i := range 120 {
		day := first.AddDays(i * 3 / 4)
		start := time.Date(day.Year, day.Month, day.Day, []int{0, 9, 15, 23}[i%4], 30*(i%2), 0, 0, loc)
		e := calendar.Engagement{LeaderID: l.ID, Title: fmt.Sprintf("会见 %d", i), Kind: calendar.Kinds[i%len(calendar.Kinds)],
			Start: start, End: start.Add(time.Duration(30+i%5*40) * time.Minute)}
		if i%3 == 0 {
			e.Kind = calendar.KindVisit
		}
		if i%7 == 0 {
			e.Status = calendar.StatusCancelled
		}
		if i%11 == 0 {
			e.AllDay, e.StartDay, e.EndDay = true, day, day.AddDays(1+i%2)
		}
		if i%13 == 0 {
			e.RRule = "FREQ=WEEKLY;COUNT=4"
		}
		if err := svc.Save(ctx, &e); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
	}
	// On the edges of weeks: midnight starting Monday, and just before.
	for i, start := range []time.Time{first.AddDays(21).In(loc), first.AddDays(35).In(loc).Add(-time.Minute)} {
		e := calendar.Engagement{LeaderID: l.ID, Title: fmt.Sprintf("夜间会见 %d", i), Kind: calendar.KindVisit, Start: start, End: start.Add(time.Hour)}
		if err := svc.Save(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	some := 0
	for d := first.AddDays(-7); d.Before(first.AddDays(112)); d = d.AddDays(1) {
		monday := calendar.WeekStart(d)
		items, err := svc.Agenda(ctx, l, monday, monday.AddDays(6))
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := svc.WeekVisits(ctx, l, d)
		if err != nil {
			t.Fatal(err)
		}
		if got := calendar.WeekVisitsIn(items, d, loc); got != want {
			t.Errorf("week of %v: WeekVisitsIn = %d, WeekVisits = %d", d, got, want)
		}
		some += want
	}
	if some == 0 {
		t.Fatal("no visits counted at all: the test proves nothing")
	}
}
