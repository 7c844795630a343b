package ui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// materialsBoard is the window of briefing materials: one column per
// state from expected to archived, overdue ones in red, every column
// searched and sorted alike. Tapping materials opens them, with the next
// step their state allows.
type materialsBoard struct {
	desk *visitsDesk
	win  fyne.Window

	search     *widget.Entry
	sort       *widget.Select
	summary    *widget.Label
	presentBtn *widget.Button
	newBtn     *widget.Button
	columns    []*boardColumn

	all   []desk.Material
	today calendar.Date

	detail  *materialDetail // the open dialogs, for tests
	present *presentDialog
	form    *materialForm
}

// boardColumn lists the materials in one state.
type boardColumn struct {
	state   desk.MaterialState
	heading *widget.Label
	list    *widget.List
	items   []desk.Material
}

// boardSort is one order the board can show materials in.
type boardSort struct {
	label   string
	compare func(a, b desk.Material) int
}

func boardSorts() []boardSort {
	return []boardSort{
		{lang.L("Due date"), func(a, b desk.Material) int {
			if a.Due.IsZero() != b.Due.IsZero() {
				return cmp.Compare(boolRank(a.Due.IsZero()), boolRank(b.Due.IsZero())) // undated last
			}
			return a.Due.Compare(b.Due)
		}},
		{lang.L("Title"), func(a, b desk.Material) int { return strings.Compare(a.Title, b.Title) }},
		{lang.L("From"), func(a, b desk.Material) int { return strings.Compare(a.From, b.From) }},
		{lang.L("Last change"), func(a, b desk.Material) int { return b.Updated.Compare(a.Updated) }},
	}
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func newMaterialsBoard(d *visitsDesk) *materialsBoard {
	b := &materialsBoard{desk: d, win: d.newWindow(lang.L("Briefing materials"))}
	b.search = &widget.Entry{PlaceHolder: lang.L("Search title, sender, instructions…"), OnChanged: func(string) { b.filter() }}
	b.search.ActionItem = widget.NewIcon(theme.Icon(theme.IconNameSearch))
	var labels []string
	for _, s := range boardSorts() {
		labels = append(labels, s.label)
	}
	b.sort = widget.NewSelect(labels, func(string) { b.filter() })
	b.summary = &widget.Label{}
	b.presentBtn = &widget.Button{Text: lang.L("Present when the leader is free…"), Icon: theme.Icon(theme.IconNameCalendar),
		OnTapped: func() { b.openPresent(0) }}
	b.newBtn = &widget.Button{Text: lang.L("New materials…"), Icon: theme.Icon(theme.IconNameContentAdd), Importance: widget.HighImportance,
		OnTapped: func() { b.newMaterial() }}

	cols := make([]fyne.CanvasObject, len(desk.MaterialStates))
	for i, s := range desk.MaterialStates {
		c := b.newColumn(s)
		b.columns = append(b.columns, c)
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		bg.CornerRadius = theme.InputRadiusSize()
		cols[i] = container.NewStack(bg, container.NewBorder(container.NewPadded(c.heading), nil, nil, nil, c.list))
	}
	b.sort.SetSelectedIndex(0)
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("Sort by")), b.sort),
		container.NewHBox(b.summary, b.presentBtn, b.newBtn), b.search)
	b.win.SetContent(container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewGridWithColumns(len(cols), cols...)))
	b.win.Resize(secondWindowSize)
	return b
}

func (b *materialsBoard) newColumn(s desk.MaterialState) *boardColumn {
	c := &boardColumn{state: s, heading: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}}
	c.list = &widget.List{
		Length: func() int { return len(c.items) },
		CreateItem: func() fyne.CanvasObject {
			return container.NewVBox(
				&widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
				&widget.Label{SizeName: theme.SizeNameCaptionText, Truncation: fyne.TextTruncateEllipsis},
				&widget.Label{SizeName: theme.SizeNameCaptionText, Truncation: fyne.TextTruncateEllipsis})
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(c.items) {
				b.updateCard(c.items[id], o.(*fyne.Container))
			}
		},
		OnSelected: func(id widget.ListItemID) {
			c.list.UnselectAll()
			if id < len(c.items) {
				b.open(c.items[id])
			}
		},
	}
	c.list.ExtendBaseWidget(c.list)
	return c
}

