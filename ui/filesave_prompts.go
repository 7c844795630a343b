package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne's save dialog asks before replacing a file, and refuses a folder's
// name, with English it hard-codes (fyne.io/fyne/v2 dialog/file.go:
// "Overwrite?", "Cannot overwrite"), whatever the locale. Its Save button
// is wrapped: when the tap puts up one of those prompts, ours replaces
// it, in the UI's language, and closes on Escape and confirms on Enter.
// A prompt these words do not name is left as Fyne shows it.
const (
	fyneOverwriteTitle   = "Overwrite?"
	fyneOverwritePrefix  = "Are you sure you want to overwrite the file\n"
	fyneCannotWriteTitle = "Cannot overwrite"
)

// translateSavePrompts makes the confirm button of the file dialog shown
// as p on win replace Fyne's English prompts with ours.
func translateSavePrompts(win fyne.Window, p *widget.PopUp) {
	btn := confirmButtonIn(p.Content)
	if btn == nil || btn.OnTapped == nil {
		return
	}
	tapped := btn.OnTapped
	btn.OnTapped = func() {
		c := win.Canvas()
		before := c.Overlays().Top()
		tapped()
		if top, ok := c.Overlays().Top().(*widget.PopUp); ok && top != before {
			replaceFynePrompt(win, top)
		}
	}
}

// confirmButtonIn finds the file dialog's Save (or Open) button: the one
// of high importance.
func confirmButtonIn(o fyne.CanvasObject) *widget.Button {
	var found *widget.Button
	walkObjects(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Importance == widget.HighImportance && found == nil {
			found = b
		}
	})
	return found
}

// replaceFynePrompt hides Fyne's prompt p when it is one of the save
// dialog's and shows ours in its place; ours confirms through Fyne's
// own button, so the file dialog goes on as Fyne would.
func replaceFynePrompt(win fyne.Window, p *widget.PopUp) {
	var title, message string
	var yes *widget.Button
	walkObjects(p.Content, func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Label:
			switch {
			case o.Text == fyneOverwriteTitle || o.Text == fyneCannotWriteTitle:
				title = o.Text
			case strings.HasPrefix(o.Text, fyneOverwritePrefix):
				message = o.Text
			}
		case *widget.Button:
			if o.Importance == widget.HighImportance {
				yes = o
			}
		}
	})
	switch {
	case title == fyneOverwriteTitle && message != "" && yes != nil:
		p.Hide()
		name := strings.TrimSuffix(strings.TrimPrefix(message, fyneOverwritePrefix), "?")
		q := newConfirmDialog(lang.L("Replace the file?"),
			lang.L("“{{.Name}}” is already in this folder. Replace it?", map[string]any{"Name": name}),
			func(ok bool) {
				if ok {
					yes.OnTapped() // Fyne's Yes: it writes the file and closes its dialog
				}
			}, win)
		q.SetConfirmText(lang.L("Replace"))
		q.SetDismissText(lang.L("Cancel"))
		showDialog(win, q)
	case title == fyneCannotWriteTitle:
		p.Hide()
		showDialog(win, newMessageDialog(lang.L("Cannot save here"),
			lang.L("A folder has that name; choose another file name."), theme.InfoIcon(), win))
	}
}

// walkObjects calls visit for o and everything in the containers inside
// it; it does not open widgets, which the dialogs' labels and buttons
// are not inside.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, o := range c.Objects {
			walkObjects(o, visit)
		}
	}
}
