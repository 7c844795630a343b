package ui

import (
	"math"
	"time"

	"fyne.io/fyne/v2"

	"anteroom/calendar"
)

// dragKind is what a drag does to a block: move it, or stretch its end.
type dragKind int

const (
	dragMove dragKind = iota
	dragResize
)

// dragSnap is the grain a dragged block snaps to, as desktop calendars do.
const dragSnap = 15 * time.Minute

// resizeGrip is the band at a block's bottom edge that resizes it.
const resizeGrip float32 = 6

// dragGeometry is what a drag needs of the grid it happens on: equal day
// columns from firstDay, hourHeight units an hour. The week view has
// seven columns, the day view one.
type dragGeometry struct {
	firstDay   calendar.Date
	days       int
	colWidth   float32
	hourHeight float32
	loc        *time.Location
}

// blockDrag follows one drag of an engagement's block and proposes the
// engagement's new times; it knows nothing of widgets, so any time grid
// can use it.
type blockDrag struct {
	kind   dragKind
	item   calendar.Engagement // as it was when the drag began
	geo    dragGeometry
	dx, dy float32 // how far the pointer has moved since the press
}

// startDrag begins a drag of e pressed at y in a block of height h:
// near the bottom edge it resizes, elsewhere it moves.
func startDrag(e calendar.Engagement, y, h float32, geo dragGeometry) *blockDrag {
	kind := dragMove
	if y >= h-resizeGrip {
		kind = dragResize
	}
	return &blockDrag{kind: kind, item: e, geo: geo}
}

// add follows the pointer by delta.
func (d *blockDrag) add(delta fyne.Delta) {
	d.dx += delta.DX
	d.dy += delta.DY
}

// minutes is the vertical move in whole snaps, as a duration.
func (d *blockDrag) minutes() time.Duration {
	snaps := math.Round(float64(d.dy/d.geo.hourHeight) * 60 / dragSnap.Minutes())
	return time.Duration(snaps) * dragSnap
}

// dayShift is the horizontal move in whole day columns.
func (d *blockDrag) dayShift() int {
	if d.geo.colWidth <= 0 || d.geo.days <= 1 {
		return 0
	}
	return int(math.Round(float64(d.dx / d.geo.colWidth)))
}

// proposed returns the engagement with the times the drag proposes, in
// the grid's zone; ok is false while the drag has not moved it.
func (d *blockDrag) proposed() (e calendar.Engagement, ok bool) {
	e = d.item
	loc := d.geo.loc
	start, end := e.Start.In(loc), e.End.In(loc)
	length := end.Sub(start)
	shift, move := d.dayShift(), d.minutes()
	if shift == 0 && move == 0 {
		return e, false
	}
	switch d.kind {
	case dragResize:
		end = end.Add(move).Round(dragSnap)
		end = calendar.Later(end, start.Add(dragSnap))
		end = calendar.Earlier(end, start.Add(24*time.Hour-dragSnap)) // a day or more is an all-day bar
	default:
		day := calendar.DateOf(start).AddDays(shift)
		if shift != 0 { // stays on the grid's days
			last := d.geo.firstDay.AddDays(d.geo.days - 1)
			if day.Before(d.geo.firstDay) {
				day = d.geo.firstDay
			}
			if last.Before(day) {
				day = last
			}
		}
		wall := time.Date(day.Year, day.Month, day.Day, start.Hour(), start.Minute(), 0, 0, loc).Add(move).Round(dragSnap)
		midnight := day.In(loc)
		if wall.Before(midnight) {
			wall = midnight
		}
		if latest := day.AddDays(1).In(loc).Add(-dragSnap); wall.After(latest) {
			wall = latest
		}
		start, end = wall, wall.Add(length)
	}
	if start.Equal(e.Start) && end.Equal(e.End) {
		return e, false
	}
	e.Start, e.End = start, end
	e.ZoneName = loc.String() // times set here are in the leader's zone
	if e.IsOccurrence() {
		e.RRule = "" // one occurrence moved does not repeat itself
	}
	return e, true
}
