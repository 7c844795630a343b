package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// block draws one engagement (or its piece of one day) in the week grid:
// a coloured box with the title and, when there is room, the times.
type block struct {
	widget.BaseWidget
	item     calendar.Engagement
	title    string
	subtitle string

	onSelect func(calendar.Engagement)
	onOpen   func(calendar.Engagement)
	onHover  func(*calendar.Engagement)
	selected bool      // outlined: the item Enter opens and Delete deletes
	mark     blockMark // a stripe down its left edge: a clash, an override

	// onDrag and onDragEnd follow a drag of the block; nil where blocks
	// do not move (the all-day row).
	onDrag    func(*block, *fyne.DragEvent)
	onDragEnd func(*block)
	pointerY  float32 // where the pointer is, for the resize cursor

	// stale says the block was left unrefreshed while hidden (a lane past
	// the "+N" of its cluster); its grid refreshes it when it shows again.
	stale bool
}

func newBlock() *block {
	b := &block{}
	b.ExtendBaseWidget(b)
	return b
}

// set replaces what the block shows; the caller refreshes.
func (b *block) set(e calendar.Engagement, title, subtitle string) {
	b.item, b.title, b.subtitle = e, title, subtitle
}

// Tapped selects the engagement: a single click selects, as in Outlook.
func (b *block) Tapped(*fyne.PointEvent) {
	if b.onSelect != nil {
		b.onSelect(b.item)
	}
}

// DoubleTapped opens the engagement in the editor.
func (b *block) DoubleTapped(*fyne.PointEvent) {
	if b.onOpen != nil {
		b.onOpen(b.item)
	}
}

// MouseIn shows the engagement in the detail pane: the desktop's tooltip.
func (b *block) MouseIn(*desktop.MouseEvent) {
	if b.onHover != nil {
		e := b.item
		b.onHover(&e)
	}
}

// MouseMoved notes where the pointer is, for the cursor.
func (b *block) MouseMoved(ev *desktop.MouseEvent) { b.pointerY = ev.Position.Y }

// Dragged moves or resizes the block, as its grid says.
func (b *block) Dragged(ev *fyne.DragEvent) {
	if b.onDrag != nil {
		b.onDrag(b, ev)
	}
}

// DragEnd drops the block.
func (b *block) DragEnd() {
	if b.onDragEnd != nil {
		b.onDragEnd(b)
	}
}

// MouseOut leaves the detail pane as it is, so it can be read.
func (b *block) MouseOut() {}

// Cursor shows a pointer, saying the block can be clicked, and over the
// bottom edge of a block that can be dragged, that it resizes.
func (b *block) Cursor() desktop.Cursor {
	if b.onDrag != nil && b.pointerY >= b.Size().Height-resizeGrip {
		return desktop.VResizeCursor
	}
	return desktop.PointerCursor
}

func (b *block) CreateRenderer() fyne.WidgetRenderer {
	r := &blockRenderer{b: b, bg: canvas.NewRectangle(blockColor(b.item)),
		title: canvas.NewText("", colorBlockText), sub: canvas.NewText("", colorBlockText), strike: canvas.NewRectangle(colorBlockText), stripe: canvas.NewRectangle(colorClashMark)}
	r.bg.CornerRadius = 3
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.title.TextSize = theme.CaptionTextSize() + 1
	r.sub.TextSize = theme.CaptionTextSize()
	r.Refresh()
	return r
}

type blockRenderer struct {
	b         *block
	bg        *canvas.Rectangle
	title     *canvas.Text
	sub       *canvas.Text
	strike    *canvas.Rectangle // the line through a cancelled item's title
	stripe    *canvas.Rectangle // the mark's stripe down the left edge
	lastSize  fyne.Size
	lastTitle string
	lastSub   string
	// strikeW is the width of the shown title for the strike, measured
	// only once a struck block needs it; strikeOK says it is current.
	strikeW  float32
	strikeOK bool
}

const blockPad = 3

// markWidth is the width of a marked block's stripe.
const markWidth = 4

func (r *blockRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.stripe.Move(fyne.NewPos(0, 0))
	r.stripe.Resize(fyne.NewSize(markWidth, size.Height))
	inner := size.Width - 2*blockPad
	// Re-ellipsize only when the text or width changed: most refreshes move blocks without touching them.
	lineH := r.title.TextSize * 1.35
	subShown := size.Height >= 2*lineH+2 && r.b.subtitle != ""
	if size != r.lastSize || r.b.title != r.lastTitle || r.b.subtitle != r.lastSub {
		r.title.Text = ellipsize(r.b.title, inner, r.title.TextSize, r.title.TextStyle)
		// A block too short for its times leaves them unmeasured: a
		// week of short blocks then measures no rune in that face.
		r.sub.Text = ""
		if subShown {
			r.sub.Text = ellipsize(r.b.subtitle, inner, r.sub.TextSize, r.sub.TextStyle)
		}
		r.lastSize, r.lastTitle, r.lastSub = size, r.b.title, r.b.subtitle
		r.strikeOK = false
	}
	r.title.Move(fyne.NewPos(blockPad, 1))
	r.title.Resize(fyne.NewSize(inner, lineH))
	r.sub.Move(fyne.NewPos(blockPad, 1+lineH))
	r.sub.Resize(fyne.NewSize(inner, lineH))
	r.sub.Hidden = !subShown
	if r.strike.Hidden {
		return // measuring every title costs a shaping each; few are struck
	}
	if !r.strikeOK {
		r.strikeW, r.strikeOK = fyne.MeasureText(r.title.Text, r.title.TextSize, r.title.TextStyle).Width, true
	}
	r.strike.Move(fyne.NewPos(blockPad, 1+lineH/2))
	r.strike.Resize(fyne.NewSize(min(r.strikeW, inner), 1))
}

func (r *blockRenderer) MinSize() fyne.Size { return fyne.NewSize(4, 4) }

func (r *blockRenderer) Refresh() {
	look := lookOf(r.b.item)
	r.bg.FillColor, r.bg.StrokeColor, r.bg.StrokeWidth = look.fill, look.stroke, look.strokeWidth
	if r.b.selected {
		r.bg.StrokeColor, r.bg.StrokeWidth = theme.Color(theme.ColorNameForeground), 2
	}
	r.title.Color, r.sub.Color, r.strike.FillColor = look.text, look.text, look.text
	r.strike.Hidden = !look.struck
	fill, marked := r.b.mark.stripe()
	r.stripe.FillColor, r.stripe.Hidden = fill, !marked
	r.Layout(r.b.Size())
	// One refresh of the block repaints all its parts: each canvas.Refresh
	// costs a look-up of the calling goroutine, and a week has hundreds
	// of blocks.
	canvas.Refresh(r.b)
}

func (r *blockRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.stripe, r.title, r.sub, r.strike}
}

func (r *blockRenderer) Destroy() {}
