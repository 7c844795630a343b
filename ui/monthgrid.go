package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// Month grid geometry, in Fyne units.
const (
	monthCells                = 6 * daysInWeek // six weeks hold any month
	monthHeaderHeight float32 = 22             // the weekday names
	monthNumberHeight float32 = 18             // a cell's day number
	monthRowHeight    float32 = 19             // one engagement in a cell
)

// monthGrid shows six weeks around a month, each day a cell listing its
// engagements as short bars, time then title; a cell with more than fit
// ends in "+N more", which opens that day. It shares the week grid's
// selected day, chosen engagement and handlers, so the agenda, the detail
// pane and the keys work the same in every view.
type monthGrid struct {
	widget.BaseWidget
	g *weekGrid

	first calendar.Date // the Monday of the first row
	year  int
	month time.Month
	items []calendar.Engagement

	// onOpenDay shows a day in the day view: its number or its "+N more".
	onOpenDay func(calendar.Date)
	// onPickDay selects a day clicked in the grid.
	onPickDay func(calendar.Date)
}

func newMonthGrid(g *weekGrid) *monthGrid {
	mg := &monthGrid{g: g}
	mg.ExtendBaseWidget(mg)
	mg.Hidden = true
	return mg
}

// show draws the month that holds day with the given engagements.
func (mg *monthGrid) show(day calendar.Date, loc *time.Location, items []calendar.Engagement) {
	if mg.g.hideCancelled {
		items = slices.DeleteFunc(slices.Clone(items), func(e calendar.Engagement) bool { return e.Status == calendar.StatusCancelled })
	}
	mg.year, mg.month = day.Year, day.Month
	mg.first = calendar.WeekStart(calendar.NewDate(day.Year, day.Month, 1))
	mg.items = items
	mg.g.loc = loc
	if mg.g.chosen != nil && !slices.ContainsFunc(items, mg.g.isChosen) {
		mg.g.chosen = nil
	}
	mg.Refresh()
}

// cellAt is the day under pos and whether pos is on its day number.
func (mg *monthGrid) cellAt(pos fyne.Position) (calendar.Date, bool, bool) {
	size := mg.Size()
	cellW, cellH := size.Width/daysInWeek, (size.Height-monthHeaderHeight)/6
	if pos.Y < monthHeaderHeight || cellW <= 0 || cellH <= 0 {
		return calendar.Date{}, false, false
	}
	col := min(int(pos.X/cellW), daysInWeek-1)
	row := min(int((pos.Y-monthHeaderHeight)/cellH), 5)
	onNumber := pos.Y-monthHeaderHeight-float32(row)*cellH < monthNumberHeight
	return mg.first.AddDays(row*daysInWeek + col), onNumber, true
}

// Tapped on a day's number opens it in the day view; elsewhere in the
// cell it selects the day.
func (mg *monthGrid) Tapped(ev *fyne.PointEvent) {
	d, onNumber, ok := mg.cellAt(ev.Position)
	switch {
	case !ok:
	case onNumber && mg.onOpenDay != nil:
		mg.onOpenDay(d)
	case mg.onPickDay != nil:
		mg.onPickDay(d)
	}
}

// DoubleTapped on a day books an engagement on it, at 09:00.
func (mg *monthGrid) DoubleTapped(ev *fyne.PointEvent) {
	d, _, ok := mg.cellAt(ev.Position)
	if ok && mg.g.onCreateAt != nil {
		mg.g.onCreateAt(time.Date(d.Year, d.Month, d.Day, 9, 0, 0, 0, mg.g.loc), false)
	}
}

func (mg *monthGrid) MinSize() fyne.Size {
	return fyne.NewSize(daysInWeek*60, monthHeaderHeight+6*(monthNumberHeight+2*monthRowHeight))
}

func (mg *monthGrid) CreateRenderer() fyne.WidgetRenderer {
	r := &monthRenderer{mg: mg}
	for i := range r.weekdays {
		r.weekdays[i] = canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))
		r.weekdays[i].TextSize = theme.CaptionTextSize()
		r.weekdays[i].Alignment = fyne.TextAlignCenter
	}
	for i := range monthCells {
		r.cells[i] = canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
		r.cells[i].StrokeColor, r.cells[i].StrokeWidth = colorGridLine, 1
		r.numbers[i] = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		r.numbers[i].TextSize = theme.CaptionTextSize() + 1
		r.more[i] = newMoreLink(func() {
			if mg.onOpenDay != nil {
				mg.onOpenDay(mg.first.AddDays(i))
			}
		})
	}
	r.Refresh()
	return r
}

// monthEntry is one engagement drawn in one day's cell.
type monthEntry struct {
	cell       int
	engagement calendar.Engagement
}

type monthRenderer struct {
	mg       *monthGrid
	weekdays [daysInWeek]*canvas.Text
	cells    [monthCells]*canvas.Rectangle
	numbers  [monthCells]*canvas.Text
	more     [monthCells]*moreLink
	entries  []monthEntry // in cell order, each cell's in time order
	blocks   []*block     // pooled, one per entry
	objects  []fyne.CanvasObject
}

