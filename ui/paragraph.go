package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// paragraph is a wrapping label that breaks its own lines, by breakLines:
// Fyne's wrapping breaks Chinese text at whichever character overflows,
// so a line could start with "，" or "。". At each new width it breaks the
// text itself, a little inside the room Fyne measures, and leaves Fyne
// nothing to wrap. Text holds the lines as shown; Full the text as given.
type paragraph struct {
	widget.Label
	full  string
	width float32 // the width the lines were broken for; 0 before the first layout
}

func newParagraph(text string) *paragraph {
	p := &paragraph{full: text}
	p.Text, p.Wrapping = text, fyne.TextWrapWord
	p.ExtendBaseWidget(p)
	return p
}

// SetText sets the text as given and shows it broken for the width.
func (p *paragraph) SetText(text string) {
	p.full = text
	p.Label.SetText(p.broken())
}

// Full returns the text as given, without the breaks.
func (p *paragraph) Full() string { return p.full }

// Resize breaks the text for a new width before the label lays it out.
func (p *paragraph) Resize(size fyne.Size) {
	if size.Width != p.width {
		p.width = size.Width
		if b := p.broken(); b != p.Text {
			p.Text = b
			p.Label.Refresh()
		}
	}
	p.Label.Resize(size)
}

// slack is how far inside the label's room the lines end, so that a
// rounding of Fyne's own measure never wraps one again.
const slack = 1

// broken returns the text broken for the width, as Fyne's label has it:
// the inner padding on either side, the label's text size and style.
func (p *paragraph) broken() string {
	if p.width <= 0 {
		return p.full
	}
	return breakLines(p.full, labelRoom(&p.Label, p.width)-slack, func(line []rune, w float32) bool {
		return labelTextWidth(&p.Label, string(line)) <= w
	})
}

// look gives p a label's look: its importance, text size (empty: the
// text's) and style.
func (p *paragraph) look(imp widget.Importance, size fyne.ThemeSizeName, style fyne.TextStyle) *paragraph {
	p.Importance, p.SizeName, p.TextStyle = imp, size, style
	return p
}
