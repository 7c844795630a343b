package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne's text dialogs are as wide as their message, up to these; its
// dialogs pad their content by dialogPad across.
const (
	messageMaxWidth    float32 = 600
	messageMaxWinShare float32 = 0.9
	dialogPad          float32 = 32
)

// newErrorDialog is Fyne's error dialog with its message in a paragraph:
// Fyne's own wraps a long Chinese message at any character, so that a
// line could start with "，". It is as wide as the message unbroken, up
// to 600 and nine tenths of the window, as Fyne's is.
func newErrorDialog(message string, win fyne.Window) dialog.Dialog {
	text := newParagraph(message)
	text.Alignment = fyne.TextAlignCenter
	icon := widget.NewIcon(theme.ErrorIcon())
	content := container.NewBorder(nil, nil, icon, nil, text)
	d := dialog.NewCustom(lang.L("Error"), lang.L("OK"), content, win)
	// The paragraph's own slack, and the icon beside it with the padding
	// between, on top of what Fyne's dialog adds.
	unbroken := widget.NewLabel(message).MinSize().Width + slack + icon.MinSize().Width + theme.Padding() +
		dialogPad + 2*theme.Padding()
	w := min(unbroken, messageMaxWidth, win.Canvas().Size().Width*messageMaxWinShare)
	d.Resize(fyne.NewSize(w, 0))
	return d
}