func (r *monthRenderer) Refresh() {
	mg := r.mg
	g := mg.g
	today := calendar.DateOf(g.now().In(g.loc))
	for i, wd := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		r.weekdays[i].Text = weekdayShort(wd)
		r.weekdays[i].Color = theme.Color(theme.ColorNamePlaceHolder)
	}
	r.entries = r.entries[:0]
	for i := range monthCells {
		d := mg.first.AddDays(i)
		inMonth := d.Month == mg.month
		cell, num := r.cells[i], r.numbers[i]
		cell.FillColor = theme.Color(theme.ColorNameBackground)
		cell.StrokeColor, cell.StrokeWidth = colorGridLine, 1
		switch {
		case d == today:
			cell.FillColor = colorToday
		case !inMonth:
			cell.FillColor = colorOffHours
		}
		if d == g.selected {
			cell.StrokeColor, cell.StrokeWidth = theme.Color(theme.ColorNamePrimary), 2
		}
		num.Text = monthDayLabel(d)
		num.TextStyle = fyne.TextStyle{Bold: d == today}
		num.Color = theme.Color(theme.ColorNameForeground)
		switch {
		case d == today:
			num.Color = theme.Color(theme.ColorNamePrimary)
		case !inMonth:
			num.Color = theme.Color(theme.ColorNamePlaceHolder)
		}
		if g.dayNote != nil {
			if note := g.dayNote(d); note != "" {
				num.Text += " · " + note
			}
		}
		for _, e := range dayEntries(d, g.loc, mg.items) {
			r.entries = append(r.entries, monthEntry{cell: i, engagement: e})
		}
	}
	for len(r.blocks) < len(r.entries) {
		r.blocks = append(r.blocks, r.newBlock())
	}
	for i, en := range r.entries {
		e := en.engagement
		r.blocks[i].set(e, monthEntryText(e, mg.first.AddDays(en.cell), g.loc), "")
		r.blocks[i].selected = g.isChosen(e)
		r.blocks[i].mark = g.markOf(e) // the week's stripes: a clash, an override
	}
	r.objects = r.objects[:0]
	for _, c := range r.cells {
		r.objects = append(r.objects, c)
	}
	for _, w := range r.weekdays {
		r.objects = append(r.objects, w)
	}
	for _, n := range r.numbers {
		r.objects = append(r.objects, n)
	}
	for i := range r.entries {
		r.objects = append(r.objects, r.blocks[i])
	}
	for _, m := range r.more {
		r.objects = append(r.objects, m)
	}
	r.Layout(mg.Size())
	for i := range r.entries {
		r.blocks[i].Refresh()
	}
	canvas.Refresh(mg)
}

// newBlock makes a bar that selects, opens and describes its engagement
// through the week grid's handlers; selecting redraws the month through
// the grid's onSelectDay.
func (r *monthRenderer) newBlock() *block {
	g := r.mg.g
	b := newBlock()
	b.onSelect = g.selectItem
	b.onOpen = func(e calendar.Engagement) {
		g.selectItem(e)
		if g.onOpen != nil {
			g.onOpen(e)
		}
	}
	b.onHover = func(e *calendar.Engagement) {
		if g.onHover != nil {
			g.onHover(e)
		}
	}
	return b
}

func (r *monthRenderer) Layout(size fyne.Size) {
	cellW, cellH := size.Width/daysInWeek, (size.Height-monthHeaderHeight)/6
	for i, w := range r.weekdays {
		w.Move(fyne.NewPos(float32(i)*cellW, 3))
		w.Resize(fyne.NewSize(cellW, monthHeaderHeight-3))
	}
	// Rows that fit below the day number; a cell with more shows one row
	// fewer and "+N more" in the last.
	fit := max(0, int((cellH-monthNumberHeight-2)/monthRowHeight))
	next := 0 // the first entry of the cell laid out next
	for i := range monthCells {
		x, y := float32(i%daysInWeek)*cellW, monthHeaderHeight+float32(i/daysInWeek)*cellH
		r.cells[i].Move(fyne.NewPos(x, y))
		r.cells[i].Resize(fyne.NewSize(cellW, cellH))
		r.numbers[i].Move(fyne.NewPos(x+4, y+2))
		r.numbers[i].Resize(fyne.NewSize(cellW-8, monthNumberHeight-2))
		n := 0
		for next+n < len(r.entries) && r.entries[next+n].cell == i {
			n++
		}
		shown := n
		if n > fit {
			shown = max(0, fit-1)
		}
		for j := range n {
			b := r.blocks[next+j]
			b.Hidden = j >= shown
			b.Move(fyne.NewPos(x+2, y+monthNumberHeight+float32(j)*monthRowHeight))
			b.Resize(fyne.NewSize(cellW-4, monthRowHeight-1))
		}
		m := r.more[i]
		m.setCount(n - shown)
		m.Hidden = n == shown
		m.Move(fyne.NewPos(x+4, y+monthNumberHeight+float32(shown)*monthRowHeight))
		m.Resize(fyne.NewSize(cellW-8, monthRowHeight-1))
		next += n
	}
}

func (r *monthRenderer) MinSize() fyne.Size { return r.mg.MinSize() }

func (r *monthRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *monthRenderer) Destroy() {}

// dayEntries are the engagements on day d, all-day and multi-day ones
// first, then by start.
func dayEntries(d calendar.Date, loc *time.Location, items []calendar.Engagement) []calendar.Engagement {
	from, to := d.In(loc), d.AddDays(1).In(loc)
	var out []calendar.Engagement
	for _, e := range items {
		if e.Overlaps(from, to) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b calendar.Engagement) int {
		if inAllDayRow(a) != inAllDayRow(b) {
			if inAllDayRow(a) {
				return -1
			}
			return 1
		}
		return a.Start.Compare(b.Start)
	})
	return out
}

// monthEntryText is an engagement's line in a day's cell: its start time
// on the day it starts, then its title with its status.
func monthEntryText(e calendar.Engagement, d calendar.Date, loc *time.Location) string {
	if inAllDayRow(e) || calendar.DateOf(e.Start.In(loc)) != d {
		return blockTitle(e)
	}
	return clock(e.Start.In(loc)) + " " + blockTitle(e)
}
