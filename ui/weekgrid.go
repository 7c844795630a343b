package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// Grid geometry, in Fyne units.
const (
	hourHeight  float32 = 44
	gutterWidth float32 = 52
	daysInWeek          = 7
	slotMinutes         = 30 // double-clicking books a slot of this grain
	firstHour           = 7  // the grid opens scrolled to this hour
)

// clockSpan is a part of a day given as minutes after midnight, end exclusive.
type clockSpan struct{ from, to int }

// weekGrid shows one leader's week: a header of days, an all-day row and a
// scrollable 24-hour body with working hours, the current time and every
// engagement as a coloured block.
type weekGrid struct {
	widget.BaseWidget

	// monday is the first day shown: the week's Monday, or in the day
	// view the day itself.
	monday calendar.Date
	// days is how many day columns are shown: 7, or 1 in the day view.
	days     int
	loc      *time.Location
	items    []calendar.Engagement
	marks    map[string]blockMark // clashes and overrides among items (gridmarks.go)
	selected calendar.Date
	// chosen is the engagement clicked last, nil when none.
	chosen *calendar.Engagement
	// hideCancelled leaves cancelled engagements out (View menu).
	hideCancelled bool
	now           func() time.Time
	// workingHours says which parts of a day are the leader's available time.
	workingHours func(calendar.Date) []clockSpan
	// dayNote marks a day in its header: a holiday, a make-up workday.
	dayNote func(calendar.Date) string

	onOpen      func(calendar.Engagement)
	onHover     func(*calendar.Engagement)
	onCreateAt  func(start time.Time, allDay bool)
	onSelectDay func(calendar.Date)
	// onMore lists the engagements of a slot too busy to draw side by side.
	onMore func([]calendar.Engagement)
	// onDragCheck returns the booking rules' findings for a dragged
	// block's proposed time; onDrop saves the drop (see weekgrid_drag.go).
	onDragCheck func(calendar.Engagement) []calendar.Finding
	onDrop      func(before, after calendar.Engagement)
	drag        *blockDrag           // the drag under way, nil when none
	dragShown   *calendar.Engagement // the proposal the ghost shows
	// dragFindings are the findings for dragShown.
	dragFindings []calendar.Finding

	dayButtons []*widget.Button
	header     *fyne.Container
	allDay     *allDayRow
	body       *timeGrid
	scroll     *container.Scroll
	content    fyne.CanvasObject
}

func newWeekGrid(loc *time.Location, now func() time.Time) *weekGrid {
	g := &weekGrid{loc: loc, now: now, days: daysInWeek, workingHours: func(calendar.Date) []clockSpan { return nil }}
	g.ExtendBaseWidget(g)
	today := calendar.DateOf(now().In(loc))
	g.monday, g.selected = calendar.WeekStart(today), today

	g.header = container.New(&columnsLayout{gutter: gutterWidth})
	g.setDays(daysInWeek)
	g.allDay = newAllDayRow(g)
	g.body = newTimeGrid(g)
	g.scroll = container.NewVScroll(g.body)
	top := container.NewVBox(
		g.header,
		g.allDay,
		widget.NewSeparator(),
	)
	g.content = container.NewBorder(top, nil, nil, nil, g.scroll)
	g.refreshHeader()
	return g
}

// setDays makes the grid show n day columns, with a header button each;
// the caller then shows the days' engagements.
func (g *weekGrid) setDays(n int) {
	g.days = n
	g.dayButtons = g.dayButtons[:0]
	g.header.RemoveAll()
	for i := range n {
		b := &widget.Button{Importance: widget.LowImportance, OnTapped: func() { g.selectDay(g.monday.AddDays(i)) }}
		g.dayButtons = append(g.dayButtons, b)
		g.header.Add(b)
	}
}

