package ui

import (
	"cmp"
	"image/color"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/followup"
)

// Overdue rows are filled pale red with dark red text: the pair keeps a
// contrast above 4.5:1 in either theme, as neither colour follows it.
// The chosen overdue row is a deeper red, still above 4.5:1.
var (
	colorOverdueFill   = color.NRGBA{R: 0xfd, G: 0xe2, B: 0xe0, A: 0xff}
	colorOverdueChosen = color.NRGBA{R: 0xf6, G: 0xb8, B: 0xb3, A: 0xff}
	colorOverdueText   = color.NRGBA{R: 0x8a, G: 0x10, B: 0x10, A: 0xff}
)

// followUpBoard is the follow-up board (督办): every item of the leader's
// in a sortable table, filtered by state, unit, due this week or overdue
// and searched, with the counts in the header and the chosen item's
// details, progress and trail beside it.
type followUpBoard struct {
	d   *followUpDesk
	win fyne.Window

	counts   *widget.Label
	search   *widget.Entry
	state    *widget.Select
	unit     *widget.Select
	thisWeek *widget.Check
	overdue  *widget.Check
	newBtn   *widget.Button
	printBtn *widget.Button
	table    *sortTable[followup.Item]
	tableBox *fyne.Container // the table, its last column fitted to the width left
	detail   *itemDetail
	printing *printDialog // the last Print list… opened, for tests

	chosen int64 // the item whose row is highlighted; 0 for none

	today calendar.Date
	units []string // the units of the leader's items, for the filter
}

// The state filter's choices beyond the states themselves.
func notClosedLabel() string { return lang.L("Not closed") }
func allStatesLabel() string { return lang.L("All states") }
func allUnitsLabel() string  { return lang.L("All units") }

func newFollowUpBoard(d *followUpDesk) *followUpBoard {
	b := &followUpBoard{d: d, win: escaping(d.m.app.NewWindow(lang.L("Follow-up")))}
	b.counts = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	b.search = &widget.Entry{PlaceHolder: lang.L("Search matter, unit, person, source…"), OnChanged: func(string) { b.reload() }}
	states := []string{notClosedLabel(), allStatesLabel()}
	for _, s := range followup.States {
		states = append(states, itemStateLabel(s))
	}
	b.state = widget.NewSelect(states, func(string) { b.reload() })
	b.state.SetSelectedIndex(0)
	b.unit = widget.NewSelect([]string{allUnitsLabel()}, func(string) { b.reload() })
	b.unit.SetSelectedIndex(0)
	b.thisWeek = widget.NewCheck(lang.L("Due this week"), func(bool) { b.reload() })
	b.overdue = widget.NewCheck(lang.L("Overdue"), func(bool) { b.reload() })
	b.newBtn = &widget.Button{Text: lang.L("New assigned matter…"), Icon: theme.Icon(theme.IconNameContentAdd), Importance: widget.HighImportance,
		OnTapped: func() { d.newAssigned(b.win) }}
	b.printBtn = &widget.Button{Text: lang.L("Print list…"), Icon: theme.Icon(theme.IconNameDocumentPrint), OnTapped: func() { b.onPrint() }}
	b.table = newItemTable(b)
	b.detail = newItemDetail(b)

	filters := container.NewHBox(b.state, b.unit, b.thisWeek, b.overdue)
	top := container.NewVBox(
		container.NewBorder(nil, nil, b.counts, container.NewHBox(b.printBtn, b.newBtn), b.search),
		filters)
	b.tableBox = fillLastColumn(b.table.Table, b.table.cols)
	split := container.NewHSplit(b.tableBox, container.NewVScroll(b.detail.content))
	split.Offset = 0.74 // the detail pane wraps its text; the table's columns do not
	b.win.SetContent(container.NewBorder(container.NewPadded(top), nil, nil, nil, split))
	b.win.Resize(secondWindowSize)
	return b
}

