package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
)

// TestHeaderCountsAsTheServiceInEveryView: the header counts the week's
// visits from what the view has read when it holds the whole week; in
// the day, week and month views, on days of several weeks, it must say
// what the service's own count (which reads the week again) says.
func TestHeaderCountsAsTheServiceInEveryView(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	loc := monday10.Location()
	monday := calendar.NewDate(2026, 11, 23)
	for i := range 24 {
		day := monday.AddDays(i*5/3 - 14)
		start := time.Date(day.Year, day.Month, day.Day, []int{0, 9, 23}[i%3], 30*(i%2), 0, 0, loc)
		e := calendar.Engagement{LeaderID: d.leader.ID, Title: fmt.Sprintf("会见 %d", i), Kind: calendar.KindVisit, Start: start, End: start.Add(time.Hour)}
		if i%5 == 0 {
			e.Status = calendar.StatusCancelled
		}
		if i%4 == 0 {
			e.Kind = calendar.KindMeeting
		}
		if _, err := d.svc.SaveWithOverride(ctx, &e, "测试", "秘书甲"); err != nil {
			t.Fatal(err)
		}
	}
	some := 0
	for _, k := range viewKinds {
		d.m.setView(k)
		for day := monday.AddDays(-15); day.Before(monday.AddDays(15)); day = day.AddDays(2) {
			d.m.goToWeek(day)
			n, limit, err := d.svc.WeekVisits(ctx, d.leader, day)
			if err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("%d/%d", n, limit)
			if got := d.m.capacity.Text; !strings.HasSuffix(got, want) {
				t.Errorf("%s view on %v: header %q, want it to end %q", k, day, got, want)
			}
			some += n
		}
	}
	if some == 0 {
		t.Fatal("no visits counted: the test proves nothing")
	}
}
