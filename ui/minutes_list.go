package ui

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/followup"
)

// minutesList is every minutes of the leader's meetings (会议纪要), the
// latest meeting first: meeting, date, state and document number; a row
// opens the minutes.
type minutesList struct {
	d       *followUpDesk
	win     fyne.Window
	count   *widget.Label
	empty   *widget.Label
	table   *sortTable[followup.Minutes]
	problem *paragraph
}

// minutesStateOrder is the order minutes go through their states.
var minutesStateOrder = []followup.MinutesState{followup.MinutesDraft, followup.MinutesSubmitted, followup.MinutesSigned, followup.MinutesIssued}

func newMinutesList(d *followUpDesk) *minutesList {
	l := &minutesList{d: d, win: escaping(d.m.app.NewWindow(lang.L("Minutes"))), problem: errorLabel()}
	l.count = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	l.empty = &widget.Label{Text: lang.L("No minutes yet: open a past meeting in the calendar and choose Minutes…."), Importance: widget.LowImportance, Truncation: fyne.TextTruncateEllipsis}
	loc := d.loc
	dateTitle, stateTitle := lang.L("Date"), lang.L("State")
	var states []string
	for _, s := range minutesStateOrder {
		states = append(states, minutesStateLabel(s))
	}
	l.table = newSortTable([]tableCol[followup.Minutes]{
		{title: lang.L("Meeting"), width: 300, text: func(m followup.Minutes) string { return meetingTitle(m.Meeting) },
			compare: func(a, b followup.Minutes) int { return strings.Compare(a.Meeting.Title, b.Meeting.Title) }},
		{title: dateTitle, width: fitColumn(150, dateTitle, longDate(calendar.NewDate(2026, 12, 30))), text: func(m followup.Minutes) string { return longDate(calendar.DateOf(m.Meeting.Start.In(loc()))) },
			compare: func(a, b followup.Minutes) int { return a.Meeting.Start.Compare(b.Meeting.Start) }},
		{title: stateTitle, width: fitColumn(80, stateTitle, states...), text: func(m followup.Minutes) string { return minutesStateLabel(m.State) },
			compare: func(a, b followup.Minutes) int {
				return cmp.Compare(slices.Index(minutesStateOrder, a.State), slices.Index(minutesStateOrder, b.State))
			}},
		{title: lang.L("Document number"), width: 200, text: func(m followup.Minutes) string { return m.DocNumber },
			compare: func(a, b followup.Minutes) int { return strings.Compare(a.DocNumber, b.DocNumber) }},
	}, func(m followup.Minutes) { l.open(m) })
	l.table.sortCol, l.table.desc = 1, true // the latest meeting first
	top := container.NewVBox(l.count, l.empty, l.problem)
	l.win.SetContent(container.NewBorder(container.NewPadded(top), nil, nil, nil, fillLastColumn(l.table.Table, l.table.cols)))
	l.win.Resize(secondWindowSize)
	return l
}

// meetingTitle is the meeting's title, saying when it was cancelled or
// deleted from the calendar.
func meetingTitle(mt followup.Meeting) string {
	switch {
	case mt.Gone:
		return mt.Title + " · " + lang.L("meeting deleted")
	case mt.Cancelled:
		return mt.Title + " · " + lang.L("meeting cancelled")
	}
	return mt.Title
}

// openMinutesList shows the list of minutes, opening it when closed.
func (d *followUpDesk) openMinutesList() *minutesList {
	if d.svc == nil {
		return nil
	}
	if d.list == nil {
		// Filled before it shows: a window opens no smaller than its content.
		d.list = newMinutesList(d)
		d.list.reload()
		d.list.win.SetOnClosed(func() { d.list = nil })
		d.list.win.Show()
	} else {
		d.list.reload()
	}
	d.list.win.RequestFocus()
	return d.list
}

// reload reads the leader's minutes again.
func (l *minutesList) reload() {
	d := l.d
	l.win.SetTitle(lang.L("Minutes") + " · " + d.leader().Name)
	all, err := d.svc.ListMinutes(d.ctx(), d.leader().ID)
	if err != nil {
		showErr(l.problem, err)
		return
	}
	showErr(l.problem, nil)
	l.count.SetText(lang.L("Minutes: {{.Count}}", map[string]any{"Count": len(all)}))
	l.empty.Hidden = len(all) > 0
	l.empty.Refresh()
	l.table.setRows(all)
}

// open shows the minutes m over the list.
func (l *minutesList) open(m followup.Minutes) *minutesDialog {
	l.table.UnselectAll() // so the same row opens them again
	return l.d.openMinutesByID(l.win, m.ID)
}

// row returns the table row of the minutes of the meeting titled title,
// for tests.
func (l *minutesList) row(title string) (int, bool) {
	for i, m := range l.table.rows {
		if m.Meeting.Title == title {
			return i, true
		}
	}
	return 0, false
}
