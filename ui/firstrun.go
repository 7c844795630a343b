package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// firstRunDialog greets a fresh database: it asks for the leader's name
// and home zone, then offers to start from the sample week or empty.
type firstRunDialog struct {
	m       *mainWindow
	name    *formEntry
	zone    *widget.SelectEntry
	sample  *widget.Button
	empty   *widget.Button
	problem *paragraph
	dialog  *dialog.CustomDialog
}

// isFreshDatabase reports whether the database has no leader yet: the
// window then makes one and asks for their name.
func (m *mainWindow) isFreshDatabase() (bool, error) {
	ls, err := m.svc.Leaders(context.Background())
	return len(ls) == 0, err
}

// askFirstLeader opens the first-run dialog over the window. The leader
// made for the fresh database is named and zoned by it.
func (m *mainWindow) askFirstLeader() *firstRunDialog {
	f := &firstRunDialog{m: m, problem: errorLabel()}
	f.name = newFormEntry("", lang.L("e.g. 张书记"))
	f.zone = widget.NewSelectEntry(commonZones)
	f.zone.SetText(m.leader.ZoneName)
	f.sample = &widget.Button{Text: lang.L("Start with a sample week"), Importance: widget.HighImportance, OnTapped: func() { f.finish(true) }}
	f.empty = &widget.Button{Text: lang.L("Start empty"), OnTapped: func() { f.finish(false) }}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Leader's name"), f.name),
		widget.NewFormItem(lang.L("Home time zone"), f.zone))
	intro := newParagraph(lang.L("Whose schedule is this? The name appears on the week and on the printed plan; times are shown in the home zone. Both can be changed later under Leaders → Manage leaders."))
	f.dialog = dialog.NewCustomWithoutButtons(lang.L("Welcome to Anteroom"), container.NewVBox(intro, form, f.problem), m.win)
	f.dialog.SetButtons([]fyne.CanvasObject{f.empty, f.sample})
	f.dialog.Resize(fitIn(m.win, fyne.NewSize(560, 320)))
	showDialog(m.win, f.dialog)
	m.firstRun = f
	m.win.Canvas().Focus(f.name)
	return f
}

// finish names the leader as entered (the default name stays when the
// field is left blank), then loads the sample week when asked.
func (f *firstRunDialog) finish(sample bool) {
	m := f.m
	l := m.leader
	if f.name.Text != "" {
		l.Name = f.name.Text
	}
	l.ZoneName = f.zone.Text
	if err := m.svc.UpdateLeader(context.Background(), &l); err != nil {
		showErr(f.problem, err)
		return
	}
	f.dialog.Hide()
	m.switchLeader(l.ID)
	if sample {
		m.loadSampleWeek()
	}
}
