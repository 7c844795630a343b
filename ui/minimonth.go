package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// Mini-month geometry, in Fyne units.
const (
	miniCellWidth  float32 = 28
	miniCellHeight float32 = 20
)

// miniMonth is the navigator above the agenda: a small month whose days
// jump the desk to that date in the view shown. Its arrows browse months
// without moving the desk.
type miniMonth struct {
	year     int
	month    time.Month
	selected calendar.Date
	today    func() calendar.Date
	onPick   func(calendar.Date)

	title   *widget.Label
	days    *miniDays
	content fyne.CanvasObject
}

func newMiniMonth(selected calendar.Date, today func() calendar.Date, onPick func(calendar.Date)) *miniMonth {
	mm := &miniMonth{today: today, onPick: onPick}
	mm.title = &widget.Label{Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}}
	mm.days = newMiniDays(mm)
	prev := &widget.Button{Icon: theme.Icon(theme.IconNameNavigateBack), Importance: widget.LowImportance, OnTapped: func() { mm.browse(-1) }}
	next := &widget.Button{Icon: theme.Icon(theme.IconNameNavigateNext), Importance: widget.LowImportance, OnTapped: func() { mm.browse(1) }}
	mm.content = container.NewVBox(
		container.NewBorder(nil, nil, prev, next, mm.title),
		container.NewCenter(mm.days),
	)
	mm.show(selected)
	return mm
}

// show turns to the month of d and marks d.
func (mm *miniMonth) show(d calendar.Date) {
	mm.selected, mm.year, mm.month = d, d.Year, d.Month
	mm.refresh()
}

// browse turns n months on without moving the desk.
func (mm *miniMonth) browse(n int) {
	first := calendar.DateOf(time.Date(mm.year, mm.month+time.Month(n), 1, 12, 0, 0, 0, time.UTC))
	mm.year, mm.month = first.Year, first.Month
	mm.refresh()
}

func (mm *miniMonth) refresh() {
	mm.title.SetText(monthTitle(mm.year, mm.month))
	mm.days.Refresh()
}

// first is the Monday on or before the shown month's first day.
func (mm *miniMonth) first() calendar.Date {
	return calendar.WeekStart(calendar.NewDate(mm.year, mm.month, 1))
}

// miniDays draws the weekday initials and six weeks of day numbers.
type miniDays struct {
	widget.BaseWidget
	mm *miniMonth
}

func newMiniDays(mm *miniMonth) *miniDays {
	d := &miniDays{mm: mm}
	d.ExtendBaseWidget(d)
	return d
}

// dayAt is the day under pos, below the weekday row.
func (d *miniDays) dayAt(pos fyne.Position) (calendar.Date, bool) {
	col, row := int(pos.X/miniCellWidth), int(pos.Y/miniCellHeight)-1
	if col < 0 || col >= daysInWeek || row < 0 || row >= 6 {
		return calendar.Date{}, false
	}
	return d.mm.first().AddDays(row*daysInWeek + col), true
}

// Tapped on a day jumps the desk there.
func (d *miniDays) Tapped(ev *fyne.PointEvent) {
	day, ok := d.dayAt(ev.Position)
	if ok && d.mm.onPick != nil {
		d.mm.onPick(day)
	}
}

// posOf is the middle of day's cell, for tests that click it.
func (d *miniDays) posOf(day calendar.Date) fyne.Position {
	i := daysBetween(d.mm.first(), day)
	return fyne.NewPos((float32(i%daysInWeek)+0.5)*miniCellWidth, (float32(i/daysInWeek)+1.5)*miniCellHeight)
}

func (d *miniDays) MinSize() fyne.Size {
	return fyne.NewSize(daysInWeek*miniCellWidth, 7*miniCellHeight)
}

func (d *miniDays) CreateRenderer() fyne.WidgetRenderer {
	r := &miniDaysRenderer{d: d, mark: canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))}
	r.mark.CornerRadius = 4
	for i := range r.texts {
		r.texts[i] = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		r.texts[i].TextSize = theme.CaptionTextSize()
		r.texts[i].Alignment = fyne.TextAlignCenter
	}
	r.Refresh()
	return r
}

type miniDaysRenderer struct {
	d     *miniDays
	mark  *canvas.Rectangle // behind the selected day
	texts [daysInWeek + monthCells]*canvas.Text
}

func (r *miniDaysRenderer) Refresh() {
	mm := r.d.mm
	first, today := mm.first(), mm.today()
	for i, wd := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		r.texts[i].Text = weekdayNarrow(wd)
		r.texts[i].Color = theme.Color(theme.ColorNamePlaceHolder)
	}
	r.mark.Hidden = true
	for i := range monthCells {
		day := first.AddDays(i)
		t := r.texts[daysInWeek+i]
		t.Text = strconv.Itoa(day.Day)
		t.TextStyle = fyne.TextStyle{Bold: day == today}
		switch {
		case day == mm.selected:
			t.Color = theme.Color(theme.ColorNameForegroundOnPrimary)
			r.mark.Hidden = false
			r.mark.FillColor = theme.Color(theme.ColorNamePrimary)
			r.mark.Move(fyne.NewPos(float32(i%daysInWeek)*miniCellWidth+2, float32(i/daysInWeek+1)*miniCellHeight+1))
			r.mark.Resize(fyne.NewSize(miniCellWidth-4, miniCellHeight-2))
		case day == today:
			t.Color = theme.Color(theme.ColorNamePrimary)
		case day.Month != mm.month:
			t.Color = theme.Color(theme.ColorNamePlaceHolder)
		default:
			t.Color = theme.Color(theme.ColorNameForeground)
		}
	}
	r.Layout(r.d.Size())
	canvas.Refresh(r.d)
}

func (r *miniDaysRenderer) Layout(fyne.Size) {
	for i, t := range r.texts {
		t.Move(fyne.NewPos(float32(i%daysInWeek)*miniCellWidth, float32(i/daysInWeek)*miniCellHeight+2))
		t.Resize(fyne.NewSize(miniCellWidth, miniCellHeight-4))
	}
}

func (r *miniDaysRenderer) MinSize() fyne.Size { return r.d.MinSize() }

func (r *miniDaysRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.mark}
	for _, t := range r.texts {
		objs = append(objs, t)
	}
	return objs
}

func (r *miniDaysRenderer) Destroy() {}
