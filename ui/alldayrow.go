package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

const allDayBarHeight float32 = 20

// allDayRow shows all-day and multi-day engagements as bars across the day
// columns, stacked when they overlap.
type allDayRow struct {
	widget.BaseWidget
	g *weekGrid
}

func newAllDayRow(g *weekGrid) *allDayRow {
	a := &allDayRow{g: g}
	a.ExtendBaseWidget(a)
	return a
}

// DoubleTapped on the row starts a new all-day engagement on that day.
func (a *allDayRow) DoubleTapped(ev *fyne.PointEvent) {
	colW := (a.Size().Width - gutterWidth) / float32(a.g.days)
	if ev.Position.X < gutterWidth || colW <= 0 || a.g.onCreateAt == nil {
		return
	}
	d := a.g.monday.AddDays(min(int((ev.Position.X-gutterWidth)/colW), a.g.days-1))
	a.g.onCreateAt(d.In(a.g.loc), true)
}

func (a *allDayRow) CreateRenderer() fyne.WidgetRenderer {
	label := canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))
	r := &allDayRenderer{a: a, label: label}
	r.Refresh()
	return r
}

// bar is an all-day engagement's place: columns first..last, stacked on row.
type bar struct {
	first, last, row int
	engagement       calendar.Engagement
}

type allDayRenderer struct {
	a       *allDayRow
	label   *canvas.Text
	bars    []bar
	rows    int
	blocks  []*block
	objects []fyne.CanvasObject
}

func (r *allDayRenderer) Refresh() {
	g := r.a.g
	r.label.Text = lang.L("All day")
	r.bars, r.rows = r.bars[:0], 0
	var rowEnds []int // last column used on each stacked row
	weekStart, weekEnd := g.monday.In(g.loc), g.monday.AddDays(g.days).In(g.loc)
	for _, e := range g.items {
		if !inAllDayRow(e) || !e.Overlaps(weekStart, weekEnd) {
			continue
		}
		first := max(0, daysBetween(g.monday, calendar.DateOf(calendar.Later(e.Start, weekStart).In(g.loc))))
		lastInstant := calendar.Earlier(e.End, weekEnd).Add(-1)
		last := min(g.days-1, daysBetween(g.monday, calendar.DateOf(lastInstant.In(g.loc))))
		row := -1
		for i, end := range rowEnds {
			if end < first {
				row = i
				break
			}
		}
		if row < 0 {
			row = len(rowEnds)
			rowEnds = append(rowEnds, last)
		} else {
			rowEnds[row] = last
		}
		r.bars = append(r.bars, bar{first: first, last: last, row: row, engagement: e})
	}
	r.rows = len(rowEnds)
	for len(r.blocks) < len(r.bars) {
		r.blocks = append(r.blocks, g.newBlock())
	}
	r.objects = append(r.objects[:0], r.label)
	for i, b := range r.bars {
		r.blocks[i].set(b.engagement, blockTitle(b.engagement), "")
		r.blocks[i].selected = r.a.g.isChosen(b.engagement)
		r.objects = append(r.objects, r.blocks[i])
	}
	r.Layout(r.a.Size())
	for i := range r.bars {
		r.blocks[i].Refresh()
	}
	canvas.Refresh(r.a)
}

func (r *allDayRenderer) Layout(size fyne.Size) {
	colW := (size.Width - gutterWidth) / float32(r.a.g.days)
	r.label.TextSize = 11
	r.label.Move(fyne.NewPos(4, 3))
	for i, b := range r.bars {
		r.blocks[i].Move(fyne.NewPos(gutterWidth+float32(b.first)*colW+1, 2+float32(b.row)*(allDayBarHeight+2)))
		r.blocks[i].Resize(fyne.NewSize(float32(b.last-b.first+1)*colW-2, allDayBarHeight))
	}
}

func (r *allDayRenderer) MinSize() fyne.Size {
	return fyne.NewSize(gutterWidth, 4+float32(max(r.rows, 1))*(allDayBarHeight+2))
}

func (r *allDayRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *allDayRenderer) Destroy() {}
