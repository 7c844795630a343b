package ui

import (
	"fmt"
	"os"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"anteroom/assets"
)

// RunStartFailure shows why the window cannot open, in a small window of
// its own, and blocks until it is closed. Started from the desktop, the
// app has no terminal for the error to appear in: without this window it
// would simply not open. message is the reason in the user's language.
func RunStartFailure(a fyne.App, message string, opts Options) error {
	if err := assets.LoadTranslations(); err != nil {
		return err
	}
	a.SetIcon(assets.Icon)
	a.Settings().SetTheme(newReadableTheme())
	w := newStartFailure(a, message).w
	if opts.Smoke {
		firstFrame := watchSmoke(opts.Log, smokeDeadline, os.Exit)
		a.Lifecycle().SetOnStarted(func() {
			img := w.Canvas().Capture()
			firstFrame()
			if opts.Log != nil {
				fmt.Fprintf(opts.Log, "smoke: first frame %dx%d, start failure\n", img.Bounds().Dx(), img.Bounds().Dy())
			}
			a.Quit()
		})
	}
	w.ShowAndRun()
	return nil
}

// startFailure is RunStartFailure's window: the reason, which can be
// selected and copied to pass on, and a button that closes it.
type startFailure struct {
	w           fyne.Window
	heading     *widget.Label
	reason      *paragraph
	closeButton *widget.Button
}

func newStartFailure(a fyne.App, message string) *startFailure {
	f := &startFailure{w: a.NewWindow(lang.L("Anteroom cannot start"))}
	f.heading = widget.NewLabelWithStyle(lang.L("Anteroom could not open the calendar."), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.heading.Wrapping = fyne.TextWrapWord
	f.reason = newParagraph(asSentence(message))
	f.reason.Selectable = true
	f.closeButton = widget.NewButton(lang.L("Close"), f.w.Close)
	f.closeButton.Importance = widget.HighImportance
	f.w.SetContent(container.NewBorder(f.heading, container.NewHBox(layout.NewSpacer(), f.closeButton), nil, nil,
		container.NewVScroll(f.reason)))
	f.w.Resize(fyne.NewSize(560, 240))
	f.w.SetMaster()
	return f
}

// asSentence starts an error's text, written to follow "anteroom: ", with
// a capital, to stand on its own; a path or Chinese text starts as it is.
func asSentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
