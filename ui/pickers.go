package ui

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// datePicker is a date input that cannot hold a malformed date: a button
// showing the date that opens a month calendar.
type datePicker struct {
	button    *widget.Button
	date      calendar.Date
	popUp     *widget.PopUp
	onChanged func(calendar.Date)
}

func newDatePicker(d calendar.Date, onChanged func(calendar.Date)) *datePicker {
	p := &datePicker{date: d, onChanged: onChanged}
	p.button = &widget.Button{Text: longDate(d), Icon: theme.Icon(theme.IconNameCalendar), Alignment: widget.ButtonAlignLeading, OnTapped: p.open}
	return p
}

// SetDate is what choosing a day in the calendar does.
func (p *datePicker) SetDate(d calendar.Date) {
	p.date = d
	p.button.SetText(longDate(d))
	if p.popUp != nil {
		p.popUp.Hide()
	}
	if p.onChanged != nil {
		p.onChanged(d)
	}
}

func (p *datePicker) open() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p.button)
	if c == nil {
		return
	}
	cal := newLocalCalendar(p.date.In(time.Local), func(t time.Time) { p.SetDate(calendar.DateOf(t)) })
	p.popUp = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.button)
	p.popUp.ShowAtPosition(pos.AddXY(0, p.button.Size().Height))
}

// timePicker chooses a time of day from hour and minute lists, five minutes
// apart; a minute off that grid (from an import) is kept as an extra choice.
type timePicker struct {
	hour, minute *widget.Select
	box          fyne.CanvasObject
}

func newTimePicker(t time.Time, onChanged func()) *timePicker {
	p := &timePicker{}
	hours := make([]string, 24)
	for h := range hours {
		hours[h] = fmt.Sprintf("%02d", h)
	}
	var minutes []string
	for m := 0; m < 60; m += 5 {
		minutes = append(minutes, fmt.Sprintf("%02d", m))
	}
	if m := fmt.Sprintf("%02d", t.Minute()); !slices.Contains(minutes, m) {
		minutes = append(minutes, m)
		slices.Sort(minutes)
	}
	changed := func(string) {
		if onChanged != nil {
			onChanged()
		}
	}
	p.hour = widget.NewSelect(hours, nil)
	p.minute = widget.NewSelect(minutes, nil)
	p.set(t)
	p.hour.OnChanged, p.minute.OnChanged = changed, changed
	p.box = container.NewHBox(p.hour, widget.NewLabel(":"), p.minute)
	return p
}

// set shows the clock time of t without announcing a change.
func (p *timePicker) set(t time.Time) {
	h, m := p.hour.OnChanged, p.minute.OnChanged
	p.hour.OnChanged, p.minute.OnChanged = nil, nil
	p.hour.SetSelected(fmt.Sprintf("%02d", t.Hour()))
	p.minute.SetSelected(fmt.Sprintf("%02d", t.Minute()))
	p.hour.OnChanged, p.minute.OnChanged = h, m
}

// on returns the chosen time on day d in loc.
func (p *timePicker) on(d calendar.Date, loc *time.Location) time.Time {
	var h, m int
	fmt.Sscanf(p.hour.Selected, "%d", &h)
	fmt.Sscanf(p.minute.Selected, "%d", &m)
	return time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, loc)
}
