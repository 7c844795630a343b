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

// Fyne's error, information and confirm dialogs wrap a long Chinese
// message at any character, so that a line could start with "，". These
// show theirs as a paragraph, with the icon beside it.

// newErrorDialog is Fyne's error dialog, the message a paragraph.
func newErrorDialog(message string, win fyne.Window) dialog.Dialog {
	return newMessageDialog(lang.L("Error"), message, theme.ErrorIcon(), win)
}

// newMessageDialog is Fyne's information dialog, the message a paragraph
// beside icon, and OK.
func newMessageDialog(title, message string, icon fyne.Resource, win fyne.Window) dialog.Dialog {
	content, width := messageContent(message, icon, win)
	d := dialog.NewCustom(title, lang.L("OK"), content, win)
	d.Resize(fyne.NewSize(width, 0))
	return d
}

// newConfirmDialog is Fyne's confirm dialog, Yes and No, the message a
// paragraph.
func newConfirmDialog(title, message string, callback func(bool), win fyne.Window) *dialog.ConfirmDialog {
	content, width := messageContent(message, theme.QuestionIcon(), win)
	d := dialog.NewCustomConfirm(title, lang.L("Yes"), lang.L("No"), content, callback, win)
	d.Resize(fyne.NewSize(width, 0))
	return d
}

// messageContent is a dialog's message, centred, beside its icon, and
// the width Fyne gives a text dialog: as wide as the message unbroken,
// up to 600 and nine tenths of the window.
func messageContent(message string, icon fyne.Resource, win fyne.Window) (fyne.CanvasObject, float32) {
	text := newParagraph(message)
	text.Alignment = fyne.TextAlignCenter
	img := widget.NewIcon(icon)
	// The paragraph's own slack, and the icon beside it with the padding
	// between, on top of what Fyne's dialog adds.
	unbroken := widget.NewLabel(message).MinSize().Width + slack + img.MinSize().Width + theme.Padding() +
		dialogPad + 2*theme.Padding()
	width := min(unbroken, messageMaxWidth, win.Canvas().Size().Width*messageMaxWinShare)
	return container.NewBorder(nil, nil, img, nil, text), width
}
