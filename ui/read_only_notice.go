package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sayReadOnly tells, under the toolbar, for as long as the window is
// open, that the database at path is read-only: the calendar shows, but
// every change will be refused, and the secretary should know before
// filling in a form, not after.
func (m *mainWindow) sayReadOnly(path string) {
	text := newParagraph(lang.L("{{.Path}} is read-only: showing it, but no change can be saved.", map[string]any{"Path": path})).
		look(widget.WarningImportance, "", fyne.TextStyle{Bold: true})
	m.notices.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), nil, text))
}
