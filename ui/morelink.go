package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// moreLink is the "+N more" at the foot of a full month cell: one line of
// link-coloured text, as small as the bars above it, that opens the day.
type moreLink struct {
	widget.BaseWidget
	count    int
	text     *canvas.Text
	OnTapped func()
}

func newMoreLink(tapped func()) *moreLink {
	l := &moreLink{OnTapped: tapped, text: canvas.NewText("", theme.Color(theme.ColorNameHyperlink))}
	l.text.TextSize = theme.CaptionTextSize()
	l.text.TextStyle = fyne.TextStyle{Bold: true}
	l.ExtendBaseWidget(l)
	return l
}

// setCount says how many engagements the cell leaves out.
func (l *moreLink) setCount(n int) {
	if n == l.count && l.text.Text != "" {
		return
	}
	l.count = n
	l.text.Text = lang.L("+{{.Count}} more", map[string]any{"Count": n})
	l.text.Refresh()
}

// Text is what the link says.
func (l *moreLink) Text() string { return l.text.Text }

func (l *moreLink) Tapped(*fyne.PointEvent) {
	if l.OnTapped != nil {
		l.OnTapped()
	}
}

// Cursor shows a pointer, saying the link can be clicked.
func (l *moreLink) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (l *moreLink) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(l.text)
}
