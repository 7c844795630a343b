package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

// TestHiddenLaneShowsItsOwnEngagementWhenWidened: a block hidden behind
// its cluster's "+N" is left unrefreshed while hidden; when the window
// widens and it shows, it draws the engagement it now holds (title, and
// the strike of a cancelled one), not the one it held before.
func TestHiddenLaneShowsItsOwnEngagementWhenWidened(t *testing.T) {
	test.NewTempApp(t)
	loc := mustLoad("Asia/Shanghai")
	g := newWeekGrid(loc, func() time.Time { return monday10 })
	w := test.NewTempWindow(t, g)
	w.Resize(fyne.NewSize(1600, 800))
	monday := calendar.NewDate(2026, 11, 23)
	week := func(prefix string, status calendar.Status) []calendar.Engagement {
		var items []calendar.Engagement
		for i := range 6 { // six side by side at Monday 10:00
			start := time.Date(2026, 11, 23, 10, 0, 0, 0, loc)
			items = append(items, calendar.Engagement{ID: int64(i + 1), UID: fmt.Sprint(prefix, i), Title: fmt.Sprintf("%s%d", prefix, i),
				Start: start, End: start.Add(time.Hour), Status: status, Kind: calendar.KindMeeting})
		}
		return items
	}
	g.show(monday, loc, week("县委常委会", calendar.StatusConfirmed))
	w.Resize(fyne.NewSize(700, 800)) // the lanes no longer fit: some hide behind "+N"
	g.show(monday, loc, week("调研城南工业园区", calendar.StatusCancelled))
	r := test.WidgetRenderer(g.body).(*timeGridRenderer)
	hidden := 0
	for _, b := range r.blocks[:len(r.placed)] {
		if b.Hidden {
			hidden++
		}
	}
	if hidden == 0 {
		t.Fatal("no block was hidden at 700 wide: the test shows nothing")
	}
	w.Resize(fyne.NewSize(2400, 800))
	for _, b := range r.blocks[:len(r.placed)] {
		if b.Hidden {
			t.Fatalf("%q still hidden at 2400 wide", b.title)
		}
		br := test.WidgetRenderer(b).(*blockRenderer)
		if shown := br.title.Text; shown == "" || !strings.HasPrefix(b.title, strings.TrimSuffix(shown, "…")) {
			t.Fatalf("block of %q shows %q", b.title, shown)
		}
		if br.strike.Hidden {
			t.Fatalf("cancelled %q shows no strike: drawn as the confirmed one it held before", b.title)
		}
	}
}
