package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// onKey handles a key typed in the main window while no field has the
// focus: Escape closes the top dialog; with none open, the arrows and
// PgUp/PgDn change week, T goes to today, Enter opens and Delete deletes
// the selected engagement.
func (m *mainWindow) onKey(ev *fyne.KeyEvent) {
	if m.win.Canvas().Overlays().Top() != nil {
		dialogKey(m.win.Canvas(), ev)
		return
	}
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyPageUp:
		m.shiftWeek(-1)
	case fyne.KeyRight, fyne.KeyPageDown:
		m.shiftWeek(1)
	case fyne.KeyT:
		m.goToday()
	case fyne.KeyReturn, fyne.KeyEnter:
		if e := m.grid.chosen; e != nil {
			m.openEngagement(*e)
		}
	case fyne.KeyDelete:
		m.deleteChosen()
	}
}

// deleteChosen asks, then deletes the selected engagement, as the
// editor's Delete does.
func (m *mainWindow) deleteChosen() {
	e := m.grid.chosen
	if e == nil {
		return
	}
	m.trackedEditor(*e, *e).onDelete()
}

// shortcutRows are the keys the Help → Keyboard dialog lists, key first.
func shortcutRows() [][2]string {
	return [][2]string{
		{"Ctrl+N", lang.L("New engagement")},
		{"Ctrl+F", lang.L("Search…")},
		{"Ctrl+1 / 2 / 3", lang.L("Day, week or month view")},
		{lang.L("Double-click"), lang.L("Open an engagement, or book a free slot")},
		{lang.L("Click"), lang.L("Select an engagement")},
		{lang.L("Drag"), lang.L("Move an engagement; by its bottom edge, change its length")},
		{"Ctrl+Z", lang.L("Undo the last change")},
		{"Enter", lang.L("Open the selected engagement; in the editor, save")},
		{"Delete", lang.L("Delete the selected engagement (asks first)")},
		{"Esc", lang.L("Close the dialog or preview")},
		{"← → / PgUp PgDn", lang.L("Previous / next day, week or month (by view)")},
		{"T", lang.L("Today")},
	}
}

// showKeyboardHelp lists the shortcuts.
func (m *mainWindow) showKeyboardHelp() {
	grid := container.NewGridWithColumns(2)
	for _, r := range shortcutRows() {
		grid.Add(&widget.Label{Text: r[0], TextStyle: fyne.TextStyle{Bold: true}})
		grid.Add(newParagraph(r[1]))
	}
	d := dialog.NewCustom(lang.L("Keyboard shortcuts"), lang.L("Close"), container.NewVScroll(grid), m.win)
	d.Resize(fitIn(m.win, fyne.NewSize(560, 420)))
	showDialog(m.win, d)
}
