package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// viewKind is how much of the calendar the desk shows at once.
type viewKind string

const (
	viewDay   viewKind = "day"
	viewWeek  viewKind = "week"
	viewMonth viewKind = "month"
)

// viewKinds in the order of the toolbar switch and of Ctrl+1, 2, 3.
var viewKinds = [3]viewKind{viewDay, viewWeek, viewMonth}

const prefView = "view" // preference key: the view shown last

// viewSwitch holds the desk's views beside the week grid: the month grid,
// the mini-month navigator and the controls that switch between them.
type viewSwitch struct {
	kind     viewKind
	month    *monthGrid
	mini     *miniMonth
	buttons  [3]*widget.Button // the toolbar switch, by viewKinds
	items    [3]*fyne.MenuItem // View → Day, Week, Month
	prev     *fyne.MenuItem    // View → Previous day, week or month
	next     *fyne.MenuItem    // View → Next day, week or month
	switcher fyne.CanvasObject // the toolbar switch
}

// viewMenuLabel names view k in the View menu, where it stands alone.
func viewMenuLabel(k viewKind) string {
	switch k {
	case viewDay:
		return lang.L("Day view")
	case viewMonth:
		return lang.L("Month view")
	}
	return lang.L("Week view")
}

// viewLabel names view k on the toolbar's switch, beside the others.
func viewLabel(k viewKind) string {
	switch k {
	case viewDay:
		return lang.L("view.day")
	case viewMonth:
		return lang.L("view.month")
	}
	return lang.L("view.week")
}

var viewKeys = [3]fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3}

// viewShortcut is Ctrl+1 for the day, Ctrl+2 the week and Ctrl+3 the month.
func viewShortcut(i int) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: viewKeys[i], Modifier: fyne.KeyModifierShortcutDefault}
}

// initViews builds the month grid, the navigator and the switch, and
// opens the view shown last time. Call it once the week grid exists.
func (m *mainWindow) initViews() {
	v := &m.views
	v.month = newMonthGrid(m.grid)
	v.month.onOpenDay = func(d calendar.Date) { m.showViewAt(viewDay, d) }
	v.mini = newMiniMonth(m.grid.selected, func() calendar.Date { return calendar.DateOf(m.svc.Now().In(m.loc)) }, m.goToWeek)
	v.month.onPickDay = func(d calendar.Date) {
		if d.Year != v.month.year || d.Month != v.month.month {
			m.goToWeek(d) // a day of the month before or after turns the page
			return
		}
		m.grid.selectDay(d)
	}
	selectDay := m.grid.onSelectDay
	m.grid.onSelectDay = func(d calendar.Date) {
		if selectDay != nil {
			selectDay(d)
		}
		v.mini.show(d)
		if v.kind == viewMonth {
			v.month.Refresh() // the selected day and engagement are outlined
		}
	}
	box := container.NewHBox()
	for i, k := range viewKinds {
		v.buttons[i] = &widget.Button{Text: viewLabel(k), OnTapped: func() { m.setView(k) }}
		box.Add(v.buttons[i])
		v.items[i] = fyne.NewMenuItem(viewMenuLabel(k), func() { m.setView(k) })
		v.items[i].Shortcut = viewShortcut(i)
		m.win.Canvas().AddShortcut(viewShortcut(i), func(fyne.Shortcut) { m.setView(k) })
	}
	v.switcher = compact(box)
	v.prev = fyne.NewMenuItem("", func() { m.shiftWeek(-1) })
	v.next = fyne.NewMenuItem("", func() { m.shiftWeek(1) })
	m.applyView(viewKind(m.app.Preferences().StringWithFallback(prefView, string(viewWeek))))
}

// applyView makes k the view without reloading: the grid's columns, which
// grid is visible, and the controls that name it.
func (m *mainWindow) applyView(k viewKind) {
	if k != viewDay && k != viewMonth {
		k = viewWeek
	}
	v := &m.views
	v.kind = k
	switch k {
	case viewDay:
		m.grid.setDays(1)
	default:
		m.grid.setDays(daysInWeek)
	}
	m.grid.monday = m.firstShown(m.grid.selected)
	m.grid.Hidden = k == viewMonth
	v.month.Hidden = k != viewMonth
	for i, kk := range viewKinds {
		v.buttons[i].Importance = widget.LowImportance
		if kk == k {
			v.buttons[i].Importance = widget.HighImportance
		}
		v.buttons[i].Refresh()
		v.items[i].Checked = kk == k
	}
	switch k {
	case viewDay:
		v.prev.Label, v.next.Label = lang.L("Previous day"), lang.L("Next day")
	case viewMonth:
		v.prev.Label, v.next.Label = lang.L("Previous month"), lang.L("Next month")
	default:
		v.prev.Label, v.next.Label = lang.L("Previous week"), lang.L("Next week")
	}
	if mm := m.win.MainMenu(); mm != nil {
		mm.Refresh()
	}
}

