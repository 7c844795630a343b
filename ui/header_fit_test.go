package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"anteroom/calendar"
)

// At 1024×700 in English every day's header fits its column, a holiday's
// or make-up workday's note included: no "Fri 27 Nov · Off" running into
// "Sat 28 Nov · Workday". (The test driver measures Chinese with another
// font than the app's, wider than it shows; zh-CN is checked on screen.)
func TestDayHeadersFitTheirColumnsAt1024(t *testing.T) {
	for _, loc := range []string{"en_US.UTF-8"} {
		t.Run(loc, func(t *testing.T) {
			speaking(t, loc)
			d := newDesk(t)
			items := []calendar.HolidayItem{
				{Start: calendar.NewDate(2026, 11, 27), End: calendar.NewDate(2026, 11, 28), Title: "假期"},
				{Start: calendar.NewDate(2026, 11, 28), End: calendar.NewDate(2026, 11, 29), Title: "上班", Workday: true},
			}
			if _, err := d.svc.ImportHolidays(context.Background(), d.leader.ID, items); err != nil {
				t.Fatal(err)
			}
			d.m.app.Settings().SetTheme(newReadableTheme()) // the real app's sizes, not the test theme's
			d.m.reload()
			d.win.Resize(fyne.NewSize(1024, 700))
			noted := 0
			for i, b := range d.m.grid.dayButtons {
				if b.MinSize().Width > b.Size().Width+0.5 {
					t.Errorf("day %d's header %q needs %.0f px, its column has %.0f", i, b.Text, b.MinSize().Width, b.Size().Width)
				}
				if d.m.dayNote(d.m.grid.monday.AddDays(i)) != "" {
					noted++
				}
			}
			if noted != 2 {
				t.Fatalf("%d days carry a note, want Friday's and Saturday's", noted)
			}
		})
	}
}
