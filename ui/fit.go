package ui

import "fyne.io/fyne/v2"

// Default window sizes: small enough for a 1024×700 screen with its panel,
// as users can enlarge a window but not shrink one past their screen.
var (
	mainWindowSize   = fyne.NewSize(1000, 660)
	secondWindowSize = fyne.NewSize(1000, 660)
)

// dialogMargin is kept free around a dialog so it never touches the edges.
const dialogMargin float32 = 24

// fitIn returns want, shrunk to fit the canvas of win with a margin, so a
// dialog sized for a big screen still fits a small one; its content
// scrolls for the rest.
func fitIn(win fyne.Window, want fyne.Size) fyne.Size {
	have := win.Canvas().Size()
	if have.Width <= 0 || have.Height <= 0 {
		return want
	}
	return fyne.NewSize(min(want.Width, have.Width-2*dialogMargin), min(want.Height, have.Height-2*dialogMargin))
}
