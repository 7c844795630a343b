package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// agendaPane lists one day's engagements in time order, all-day ones first.
type agendaPane struct {
	heading *widget.Label
	list    *widget.List
	empty   *paragraph
	items   []calendar.Engagement
	loc     *time.Location
	onOpen  func(calendar.Engagement)
	content fyne.CanvasObject
}

func newAgendaPane(onOpen func(calendar.Engagement)) *agendaPane {
	p := &agendaPane{onOpen: onOpen, loc: time.UTC}
	p.heading = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	p.empty = newParagraph(lang.L("Nothing booked on this day.")).look(widget.LowImportance, "", fyne.TextStyle{})
	p.list = &widget.List{
		Length:     func() int { return len(p.items) },
		CreateItem: p.createRow,
		UpdateItem: p.updateRow,
		OnSelected: func(id widget.ListItemID) {
			p.list.UnselectAll()
			if id < len(p.items) && p.onOpen != nil {
				p.onOpen(p.items[id])
			}
		},
	}
	p.list.ExtendBaseWidget(p.list)
	p.content = container.NewBorder(container.NewVBox(p.heading, p.empty), nil, nil, nil, p.list)
	return p
}

// show lists the engagements of day d from the week's items.
func (p *agendaPane) show(d calendar.Date, loc *time.Location, week []calendar.Engagement) {
	p.loc = loc
	p.heading.SetText(longDate(d))
	from, to := d.In(loc), d.AddDays(1).In(loc)
	p.items = p.items[:0]
	for _, e := range week {
		if e.Overlaps(from, to) && e.AllDay {
			p.items = append(p.items, e)
		}
	}
	for _, e := range week {
		if e.Overlaps(from, to) && !e.AllDay {
			p.items = append(p.items, e)
		}
	}
	p.empty.Hidden = len(p.items) > 0
	p.empty.Refresh()
	p.list.Refresh()
}

func (p *agendaPane) createRow() fyne.CanvasObject {
	bar := canvas.NewRectangle(kindColors[calendar.KindMeeting])
	bar.SetMinSize(fyne.NewSize(4, 4))
	title := newFittedLabel(fyne.TextStyle{Bold: true}, "")
	sub := newFittedLabel(fyne.TextStyle{}, theme.SizeNameCaptionText)
	return container.NewBorder(nil, nil, bar, nil, container.NewVBox(title, sub))
}

func (p *agendaPane) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.items) {
		return
	}
	e := p.items[id]
	row := o.(*fyne.Container)
	bar := row.Objects[1].(*canvas.Rectangle)
	texts := row.Objects[0].(*fyne.Container).Objects
	bar.FillColor = blockColor(e)
	bar.Refresh()
	when := lang.L("All day")
	if !e.AllDay {
		when = clock(e.Start.In(p.loc)) + "–" + clock(e.End.In(p.loc))
	}
	texts[0].(*fittedLabel).setFull(when + "  " + e.Title)
	sub := kindLabel(e.Kind)
	if e.Location != "" {
		sub += " · " + e.Location
	}
	if e.Status != calendar.StatusConfirmed {
		sub += " · " + statusLabel(e.Status)
	}
	texts[1].(*fittedLabel).setFull(sub)
}
