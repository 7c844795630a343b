package ui

import (
	"fyne.io/fyne/v2"

	"anteroom/calendar"
)

// A block in the hours moves when dragged and resizes when dragged by its
// bottom edge. While it is dragged a ghost shows where it would land and
// the booking rules' findings for that time; dropping hands the old and
// the new engagement to onDrop, which saves as the editor does.

// dragGeometry describes the hours grid for a drag.
func (g *weekGrid) dragGeometry() dragGeometry {
	return dragGeometry{firstDay: g.monday, days: g.days, colWidth: (g.body.Size().Width - gutterWidth) / float32(g.days),
		hourHeight: hourHeight, loc: g.loc}
}

// blockDragged follows a drag of b, starting one on the first event.
func (g *weekGrid) blockDragged(b *block, ev *fyne.DragEvent) {
	if g.onDrop == nil {
		return
	}
	if g.drag == nil {
		pressedY := ev.Position.Y - ev.Dragged.DY
		g.drag = startDrag(b.item, pressedY, b.Size().Height, g.dragGeometry())
		g.dragShown = nil
		g.selectItem(b.item)
	}
	g.drag.add(ev.Dragged)
	p, moved := g.drag.proposed()
	if !moved {
		g.dragShown = nil
		g.body.ghost.hide()
		g.body.Refresh()
		return
	}
	if g.dragShown != nil && g.dragShown.Start.Equal(p.Start) && g.dragShown.End.Equal(p.End) {
		return // same snap: nothing new to check
	}
	g.dragShown = &p
	var fs []calendar.Finding
	if g.onDragCheck != nil {
		fs = g.onDragCheck(p)
	}
	g.dragFindings = fs
	g.body.ghost.show(spanText(p, g.loc), fs)
	g.body.Refresh()
}

// blockDragEnd drops the dragged block where the ghost shows it.
func (g *weekGrid) blockDragEnd(*block) {
	d := g.drag
	g.drag, g.dragFindings = nil, nil
	g.body.ghost.hide()
	g.body.Refresh()
	if d == nil {
		return
	}
	if p, moved := d.proposed(); moved && g.onDrop != nil {
		g.onDrop(d.item, p)
	}
}

// ghostSpan is where the drag's proposal lies on the grid: its day column
// and minutes, clipped to that day.
func (g *weekGrid) ghostSpan() (day, from, to int, ok bool) {
	if g.dragShown == nil {
		return 0, 0, 0, false
	}
	p := *g.dragShown
	start := p.Start.In(g.loc)
	d := calendar.DateOf(start)
	day = daysBetween(g.monday, d)
	if day < 0 || day >= g.days {
		return 0, 0, 0, false
	}
	midnight := d.In(g.loc)
	from, to = minutesInto(start, midnight), 24*60
	if p.End.Before(d.AddDays(1).In(g.loc)) {
		to = minutesInto(p.End, midnight)
	}
	return day, from, to, true
}