// newItemTable is the board's table: sortable by every column, overdue
// rows filled red.
func newItemTable(b *followUpBoard) *sortTable[followup.Item] {
	loc := b.d.loc
	var priorities, states []string
	for _, p := range followup.Priorities {
		priorities = append(priorities, priorityLabel(p))
	}
	for _, s := range followup.States {
		states = append(states, itemStateLabel(s))
	}
	// The columns of words fit them whole in either language; the last
	// takes what is left (fillLastColumn).
	dueTitle, priorityTitle, stateTitle := lang.L("Due by"), lang.L("Priority"), lang.L("State")
	t := newSortTable([]tableCol[followup.Item]{
		{title: lang.L("Matter"), width: 140, text: func(it followup.Item) string { return it.Text },
			compare: func(a, c followup.Item) int { return strings.Compare(a.Text, c.Text) }},
		{title: lang.L("Unit"), width: 84, text: func(it followup.Item) string { return it.Unit },
			compare: func(a, c followup.Item) int { return strings.Compare(a.Unit, c.Unit) }},
		{title: lang.L("Person"), width: 64, text: func(it followup.Item) string { return it.Person },
			compare: func(a, c followup.Item) int { return strings.Compare(a.Person, c.Person) }},
		{title: dueTitle, width: fitColumn(90, dueTitle, lang.L("{{.Date}} overdue", map[string]any{"Date": dayMonth(calendar.NewDate(2026, 12, 30))})),
			text:    func(it followup.Item) string { return b.dueText(it) },
			compare: func(a, c followup.Item) int { return a.Due.Compare(c.Due) }},
		{title: priorityTitle, width: fitColumn(60, priorityTitle, priorities...), text: func(it followup.Item) string { return priorityLabel(it.Priority) },
			compare: func(a, c followup.Item) int {
				return cmp.Compare(slices.Index(followup.Priorities, a.Priority), slices.Index(followup.Priorities, c.Priority))
			},
			importance: func(it followup.Item) widget.Importance { return priorityImportance(it.Priority) }},
		{title: stateTitle, width: fitColumn(60, stateTitle, states...), text: func(it followup.Item) string { return itemStateLabel(it.State) },
			compare: func(a, c followup.Item) int {
				return cmp.Compare(slices.Index(followup.States, a.State), slices.Index(followup.States, c.State))
			}},
		{title: lang.L("Latest progress"), width: 120, text: func(it followup.Item) string { return latestText(it, loc()) },
			compare: func(a, c followup.Item) int { return latestAt(a).Compare(latestAt(c)) }},
	}, func(it followup.Item) { b.choose(it) })
	t.sortCol = 3 // by due date, the soonest first
	t.Table.CreateCell = func() fyne.CanvasObject {
		red := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
		return container.NewStack(canvas.NewRectangle(color.Transparent), &widget.Label{Truncation: fyne.TextTruncateEllipsis},
			container.NewThemeOverride(red, overdueTheme{}))
	}
	t.Table.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) { b.updateCell(t, id, o) }
	return t
}

// overdueTheme writes an overdue row's text in dark red.
type overdueTheme struct{}

func (overdueTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameForeground {
		return colorOverdueText
	}
	return fyne.CurrentApp().Settings().Theme().Color(n, v)
}
func (overdueTheme) Font(s fyne.TextStyle) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Font(s)
}
func (overdueTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Icon(n)
}
func (overdueTheme) Size(n fyne.ThemeSizeName) float32 {
	return fyne.CurrentApp().Settings().Theme().Size(n)
}

// itemCell is the parts of a table cell: its fill, its label and the
// dark red label of an overdue row.
func itemCell(o fyne.CanvasObject) (*canvas.Rectangle, *widget.Label, *widget.Label) {
	stack := o.(*fyne.Container)
	return stack.Objects[0].(*canvas.Rectangle), stack.Objects[1].(*widget.Label),
		stack.Objects[2].(*container.ThemeOverride).Content.(*widget.Label)
}

// updateCell fills a cell: an overdue row pale red with dark red text,
// any other as the column says.
func (b *followUpBoard) updateCell(t *sortTable[followup.Item], id widget.TableCellID, o fyne.CanvasObject) {
	fill, l, red := itemCell(o)
	if id.Row >= len(t.rows) || id.Col >= len(t.cols) {
		l.SetText("")
		red.Hide()
		fill.FillColor = color.Transparent
		fill.Refresh()
		return
	}
	c, it := t.cols[id.Col], t.rows[id.Row]
	text := c.text(it)
	chosen := it.ID == b.chosen
	if it.Overdue(b.today) {
		fill.FillColor = colorOverdueFill
		if chosen {
			fill.FillColor = colorOverdueChosen
		}
		l.Hide()
		red.SetText(text)
		red.Show()
	} else {
		fill.FillColor = color.Transparent
		if chosen {
			fill.FillColor = theme.Color(theme.ColorNameSelection)
		}
		red.Hide()
		l.Importance = widget.MediumImportance
		if c.importance != nil {
			l.Importance = c.importance(it)
		}
		l.SetText(text)
		l.Show()
	}
	fill.Refresh()
}

