package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// labelRoom is how wide the text of l may be in a label width wide: Fyne's
// label pads its text by the inner padding on either side.
func labelRoom(l *widget.Label, width float32) float32 {
	return width - 2*l.Theme().Size(theme.SizeNameInnerPadding)
}

// labelTextWidth measures s as l draws it, in its text size and style.
func labelTextWidth(l *widget.Label, s string) float32 {
	name := l.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	return fyne.MeasureText(s, l.Theme().Size(name), l.TextStyle).Width
}
