package ui

import (
	"context"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// A dropped block is saved as the editor saves: checked by the booking
// rules in one transaction. When a finding blocks it, the editor opens at
// the new time with the findings and asks why to book it anyway, so the
// override is recorded as for any booking. A moved occurrence of a series
// moves alone, as the editor's "This occurrence" does.

// checkDrag returns the booking rules' findings for a dragged block's
// proposed time, for the ghost to show.
func (m *mainWindow) checkDrag(e calendar.Engagement) []calendar.Finding {
	fs, err := m.svc.Check(context.Background(), m.leader, e)
	if err != nil {
		return nil // a proposal the rules cannot read is refused on drop
	}
	return fs
}

// dropDrag saves the engagement before as after, its dragged times.
func (m *mainWindow) dropDrag(before, after calendar.Engagement) {
	saved := after
	_, err := m.svc.SaveEdit(context.Background(), &saved, calendar.SaveOptions{AsRead: &before})
	if _, blocked := isConflict(err); blocked {
		m.editor = m.trackedEditor(after, before)
		m.editor.show()
		m.editor.onSave() // blocked again: shows the findings and asks why
		return
	}
	m.reload()
	if err != nil {
		m.showError(err)
		return
	}
	m.undo.push(m.savedStep(before, saved))
	m.detail.show(&saved, m.loc) // it showed the old times
	m.status.SetText(lang.L("“{{.Title}}” now {{.When}}", map[string]any{"Title": saved.Title, "When": spanText(saved, m.loc)}))
}
