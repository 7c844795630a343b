package ui

import "fyne.io/fyne/v2"

// Preference keys: the main window's size when it was last closed.
const (
	prefWindowWidth  = "window_width"
	prefWindowHeight = "window_height"
)

// smallestWindow is the least size restored: a window remembered smaller
// (or never) opens at the default.
var smallestWindow = fyne.NewSize(640, 480)

// rememberedWindowSize is the size the main window had when it was last
// closed, or the default size.
func rememberedWindowSize(p fyne.Preferences) fyne.Size {
	w, h := float32(p.Float(prefWindowWidth)), float32(p.Float(prefWindowHeight))
	if w < smallestWindow.Width || h < smallestWindow.Height {
		return mainWindowSize
	}
	return fyne.NewSize(w, h)
}

// rememberWindowSize keeps the main window's size for the next run; it
// runs as the window closes.
func (m *mainWindow) rememberWindowSize() {
	size := m.win.Canvas().Size()
	if size.Width < smallestWindow.Width || size.Height < smallestWindow.Height {
		return
	}
	m.app.Preferences().SetFloat(prefWindowWidth, float64(size.Width))
	m.app.Preferences().SetFloat(prefWindowHeight, float64(size.Height))
}
