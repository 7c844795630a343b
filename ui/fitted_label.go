package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fittedLabel is a one-line label that ends its text in "…" when it does
// not fit, exactly as a Label with TextTruncateEllipsis does, but cheaper
// when the text fits: Fyne's truncation shapes the whole text with a newly
// built font on every resize and refresh (about a millisecond for each
// Chinese title), and an agenda's rows are laid out several times before
// the first frame. Text that fits by a clear pixel is shown with clipping,
// which only measures it, and that measurement is cached by text and is
// the one the drawing needs anyway; text near or past the edge keeps
// Fyne's own truncation, so where "…" goes never changes.
type fittedLabel struct {
	widget.Label
}

func newFittedLabel(style fyne.TextStyle, size fyne.ThemeSizeName) *fittedLabel {
	l := &fittedLabel{}
	l.Truncation, l.TextStyle, l.SizeName = fyne.TextTruncateEllipsis, style, size
	l.ExtendBaseWidget(l)
	return l
}

// setFull shows s, shortened to the label's width when it does not fit.
// A list refreshes its rows with the items they already show, several
// times before the first frame; the same text at the same width is left
// as it is, since a Label truncates anew, twice, on every refresh.
func (l *fittedLabel) setFull(s string) {
	t := l.truncationFor(l.Size().Width, s)
	if s == l.Text && t == l.Truncation {
		return
	}
	l.Text, l.Truncation = s, t
	l.Refresh()
}

// Resize chooses the truncation anew for the new width.
func (l *fittedLabel) Resize(size fyne.Size) {
	if size == l.Size() {
		return
	}
	t := l.truncationFor(size.Width, l.Text)
	if t == l.Truncation {
		l.Label.Resize(size)
		return
	}
	l.Truncation = t
	l.Label.Resize(size)
	l.Refresh()
}

// MinSize is a truncating Label's: one average character and the "…".
func (l *fittedLabel) MinSize() fyne.Size {
	min := l.Label.MinSize()
	if l.Truncation != fyne.TextTruncateClip {
		return min // already counts the "…"
	}
	ell := fyne.MeasureText("…", l.Theme().Size(theme.SizeNameText), fyne.TextStyle{})
	return min.AddWidthHeight(ell.Width, 0)
}

// truncationFor is clipping when text fits a label width wide with a
// pixel to spare (so clipping cuts nothing), else Fyne's ellipsis.
func (l *fittedLabel) truncationFor(width float32, text string) fyne.TextTruncation {
	limit := float32(int(labelRoom(&l.Label, width)))
	if text == "" || labelTextWidth(&l.Label, text)+1 <= limit {
		return fyne.TextTruncateClip
	}
	return fyne.TextTruncateEllipsis
}
