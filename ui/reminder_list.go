package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/remind"
)

// reminderListDays is how far back the reminder list goes.
const reminderListDays = 7

// reminderList is View → Reminders…: what fired in the last week, newest
// first, and the defaults per kind.
type reminderList struct {
	svc *remind.Service
	loc *time.Location
	win fyne.Window

	fired  []remind.Fired
	list   *widget.List
	empty  *widget.Label
	kinds  map[calendar.Kind]*enumSelect[int]
	dueAt  *enumSelect[int]
	dialog *dialog.CustomDialog
}

func newReminderList(svc *remind.Service, loc *time.Location, win fyne.Window) *reminderList {
	r := &reminderList{svc: svc, loc: loc, win: win, kinds: map[calendar.Kind]*enumSelect[int]{}}
	r.list = &widget.List{
		Length: func() int { return len(r.fired) },
		CreateItem: func() fyne.CanvasObject {
			title := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
			line := &widget.Label{SizeName: theme.SizeNameCaptionText, Truncation: fyne.TextTruncateEllipsis}
			return container.NewVBox(title, line)
		},
		UpdateItem: func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(reminderHeading(r.fired[i].Reminder))
			box.Objects[1].(*widget.Label).SetText(r.firedLine(r.fired[i]))
		},
	}
	r.empty = widget.NewLabel(lang.L("No reminder in the last {{.Days}} days.", map[string]any{"Days": reminderListDays}))
	return r
}

// firedLine says when a reminder was sent and what it was about:
// "Sent Mon 7 Dec 09:45 · Meeting at 10:00 · Room 1 · in a summary".
func (r *reminderList) firedLine(f remind.Fired) string {
	sep := lang.X("remind.place_sep", " · ")
	s := lang.L("Sent {{.When}}", map[string]any{"When": shortTime(f.FiredAt, r.loc)}) + sep + reminderLine(f.Reminder, r.loc)
	if f.Summary {
		s += sep + lang.L("in a summary")
	}
	return s
}

// refresh reloads what fired.
func (r *reminderList) refresh() {
	since := r.svc.Now().Add(-reminderListDays * 24 * time.Hour)
	fired, err := r.svc.History(context.Background(), since)
	if err != nil {
		fyne.LogError("reminder list", err)
		return
	}
	r.fired = fired
	r.empty.Hidden = len(fired) > 0
	r.empty.Refresh()
	r.list.Refresh()
}

// defaultsForm lets the secretary set each kind's lead and the time
// materials due are reminded of; changes apply at once.
func (r *reminderList) defaultsForm() fyne.CanvasObject {
	form := widget.NewForm()
	for _, k := range calendar.Kinds {
		sel := newEnumSelect(leadChoices, leadLabel, r.onDefaultsChanged)
		r.kinds[k] = sel
		form.Append(kindLabel(k), sel.Select)
	}
	r.dueAt = newEnumSelect(dueAtChoices, dueAtLabel, r.onDefaultsChanged)
	r.showDefaults()
	form.Append(lang.L("Materials due today, at"), r.dueAt.Select)
	note := newParagraph(lang.L("Each engagement can have its own reminder in the editor."))
	return container.NewVBox(form, note)
}

func (r *reminderList) onDefaultsChanged() {
	if r.dueAt == nil || len(r.kinds) < len(calendar.Kinds) {
		return // still being built
	}
	set := remind.DefaultSettings()
	for k, sel := range r.kinds {
		set.Before[k] = remind.LeadMinutes(sel.value())
	}
	set.DueAt = time.Duration(r.dueAt.value()) * time.Minute
	if err := r.svc.SaveSettings(context.Background(), set); err != nil {
		showDialog(r.win, newErrorDialog(lang.L("The reminder defaults were not saved: {{.Reason}}",
			map[string]any{"Reason": errorText(err)}), r.win))
		r.showDefaults() // those still in use
	}
}

// showDefaults sets the choices to the defaults in use.
func (r *reminderList) showDefaults() {
	set := r.svc.Settings()
	building := r.dueAt
	r.dueAt = nil // setting a choice is no change to save
	for k, sel := range r.kinds {
		sel.setValue(set.LeadFor(k).Minutes())
	}
	building.setValue(int(set.DueAt / time.Minute))
	r.dueAt = building
}

// show opens the list in a dialog that fits a 1024×700 window.
func (r *reminderList) show() {
	r.refresh()
	fired := container.NewStack(r.list, container.NewVBox(r.empty))
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Sent"), fired),
		container.NewTabItem(lang.L("Defaults"), container.NewVScroll(r.defaultsForm())),
	)
	r.dialog = dialog.NewCustom(lang.L("Reminders"), lang.L("Close"), tabs, r.win)
	r.dialog.Resize(fyne.NewSize(620, 460))
	showDialog(r.win, r.dialog)
}

// openReminders opens View → Reminders….
func (m *mainWindow) openReminders() {
	if m.reminders == nil {
		return
	}
	m.reminderList = newReminderList(m.reminders, time.Local, m.win)
	m.reminderList.show()
}

// refreshReminders updates an open reminder list after something fired.
func (m *mainWindow) refreshReminders() {
	if m.reminderList != nil && m.reminderList.dialog != nil {
		m.reminderList.refresh()
	}
}
