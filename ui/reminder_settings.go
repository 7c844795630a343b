package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/remind"
)

// Reminder defaults live in the app's preferences: they are the
// secretary's habit at this desk, not part of the shared book.
const (
	prefRemindLead  = "reminders.lead."  // + kind: minutes before, -1 for none
	prefRemindDueAt = "reminders.due_at" // minutes after midnight
)

// leadChoices are the leads offered, in minutes; -1 is none.
var leadChoices = []int{-1, 0, 5, 10, 15, 30, 60, 120, 1440}

// dueAtChoices are the times of day offered for materials due, in minutes.
var dueAtChoices = []int{7 * 60, 8 * 60, 8*60 + 30, 9 * 60, 10 * 60, 14 * 60}

// leadLabel names a lead: "15 minutes before", "No reminder".
func leadLabel(minutes int) string {
	switch {
	case minutes < 0:
		return lang.L("No reminder")
	case minutes == 0:
		return lang.L("When it starts")
	case minutes == 1440:
		return lang.L("1 day before")
	case minutes%60 == 0:
		return lang.L("{{.Hours}} h before", map[string]any{"Hours": minutes / 60})
	}
	return lang.L("{{.Minutes}} minutes before", map[string]any{"Minutes": minutes})
}

// dueAtLabel names a time of day: "09:00".
func dueAtLabel(minutes int) string {
	return clock(time.Date(2000, 1, 1, minutes/60, minutes%60, 0, 0, time.UTC))
}

// loadReminderSettings reads the defaults, falling back to the built-in ones.
func loadReminderSettings(p fyne.Preferences) remind.Settings {
	s := remind.DefaultSettings()
	for _, k := range calendar.Kinds {
		s.Before[k] = remind.LeadMinutes(p.IntWithFallback(prefRemindLead+string(k), s.LeadFor(k).Minutes()))
	}
	s.DueAt = time.Duration(p.IntWithFallback(prefRemindDueAt, int(s.DueAt/time.Minute))) * time.Minute
	return s
}

// saveReminderSettings stores the defaults.
func saveReminderSettings(p fyne.Preferences, s remind.Settings) {
	for _, k := range calendar.Kinds {
		p.SetInt(prefRemindLead+string(k), s.LeadFor(k).Minutes())
	}
	p.SetInt(prefRemindDueAt, int(s.DueAt/time.Minute))
}
