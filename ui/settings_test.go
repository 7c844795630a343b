package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

func TestSettingsChangeHoursAndAddAHoliday(t *testing.T) {
	d := newDesk(t)
	d.m.openSettings()
	s := d.m.settings
	if s.hours[1].Text != "08:30-12:00,14:00-17:30" || s.weekly.Text != "6" || s.buffer[calendar.KindVisit].Text != "10" {
		t.Fatalf("defaults not shown: Monday %q, cap %q, visit buffer %q", s.hours[1].Text, s.weekly.Text, s.buffer[calendar.KindVisit].Text)
	}
	s.hours[1].SetText("09:00-12:00")
	s.weekly.SetText("4")
	s.newDate.SetDate(calendar.NewDate(2026, 11, 24))
	test.Type(s.newTitle, "专项休息日")
	test.Tap(s.addBtn)
	test.Tap(s.saveBtn)

	a, err := d.svc.Availability(context.Background(), d.leader.ID)
	if err != nil {
		t.Fatal(err)
	}
	if calendar.FormatHours(a.Week[1]) != "09:00-12:00" || a.WeeklyVisitCap != 4 {
		t.Fatalf("saved Monday %q, cap %d", calendar.FormatHours(a.Week[1]), a.WeeklyVisitCap)
	}
	if o, ok := a.Override(calendar.NewDate(2026, 11, 24)); !ok || o.Kind != calendar.DayOff || o.Title != "专项休息日" {
		t.Fatalf("override not saved: %+v %v", o, ok)
	}
	if !strings.Contains(d.m.capacity.Text, "/4") {
		t.Fatalf("header %q does not show the new cap", d.m.capacity.Text)
	}
	if !strings.Contains(d.m.grid.dayButtons[1].Text, tr("Off")) {
		t.Fatalf("Tuesday's header %q does not mark the day off", d.m.grid.dayButtons[1].Text)
	}

	// Booking on the day off warns with the holiday rule.
	d.m.grid.body.DoubleTapped(&fyne.PointEvent{Position: d.slotPos(1, 10, 0)})
	test.Type(d.m.editor.title, "座谈会")
	var holiday bool
	for _, f := range d.m.editor.findings {
		holiday = holiday || f.Rule == calendar.RuleHoliday
	}
	if !holiday {
		t.Fatalf("no holiday finding on the day off: %v", findingTexts(d.m.editor))
	}
}

func TestSettingsRefuseBadHoursAndKeepWhatIsStored(t *testing.T) {
	d := newDesk(t)
	d.m.openSettings()
	s := d.m.settings
	s.hours[2].SetText("14:00-12:00")
	test.Tap(s.saveBtn)
	if s.problems.Hidden || !s.open {
		t.Fatal("an end before the start in Tuesday's hours was accepted")
	}
	s.hours[2].SetText("8点到12点")
	test.Tap(s.saveBtn)
	if s.problems.Hidden || !strings.Contains(s.problems.Full(), "8点到12点") {
		t.Fatalf("unreadable hours not named: %q", s.problems.Full())
	}
	a, _ := d.svc.Availability(context.Background(), d.leader.ID)
	if calendar.FormatHours(a.Week[2]) != "08:30-12:00,14:00-17:30" {
		t.Fatalf("a refused save changed Tuesday to %q", calendar.FormatHours(a.Week[2]))
	}
}

func TestSettingsImportHolidayCalendar(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "ics-corpus", "holiday-cn", "2025.ics")
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the shared .ics corpus is absent and CI is set: %v", err)
		}
		t.Skipf("the shared .ics corpus is absent (%v); skipping", err)
	}
	defer f.Close()
	d := newDesk(t)
	d.m.openSettings()
	d.m.settings.importHolidays(f, "2025.ics")
	a, err := d.svc.Availability(context.Background(), d.leader.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o, ok := a.Override(calendar.NewDate(2025, 10, 1)); !ok || o.Kind != calendar.DayOff {
		t.Fatalf("National Day not imported as a day off: %+v", o)
	}
	if o, ok := a.Override(calendar.NewDate(2025, 1, 26)); !ok || o.Kind != calendar.Workday {
		t.Fatalf("26 January not imported as a make-up workday: %+v", o)
	}
	if len(d.m.settings.overrides.Objects) < 20 {
		t.Fatalf("the dialog lists %d overrides after the import", len(d.m.settings.overrides.Objects))
	}
}
