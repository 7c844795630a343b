package ui

import "anteroom/calendar"

// reportSaved tells the window what the editor stored, so it can be undone.
func (ed *editor) reportSaved(saved calendar.Engagement) {
	if ed.onSaved != nil {
		ed.onSaved(saved, ed.original.IsOccurrence() && ed.scopeValue() == scopeSeries)
	}
}

// reportDeleted tells the window the editor deleted its engagement.
func (ed *editor) reportDeleted() {
	if ed.onDeleted != nil {
		ed.onDeleted(ed.scopeValue())
	}
}
