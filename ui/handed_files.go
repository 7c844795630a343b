package ui

import "fyne.io/fyne/v2"

// openHandedFiles previews for import the .ics files a second start of
// the app handed to this window, and brings the window forward. It may be
// called from any goroutine.
func (m *mainWindow) openHandedFiles(files []string) {
	fyne.Do(func() {
		m.win.RequestFocus()
		m.importFiles(files...)
	})
}
