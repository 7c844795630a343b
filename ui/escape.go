package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// shownDialog is a dialog on a canvas with the overlay it shows as, so
// Escape can close the topmost one the way its Cancel button would.
type shownDialog struct {
	canvas  fyne.Canvas
	overlay fyne.CanvasObject
	d       dialog.Dialog
}

// shown lists the dialogs opened through showDialog; the UI runs on one
// goroutine, so it needs no lock.
var shown []shownDialog

// showDialog shows d on win and lets Escape close it.
func showDialog(win fyne.Window, d dialog.Dialog) {
	d.Show()
	c := win.Canvas()
	kept := shown[:0]
	for _, s := range shown { // forget the ones no longer up
		if s.overlay.Visible() && slices.Contains(s.canvas.Overlays().List(), s.overlay) {
			kept = append(kept, s)
		}
	}
	shown = append(kept, shownDialog{canvas: c, overlay: c.Overlays().Top(), d: d})
}

// closeTop closes the topmost dialog or pop-up on c, as Escape does, and
// reports whether there was one. A dialog shown through showDialog closes
// through its own Hide, so its closing callbacks run.
func closeTop(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	for _, s := range shown {
		if s.canvas == c && s.overlay == top {
			s.d.Hide()
			return true
		}
	}
	if p, ok := top.(*widget.PopUp); ok {
		p.Hide()
	} else {
		c.Overlays().Remove(top)
	}
	return true
}

// confirmTop confirms the topmost dialog on c when it is a question
// (Delete engagement?), as its confirm button would, and reports whether
// it was one.
func confirmTop(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	for _, s := range shown {
		if s.canvas == c && s.overlay == top {
			if q, ok := s.d.(interface{ Confirm() }); ok {
				q.Confirm()
				return true
			}
		}
	}
	return false
}

// dialogKey handles a key typed while a dialog is up and no field has
// the focus: Escape closes it, Enter confirms a question.
func dialogKey(c fyne.Canvas, ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		closeTop(c)
	case fyne.KeyReturn, fyne.KeyEnter:
		confirmTop(c)
	}
}

// escaping makes Escape close the topmost dialog of win, and Enter
// confirm a question, when no field has the focus, and returns win.
func escaping(win fyne.Window) fyne.Window {
	win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { dialogKey(win.Canvas(), ev) })
	return win
}

// formEntry is an entry that closes its dialog on Escape and submits on
// Enter, so a form works from the keyboard while a field has the focus.
// A plain entry keeps Escape to itself, and a dialog with one focused
// would not close.
type formEntry struct {
	widget.Entry
	onEscape func() // nil: close the topmost dialog of the entry's window
}

func newFormEntry(text, placeholder string) *formEntry {
	e := &formEntry{}
	e.Text, e.PlaceHolder = text, placeholder
	e.ExtendBaseWidget(e)
	return e
}

// newMultiLineFormEntry is a wrapping formEntry of several lines.
func newMultiLineFormEntry(text, placeholder string) *formEntry {
	e := newFormEntry(text, placeholder)
	e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
	return e
}

// TypedKey passes Escape to the form; everything else to the entry.
func (e *formEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name != fyne.KeyEscape {
		e.Entry.TypedKey(ev)
		return
	}
	if e.onEscape != nil {
		e.onEscape()
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		closeTop(c)
	}
}
