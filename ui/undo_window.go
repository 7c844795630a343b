package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// undoShortcut is Ctrl+Z (Cmd+Z on a Mac): the driver reports it as
// fyne's standard undo, not as a custom shortcut.
var undoShortcut = &fyne.ShortcutUndo{}

// editMenu is Edit → Undo; hookUndo makes Ctrl+Z do the same.
func (m *mainWindow) editMenu() *fyne.Menu {
	undo := fyne.NewMenuItem(lang.L("Undo"), m.undoLast)
	undo.Shortcut = undoShortcut
	return fyne.NewMenu(lang.L("Edit"), undo)
}

func (m *mainWindow) hookUndo() {
	m.win.Canvas().AddShortcut(undoShortcut, func(fyne.Shortcut) { m.undoLast() })
}

// trackedEditor opens an editor on e whose saves and deletions can be
// undone; before is the engagement as stored before this edit (e itself,
// unless a drag already moved it).
func (m *mainWindow) trackedEditor(e, before calendar.Engagement) *editor {
	ed := newEditor(m.svc, m.leader, m.loc, e, m.win, m.reload)
	ed.user, ed.asRead = m.user, before
	var series calendar.Engagement // the whole series as it was
	if before.IsOccurrence() {
		if s, err := m.svc.Engagement(context.Background(), before.SeriesID); err == nil {
			series = s
		}
	}
	ed.onSaved = func(saved calendar.Engagement, wholeSeries bool) {
		switch {
		case wholeSeries:
			// the series as this save left it, which Undo must find
			now, err := m.svc.Engagement(context.Background(), series.ID)
			if series.ID != 0 && err == nil {
				m.undo.push(m.seriesStep(series, now))
			}
		case before.ID == 0 && !before.IsOccurrence():
			m.undo.push(m.createdStep(saved))
		default:
			m.undo.push(m.savedStep(before, saved))
		}
	}
	ed.onDeleted = func(scope string) { m.undo.push(m.deletedStep(before, scope)) }
	return ed
}

// undoLast takes back the last change and says so in the status line.
// When the booking rules now block it (something was booked meanwhile),
// it asks why to undo anyway, as a booking does.
func (m *mainWindow) undoLast() {
	if m.win.Canvas().Overlays().Top() != nil {
		// A dialog is open: Ctrl+Z undoes typing in its field.
		if f, ok := m.win.Canvas().Focused().(fyne.Shortcutable); ok {
			f.TypedShortcut(undoShortcut)
		}
		return
	}
	st, ok := m.undo.pop()
	if !ok {
		m.status.SetText(lang.L("Nothing to undo"))
		return
	}
	m.applyUndo(st, nil)
}

func (m *mainWindow) applyUndo(st undoStep, o *overrideReason) {
	err := st.revert(context.Background(), o)
	if ce, blocked := isConflict(err); blocked && o == nil {
		m.askUndoReason(st, ce.Findings)
		return
	}
	m.reload()
	if err != nil {
		m.showError(err)
		return
	}
	m.status.SetText(lang.L("Undone: {{.What}}", map[string]any{"What": st.what}))
}

// askUndoReason shows why the rules block an undo and offers to undo
// anyway with a recorded reason; cancelling keeps the step to undo.
func (m *mainWindow) askUndoReason(st undoStep, fs []calendar.Finding) {
	rows := container.NewVBox(widget.NewLabel(lang.L("Undoing {{.What}} clashes with the booking rules:", map[string]any{"What": st.what})))
	for _, f := range fs {
		rows.Add(findingRow(f))
	}
	reason := &widget.Entry{PlaceHolder: lang.L("Why book it anyway? (recorded)")}
	rows.Add(reason)
	var d *dialog.CustomDialog
	anyway := &widget.Button{Text: lang.L("Save anyway"), Importance: widget.WarningImportance}
	cancel := &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { d.Hide() }}
	d = dialog.NewCustomWithoutButtons(lang.L("Undo"), container.NewVScroll(rows), m.win)
	d.SetButtons([]fyne.CanvasObject{cancel, anyway})
	done := false
	d.SetOnClosed(func() {
		if !done {
			m.undo.push(st) // not undone: still the last change
		}
	})
	anyway.OnTapped = func() {
		err := st.revert(context.Background(), &overrideReason{reason: reason.Text, who: m.user})
		var ve *calendar.ValidationError
		if errors.As(err, &ve) {
			if p, ok := ve.Field("reason"); ok {
				reason.SetValidationError(errors.New(translated(calendar.FieldProblem{Problem: p})))
				return
			}
		}
		done = true
		d.Hide()
		m.reload()
		if err != nil {
			m.showError(err)
			return
		}
		m.status.SetText(lang.L("Undone: {{.What}}", map[string]any{"What": st.what}))
	}
	d.Resize(fitIn(m.win, fyne.NewSize(520, 320)))
	showDialog(m.win, d)
	m.win.Canvas().Focus(reason)
}
