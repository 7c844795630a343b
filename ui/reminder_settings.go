package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/remind"
)

// Reminder defaults live in the database (remind.Service.LoadSettings);
// earlier versions kept them in the app's preferences under these keys,
// from where the first start of this one moves them.
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

// loadReminderDefaults has svc take up the defaults the database keeps,
// moving there those an earlier version kept in the preferences.
func loadReminderDefaults(svc *remind.Service, p fyne.Preferences) {
	err := svc.LoadSettings(context.Background(), func() (remind.Settings, bool) { return earlierReminderSettings(p) })
	if err != nil {
		fyne.LogError("reminder defaults", err) // the built-in ones remind meanwhile
		return
	}
	forgetEarlierReminderSettings(p)
}

// earlierReminderKeys are the preferences an earlier version kept the
// defaults under.
func earlierReminderKeys() []string {
	keys := []string{prefRemindDueAt}
	for _, k := range calendar.Kinds {
		keys = append(keys, prefRemindLead+string(k))
	}
	return keys
}

// earlierReminderSettings returns the defaults an earlier version kept
// in the preferences; ok is false when it kept none.
func earlierReminderSettings(p fyne.Preferences) (s remind.Settings, ok bool) {
	s = remind.DefaultSettings()
	for _, key := range earlierReminderKeys() {
		const unset = -2 // below every lead (-1 is none) and time of day
		m := p.IntWithFallback(key, unset)
		if m == unset {
			continue
		}
		ok = true
		if key == prefRemindDueAt {
			s.DueAt = time.Duration(m) * time.Minute
		} else {
			s.Before[calendar.Kind(strings.TrimPrefix(key, prefRemindLead))] = remind.LeadMinutes(m)
		}
	}
	return s, ok
}

// forgetEarlierReminderSettings removes them, once the database holds
// the defaults.
func forgetEarlierReminderSettings(p fyne.Preferences) {
	for _, key := range earlierReminderKeys() {
		p.RemoveValue(key)
	}
}
