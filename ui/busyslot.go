package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// showBusySlot lists the engagements of a slot too busy to draw side by
// side, the "+N" of the grid; choosing one opens it.
func (m *mainWindow) showBusySlot(items []calendar.Engagement) {
	if len(items) == 0 {
		return
	}
	var d dialog.Dialog
	list := container.NewVBox()
	for _, e := range items {
		text := clock(e.Start.In(m.loc)) + "–" + clock(e.End.In(m.loc)) + "  " + blockTitle(e)
		if e.Location != "" {
			text += " · " + e.Location
		}
		list.Add(&widget.Button{Text: text, Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance, OnTapped: func() {
			d.Hide()
			m.grid.selectItem(e)
			m.openEngagement(e)
		}})
	}
	title := lang.L("{{.Count}} engagements on {{.Day}}", map[string]any{"Count": len(items), "Day": longDate(calendar.DateOf(items[0].Start.In(m.loc)))})
	d = dialog.NewCustom(title, lang.L("Close"), container.NewVScroll(list), m.win)
	d.Resize(fitIn(m.win, fyne.NewSize(560, 520)))
	showDialog(m.win, d)
	m.busySlot = list // for tests
}