// updateCard fills a card: title, sender, and the date that matters in
// its state; overdue ones in red.
func (b *materialsBoard) updateCard(m desk.Material, card *fyne.Container) {
	title, from, when := card.Objects[0].(*widget.Label), card.Objects[1].(*widget.Label), card.Objects[2].(*widget.Label)
	loc := b.desk.loc()
	imp := widget.MediumImportance
	var w string
	switch m.State {
	case desk.MaterialExpected:
		if !m.Due.IsZero() {
			w = lang.L("Due {{.Date}}", map[string]any{"Date": dayHeader(m.Due)})
		}
		if m.Overdue(b.today) {
			imp = widget.DangerImportance
			w = lang.L("Overdue: due {{.Date}}", map[string]any{"Date": dayHeader(m.Due)})
		}
	case desk.MaterialReceived:
		w = lang.L("Received {{.When}}", map[string]any{"When": shortTime(m.Received, loc)})
	case desk.MaterialScheduled:
		w = lang.L("To present {{.When}}", map[string]any{"When": shortTime(m.SlotStart, loc)})
		if m.SlotPassed(b.desk.svc().Now()) {
			imp = widget.WarningImportance
			w = lang.L("Presented {{.When}}? Confirm it", map[string]any{"When": shortTime(m.SlotStart, loc)})
		}
	case desk.MaterialPresented:
		w = lang.L("Presented {{.When}}", map[string]any{"When": shortTime(m.Presented, loc)})
	case desk.MaterialInstructed:
		w = m.Instructions
	case desk.MaterialArchived:
		w = lang.L("Archived {{.When}}", map[string]any{"When": shortTime(m.Archived, loc)})
	}
	title.Importance, when.Importance = imp, imp
	title.SetText(m.Title)
	from.SetText(m.From)
	when.SetText(w)
}

// reload reads the leader's materials again.
func (b *materialsBoard) reload() {
	d := b.desk
	ms, err := d.deskSvc().Materials(d.ctx(), d.leader().ID, "")
	if err != nil {
		b.summary.SetText(errorText(err))
		return
	}
	b.all, b.today = ms, d.today()
	b.win.SetTitle(lang.L("Briefing materials") + " · " + d.leader().Name)
	b.filter()
}

// filter sorts the materials that match the search into their columns.
func (b *materialsBoard) filter() {
	if len(b.columns) == 0 {
		return // still building
	}
	sorts := boardSorts()
	order := sorts[max(b.sort.SelectedIndex(), 0)].compare
	overdue := 0
	for _, c := range b.columns {
		c.items = c.items[:0]
		for _, m := range b.all {
			if m.State == c.state && m.Matches(b.search.Text) {
				c.items = append(c.items, m)
			}
		}
		slices.SortStableFunc(c.items, order)
		c.heading.SetText(materialStateLabel(c.state) + " · " + strconv.Itoa(len(c.items)))
		c.list.Refresh()
	}
	for _, m := range b.all {
		if m.Overdue(b.today) {
			overdue++
		}
	}
	b.summary.Importance = widget.MediumImportance
	b.summary.SetText("")
	if overdue > 0 {
		b.summary.Importance = widget.DangerImportance
		b.summary.SetText(lang.L("{{.Count}} overdue", map[string]any{"Count": overdue}))
	}
}

// column returns the column of state s.
func (b *materialsBoard) column(s desk.MaterialState) *boardColumn {
	for _, c := range b.columns {
		if c.state == s {
			return c
		}
	}
	return nil
}

// open shows materials m with the step their state allows.
func (b *materialsBoard) open(m desk.Material) *materialDetail {
	b.detail = newMaterialDetail(b, m)
	b.detail.show()
	return b.detail
}