// show replaces the week and its engagements and redraws.
func (g *weekGrid) show(monday calendar.Date, loc *time.Location, items []calendar.Engagement) {
	if g.hideCancelled {
		items = slices.DeleteFunc(slices.Clone(items), func(e calendar.Engagement) bool { return e.Status == calendar.StatusCancelled })
	}
	g.monday, g.loc, g.items = monday, loc, items
	if g.chosen != nil && !slices.ContainsFunc(items, g.isChosen) {
		g.chosen = nil // gone or in another week
	}
	g.refreshHeader()
	g.allDay.Refresh()
	g.body.Refresh()
}

// scrollToWorkday brings the morning into view, as calendars open.
func (g *weekGrid) scrollToWorkday() {
	g.scroll.Offset = fyne.NewPos(0, firstHour*hourHeight)
	g.scroll.Refresh()
}

func (g *weekGrid) selectDay(d calendar.Date) {
	g.selected = d
	g.refreshHeader()
	if g.onSelectDay != nil {
		g.onSelectDay(d)
	}
}

func (g *weekGrid) refreshHeader() {
	today := calendar.DateOf(g.now().In(g.loc))
	for i, b := range g.dayButtons {
		d := g.monday.AddDays(i)
		text := dayHeader(d)
		if g.days == 1 {
			text = longDate(d) // one column has room for the year
		}
		if g.dayNote != nil {
			if note := g.dayNote(d); note != "" {
				text += "\n" + note // its own line: beside the date it runs into the next day's
			}
		}
		b.SetText(text)
		switch {
		case g.days == 1:
			b.Importance = widget.LowImportance // the only day: no choice to mark
		case d == g.selected:
			b.Importance = widget.HighImportance
		case d == today:
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
}

// blockTitle is a block's text: the title, after the status when that is
// not confirmed, so 已取消 and 待定 read without a legend. English marks
// tentative with "?", short enough to leave the title room.
func blockTitle(e calendar.Engagement) string {
	switch e.Status {
	case calendar.StatusCancelled:
		return lang.L("block.cancelled", map[string]any{"Title": e.Title})
	case calendar.StatusTentative:
		return lang.L("block.tentative", map[string]any{"Title": e.Title})
	}
	return e.Title
}

// selectItem makes e the chosen engagement, outlines it and shows it in
// the detail pane.
func (g *weekGrid) selectItem(e calendar.Engagement) {
	g.chosen = &e
	g.selectDay(calendar.DateOf(e.Start.In(g.loc)))
	if g.onHover != nil {
		g.onHover(&e)
	}
	g.allDay.Refresh()
	g.body.Refresh()
}

// isChosen reports whether e (or this occurrence of it) is the chosen one.
func (g *weekGrid) isChosen(e calendar.Engagement) bool {
	return g.chosen != nil && g.chosen.ID == e.ID && g.chosen.SeriesID == e.SeriesID && g.chosen.Start.Equal(e.Start)
}

// newBlock makes a block that opens and describes its engagement through
// the grid's handlers.
func (g *weekGrid) newBlock() *block {
	b := newBlock()
	b.onSelect = g.selectItem
	b.onOpen = func(e calendar.Engagement) {
		g.selectItem(e)
		if g.onOpen != nil {
			g.onOpen(e)
		}
	}
	b.onHover = func(e *calendar.Engagement) {
		if g.onHover != nil {
			g.onHover(e)
		}
	}
	return b
}

// inAllDayRow reports whether an engagement is drawn as a bar across days
// rather than as a block in the hours: all-day items and anything lasting a
// day or more, as desktop calendars do.
func inAllDayRow(e calendar.Engagement) bool {
	return e.AllDay || e.End.Sub(e.Start) >= 24*time.Hour
}

func (g *weekGrid) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(g.content)
}

// columnsLayout lays objects out as equal day columns after a gutter.
type columnsLayout struct{ gutter float32 }

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	w := (size.Width - l.gutter) / float32(len(objs))
	for i, o := range objs {
		o.Move(fyne.NewPos(l.gutter+float32(i)*w, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.gutter+float32(len(objs))*40, h)
}

var _ fyne.Layout = (*columnsLayout)(nil)