// setView switches to view k on the selected day and remembers it.
func (m *mainWindow) setView(k viewKind) { m.showViewAt(k, m.grid.selected) }

// showViewAt switches to view k showing day d.
func (m *mainWindow) showViewAt(k viewKind, d calendar.Date) {
	m.app.Preferences().SetString(prefView, string(k))
	m.grid.selected = d
	m.applyView(k)
	m.reload()
	if k != viewMonth {
		m.grid.scroll.Refresh()
	}
}

// viewNavBar is the row above the grid: back and forward by the view's
// step, and the title of what is shown, which opens the date picker.
func (m *mainWindow) viewNavBar() fyne.CanvasObject {
	m.weekButton.Alignment = widget.ButtonAlignLeading
	return container.NewBorder(nil, nil, container.NewHBox(
		&widget.Button{Icon: theme.Icon(theme.IconNameNavigateBack), Importance: widget.LowImportance, OnTapped: func() { m.shiftWeek(-1) }},
		&widget.Button{Icon: theme.Icon(theme.IconNameNavigateNext), Importance: widget.LowImportance, OnTapped: func() { m.shiftWeek(1) }},
	), nil, m.weekButton)
}

// viewMenuItems are the View menu's Day, Week and Month entries.
func (m *mainWindow) viewMenuItems() []*fyne.MenuItem {
	return append(m.views.items[:], fyne.NewMenuItemSeparator())
}

// firstShown is the first day the current view shows when d is selected:
// d itself, its week's Monday, or the Monday on or before its month's 1st.
func (m *mainWindow) firstShown(d calendar.Date) calendar.Date {
	switch m.views.kind {
	case viewDay:
		return d
	case viewMonth:
		return calendar.WeekStart(calendar.NewDate(d.Year, d.Month, 1))
	}
	return calendar.WeekStart(d)
}

// shownDays is how many days the current view loads from its first.
func (m *mainWindow) shownDays() int {
	switch m.views.kind {
	case viewDay:
		return 1
	case viewMonth:
		return monthCells
	}
	return daysInWeek
}

// stepFrom moves d by n days, weeks or months, as the view shows; a month
// step keeps the day of the month where that month has it.
func (m *mainWindow) stepFrom(d calendar.Date, n int) calendar.Date {
	switch m.views.kind {
	case viewDay:
		return d.AddDays(n)
	case viewMonth:
		first := calendar.NewDate(d.Year, d.Month, 1).In(m.loc).AddDate(0, n, 0)
		target := calendar.DateOf(first)
		last := calendar.DateOf(first.AddDate(0, 1, -1))
		return calendar.NewDate(target.Year, target.Month, min(d.Day, last.Day))
	}
	return d.AddDays(7 * n)
}

// viewTitle names what the view shows, on the toolbar's date button.
func (m *mainWindow) viewTitle() string {
	switch m.views.kind {
	case viewDay:
		return longDate(m.grid.selected)
	case viewMonth:
		return monthTitle(m.grid.selected.Year, m.grid.selected.Month)
	}
	return weekTitle(m.grid.monday)
}

// viewStatus is the status line: how many engagements the view holds.
func (m *mainWindow) viewStatus(items []calendar.Engagement) string {
	args := map[string]any{"Zone": m.loc.String()}
	switch m.views.kind {
	case viewDay:
		args["Count"] = len(items)
		return lang.L("{{.Count}} engagements this day · times in {{.Zone}}", args)
	case viewMonth:
		d := m.grid.selected
		from := calendar.NewDate(d.Year, d.Month, 1).In(m.loc)
		to := from.AddDate(0, 1, 0)
		n := 0
		for _, e := range items {
			if e.Overlaps(from, to) {
				n++
			}
		}
		args["Count"] = n
		return lang.L("{{.Count}} engagements this month · times in {{.Zone}}", args)
	}
	args["Count"] = len(items)
	return lang.L("{{.Count}} engagements this week · times in {{.Zone}}", args)
}

// showItems draws the loaded engagements in the view's grid and keeps the
// navigator on the selected day.
func (m *mainWindow) showItems(first calendar.Date, items []calendar.Engagement) {
	if m.views.kind == viewMonth {
		m.views.month.show(m.grid.selected, m.loc, items)
	} else {
		m.grid.show(first, m.loc, items)
	}
	m.views.mini.show(m.grid.selected)
}

// shownItems are the engagements the visible grid draws, for the agenda.
func (m *mainWindow) shownItems() []calendar.Engagement {
	if m.views.kind == viewMonth {
		return m.views.month.items
	}
	return m.grid.items
}