// dueText is the due date, saying when it has passed.
func (b *followUpBoard) dueText(it followup.Item) string {
	if it.Overdue(b.today) {
		return lang.L("{{.Date}} overdue", map[string]any{"Date": dayMonth(it.Due)})
	}
	return dayMonth(it.Due)
}

// latestText is the latest progress report: "11月24日 已完成排查".
func latestText(it followup.Item, loc *time.Location) string {
	r, ok := it.Latest()
	if !ok {
		return ""
	}
	return dayMonth(calendar.DateOf(r.At.In(loc))) + " " + r.Text
}

// latestAt is when the latest report came; zero without one.
func latestAt(it followup.Item) time.Time {
	r, _ := it.Latest()
	return r.At
}

// filter is what the controls select.
func (b *followUpBoard) filter() followup.Filter {
	f := followup.Filter{LeaderID: b.d.leader().ID, Text: b.search.Text, Today: b.today, Overdue: b.overdue.Checked}
	if i := b.state.SelectedIndex(); i >= 2 {
		f.State = followup.States[i-2]
	}
	if b.unit.SelectedIndex() > 0 {
		f.Unit = b.unit.Selected
	}
	if b.thisWeek.Checked {
		monday := calendar.WeekStart(b.today)
		f.DueFrom, f.DueTo = monday, monday.AddDays(6)
	}
	return f
}

// reload reads the counts and the items the filters select.
func (b *followUpBoard) reload() {
	d := b.d
	if b.detail == nil {
		return // still being built
	}
	b.today = d.today()
	b.win.SetTitle(lang.L("Follow-up") + " · " + d.leader().Name)
	c, err := d.svc.Count(d.ctx(), d.leader().ID, b.today)
	if err != nil {
		b.counts.SetText(errorText(err))
		return
	}
	b.counts.SetText(lang.L("Follow-up {{.Open}} · overdue {{.Overdue}}", map[string]any{"Open": c.Open, "Overdue": c.Overdue}))
	b.counts.Importance = widget.MediumImportance
	if c.Overdue > 0 {
		b.counts.Importance = widget.DangerImportance
	}
	b.counts.Refresh()
	items, err := d.svc.Items(d.ctx(), b.filter())
	if err != nil {
		b.counts.SetText(errorText(err))
		return
	}
	if b.state.SelectedIndex() == 0 {
		items = slices.DeleteFunc(items, func(it followup.Item) bool { return it.State == followup.StateClosed })
	}
	b.refreshUnits()
	b.table.setRows(items)
	b.detail.refresh()
}

// refreshUnits offers the units of the leader's items in the unit filter.
func (b *followUpBoard) refreshUnits() {
	d := b.d
	all, err := d.svc.Items(d.ctx(), followup.Filter{LeaderID: d.leader().ID, Today: b.today})
	if err != nil {
		return
	}
	var units []string
	for _, it := range all {
		if !slices.Contains(units, it.Unit) {
			units = append(units, it.Unit)
		}
	}
	slices.Sort(units)
	if slices.Equal(units, b.units) {
		return
	}
	b.units = units
	chosen := b.unit.Selected
	b.unit.OnChanged = nil
	b.unit.SetOptions(append([]string{allUnitsLabel()}, units...))
	if !slices.Contains(units, chosen) {
		chosen = allUnitsLabel()
	}
	b.unit.SetSelected(chosen)
	b.unit.OnChanged = func(string) { b.reload() }
}

// row returns the table row of the item with text, for tests.
func (b *followUpBoard) row(text string) (int, bool) {
	for i, it := range b.table.rows {
		if it.Text == text {
			return i, true
		}
	}
	return 0, false
}

// choose shows it in the detail pane and highlights its whole row.
func (b *followUpBoard) choose(it followup.Item) {
	b.chosen = it.ID
	b.detail.show(it)
	b.table.Refresh()
}

// open selects the item with text, as a click on its row does.
func (b *followUpBoard) open(text string) bool {
	i, ok := b.row(text)
	if ok {
		b.table.Select(widget.TableCellID{Row: i, Col: 0})
	}
	return ok
}
