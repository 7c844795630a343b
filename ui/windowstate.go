package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
)

// prefWindowSize is the preference key of the main window's size when it
// was last closed, "1280x800". One key, so one write saves it: Fyne writes
// a second change within 100 ms later, too late when the app is exiting.
const prefWindowSize = "window_size"

// smallestWindow is the least size restored: a window remembered smaller
// (or never) opens at the default.
var smallestWindow = fyne.NewSize(640, 480)

// rememberedWindowSize is the size the main window had when it was last
// closed, or the default size.
func rememberedWindowSize(p fyne.Preferences) fyne.Size {
	var w, h float32
	if _, err := fmt.Sscanf(p.String(prefWindowSize), "%gx%g", &w, &h); err != nil ||
		w < smallestWindow.Width || h < smallestWindow.Height {
		return mainWindowSize
	}
	return fyne.NewSize(w, h)
}

// rememberWindowSize keeps the main window's size for the next run; it
// runs as the window closes and again once the app has stopped.
func (m *mainWindow) rememberWindowSize() {
	size := m.win.Canvas().Size()
	if size.Width < smallestWindow.Width || size.Height < smallestWindow.Height {
		return
	}
	m.app.Preferences().SetString(prefWindowSize, fmt.Sprintf("%gx%g", size.Width, size.Height))
}
