package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// shortcut types Ctrl+key on the window, as the driver does.
func (d *uiDesk) shortcut(key fyne.KeyName) {
	d.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

// at is hh:mm on day in Shanghai, the tests' zone.
func at(day calendar.Date, hh, mm int) time.Time {
	return time.Date(day.Year, day.Month, day.Day, hh, mm, 0, 0, monday10.Location())
}

// monthCell is what the month view shows in day's cell: the bars drawn,
// the bars left out and the "+N more" link when shown.
type monthCell struct {
	shown, hidden []*block
	more          *moreLink
}

func (d *uiDesk) monthCell(day calendar.Date) monthCell {
	d.t.Helper()
	mg := d.m.views.month
	if !mg.Visible() {
		d.t.Fatal("the month view is not shown")
	}
	r := test.WidgetRenderer(mg).(*monthRenderer)
	i := daysBetween(mg.first, day)
	if i < 0 || i >= monthCells {
		d.t.Fatalf("%s is not in the month shown", day)
	}
	var c monthCell
	for j, en := range r.entries {
		if en.cell != i {
			continue
		}
		if r.blocks[j].Visible() {
			c.shown = append(c.shown, r.blocks[j])
		} else {
			c.hidden = append(c.hidden, r.blocks[j])
		}
	}
	if r.more[i].Visible() {
		c.more = r.more[i]
	}
	return c
}

func TestViewMenuToolbarAndShortcutsSwitchViews(t *testing.T) {
	d := newDesk(t)
	if d.m.views.kind != viewWeek || d.m.grid.days != 7 {
		t.Fatalf("a new desk opens in the %s view with %d columns, want the week", d.m.views.kind, d.m.grid.days)
	}
	d.menuItem(tr("Month view")).Action()
	if d.m.views.kind != viewMonth || !d.m.views.month.Visible() || d.m.grid.Visible() {
		t.Fatal("View → Month did not show the month grid instead of the week")
	}
	if d.menuItem(tr("Next month")) == nil || !d.menuItem(tr("Month view")).Checked {
		t.Fatal("the View menu does not name the month's steps or check Month")
	}
	d.shortcut(fyne.Key1)
	if d.m.views.kind != viewDay || !d.m.grid.Visible() || d.m.grid.days != 1 || d.m.grid.monday != d.m.grid.selected {
		t.Fatalf("Ctrl+1 shows the %s view, %d columns from %s", d.m.views.kind, d.m.grid.days, d.m.grid.monday)
	}
	if len(d.m.grid.dayButtons) != 1 || d.m.grid.dayButtons[0].Text != longDate(monday10Date) {
		t.Fatal("the day view's header does not name the one day")
	}
	d.shortcut(fyne.Key3)
	if d.m.views.kind != viewMonth {
		t.Fatal("Ctrl+3 did not show the month")
	}
	d.shortcut(fyne.Key2)
	if d.m.views.kind != viewWeek || d.m.grid.days != 7 || d.m.grid.monday != monday10Date {
		t.Fatal("Ctrl+2 did not bring back the week")
	}
	// The toolbar's switch: the current view is the highlighted one.
	test.Tap(d.m.views.buttons[0])
	if d.m.views.kind != viewDay || d.m.views.buttons[0].Importance != widget.HighImportance || d.m.views.buttons[1].Importance == widget.HighImportance {
		t.Fatal("the toolbar's Day did not switch and mark the day view")
	}
}

var monday10Date = calendar.NewDate(2026, 11, 23)

func TestMonthViewShowsItemsOnTheirDaysAndPlusNOpensTheDay(t *testing.T) {
	d := newDesk(t)
	d.win.Resize(small)
	wed, thu, dec2 := calendar.NewDate(2026, 11, 25), calendar.NewDate(2026, 11, 26), calendar.NewDate(2026, 12, 2)
	d.book("防汛会商", calendar.KindMeeting, at(wed, 9, 0), time.Hour)
	d.book("会见市长", calendar.KindVisit, at(dec2, 15, 30), time.Hour)
	const busy = 12
	for i := range busy {
		d.book(fmt.Sprintf("会议%02d", i), calendar.KindMeeting, at(thu, 8+i%8, 0), 30*time.Minute)
	}
	d.shortcut(fyne.Key3)

	if got := d.m.weekButton.Text; got != monthTitle(2026, time.November) {
		t.Fatalf("the month view is titled %q", got)
	}
	c := d.monthCell(wed)
	if len(c.shown) != 1 || c.shown[0].item.Title != "防汛会商" || c.more != nil {
		t.Fatalf("Wednesday's cell shows %d bars, more %v", len(c.shown), c.more)
	}
	if c.shown[0].title != "09:00 防汛会商" {
		t.Fatalf("Wednesday's bar reads %q, want the time then the title", c.shown[0].title)
	}
	if c := d.monthCell(dec2); len(c.shown) != 1 || c.shown[0].item.Title != "会见市长" {
		t.Fatal("2 December's visit is not in its cell in the weeks after November")
	}
	if c := d.monthCell(monday10Date); len(c.shown)+len(c.hidden) != 0 {
		t.Fatal("Monday's cell lists engagements of other days")
	}
	c = d.monthCell(thu)
	if len(c.shown) == 0 || len(c.shown) >= busy || c.more == nil {
		t.Fatalf("the busy Thursday shows %d of %d bars, more %v", len(c.shown), busy, c.more)
	}
	if want := tr2("+{{.Count}} more", busy-len(c.shown)); c.more.Text() != want {
		t.Fatalf("the busy day says %q, want %q", c.more.Text(), want)
	}
	// Bars stay inside their cell.
	mg := d.m.views.month
	cellH := (mg.Size().Height - monthHeaderHeight) / 6
	for _, b := range c.shown {
		if b.Position().Y+b.Size().Height > monthHeaderHeight+5*cellH {
			t.Fatalf("bar %q runs out of its cell", b.item.Title)
		}
	}
	test.Tap(c.more)
	if d.m.views.kind != viewDay || d.m.grid.selected != thu || len(d.blocks()) != busy {
		t.Fatalf("+N more opened the %s view on %s with %d blocks", d.m.views.kind, d.m.grid.selected, len(d.blocks()))
	}
}

// tr2 translates a message with a count, as the UI does.
func tr2(key string, n int) string {
	return lang.L(key, map[string]any{"Count": n})
}

func TestMonthViewMarksStatusAndSharesSelectionAndEditor(t *testing.T) {
	d := newDesk(t)
	wed := calendar.NewDate(2026, 11, 25)
	cancelled := d.book("取消的会", calendar.KindMeeting, at(wed, 10, 0), time.Hour)
	d.setStatus(cancelled, calendar.StatusCancelled)
	cancelled.Status = calendar.StatusCancelled
	d.setStatus(d.book("待定的会", calendar.KindMeeting, at(wed, 11, 0), time.Hour), calendar.StatusTentative)
	d.book("例会", calendar.KindMeeting, at(wed, 14, 0), time.Hour)
	d.shortcut(fyne.Key3)

	bars := map[string]*block{}
	for _, b := range d.monthCell(wed).shown {
		bars[b.item.Title] = b
	}
	if len(bars) != 3 {
		t.Fatalf("Wednesday shows %d bars, want 3", len(bars))
	}
	if got := bars["取消的会"].title; got != "10:00 "+blockTitle(cancelled) {
		t.Fatalf("the cancelled bar reads %q", got)
	}
	if r := test.WidgetRenderer(bars["取消的会"]).(*blockRenderer); r.strike.Hidden {
		t.Fatal("the cancelled bar is not struck through")
	}
	if lookOf(bars["待定的会"].item).fill == lookOf(bars["例会"].item).fill {
		t.Fatal("the tentative bar looks like a confirmed one")
	}
	// View → Show cancelled off hides it here too.
	d.m.setShowCancelled(false)
	if n := len(d.monthCell(wed).shown); n != 2 {
		t.Fatalf("with cancelled hidden Wednesday shows %d bars", n)
	}

	// A click selects and shows the details; Enter and a double click open.
	test.Tap(d.monthBar(wed, "例会"))
	if d.m.grid.chosen == nil || d.m.grid.chosen.Title != "例会" || d.m.detail.title.Text != "例会" || d.m.editor != nil {
		t.Fatal("a click on a month bar did not select it into the detail pane")
	}
	if !d.monthBar(wed, "例会").selected || d.m.agenda.heading.Text != longDate(wed) {
		t.Fatal("the selected bar is not outlined, or the agenda is not on its day")
	}
	d.press(fyne.KeyReturn)
	if d.m.editor == nil || d.m.editor.original.Title != "例会" {
		t.Fatal("Enter did not open the selected bar")
	}
	d.m.editor.dialog.Hide()
	test.DoubleTap(d.monthBar(wed, "待定的会"))
	if d.m.editor.original.Title != "待定的会" || !d.m.editor.visible() {
		t.Fatal("a double click did not open the bar in the editor")
	}
	d.m.editor.dialog.Hide()

	// A search result found from the month view is outlined there.
	d.m.openSearch()
	test.Type(d.m.search.query, "待定")
	test.Tap(d.m.search.results.Objects[0].(*widget.Button))
	if d.m.views.kind != viewMonth || !d.monthBar(wed, "待定的会").selected || d.monthBar(wed, "例会").selected {
		t.Fatal("the search result is not the outlined bar of the month")
	}
}

func (d *uiDesk) monthBar(day calendar.Date, title string) *block {
	d.t.Helper()
	for _, b := range d.monthCell(day).shown {
		if b.item.Title == title {
			return b
		}
	}
	d.t.Fatalf("no bar %q on %s", title, day)
	return nil
}

func TestDayViewShowsTheDaysItemsWithLanesAndPlusN(t *testing.T) {
	d := newDesk(t)
	d.win.Resize(small)
	tue := calendar.NewDate(2026, 11, 24)
	d.book("周一例会", calendar.KindMeeting, at(monday10Date, 9, 0), time.Hour)
	d.book("周二调研", calendar.KindActivity, at(tue, 9, 0), 2*time.Hour)
	d.shortcut(fyne.Key1)
	if len(d.blocks()) != 1 || d.blockTitled("周一例会") == nil {
		t.Fatalf("Monday's day view draws %d blocks", len(d.blocks()))
	}
	if w := d.blockTitled("周一例会").Size().Width; w < d.m.grid.body.Size().Width/2 {
		t.Fatalf("a lone block in the day view is %v wide of %v", w, d.m.grid.body.Size().Width)
	}
	d.press(fyne.KeyRight)
	if d.m.grid.selected != tue || len(d.blocks()) != 1 || d.blockTitled("周二调研") == nil {
		t.Fatal("the next day does not show Tuesday's engagement alone")
	}
	if d.m.agenda.heading.Text != longDate(tue) || d.m.weekButton.Text != longDate(tue) {
		t.Fatal("the agenda or the title does not follow the day shown")
	}
	// Double-clicking a free slot books on that day.
	d.m.grid.body.DoubleTapped(&fyne.PointEvent{Position: fyne.NewPos(gutterWidth+100, 15*hourHeight+2)})
	if d.m.editor == nil || !d.m.editor.original.Start.Equal(at(tue, 15, 0)) {
		t.Fatal("a double click in the day view did not start an engagement at that hour")
	}
	d.m.editor.dialog.Hide()

	// The week's lanes and "+N" hold in one wide column.
	const n = 30
	for i := range n {
		d.book(fmt.Sprintf("会议%02d", i), calendar.KindMeeting, at(tue, 14, 15*(i%3)), 2*time.Hour)
	}
	var visible int
	for _, b := range d.blocks() {
		if b.Visible() && b.item.Title != "周二调研" {
			visible++
			if b.Size().Width < minBlockWidth-2 {
				t.Fatalf("block %q is %v wide", b.item.Title, b.Size().Width)
			}
		}
	}
	more := d.moreMarkers()
	if visible <= 7 || len(more) != 1 || more[0].Text != fmt.Sprintf("+%d", n-visible) {
		t.Fatalf("the day view shows %d side by side and markers %v", visible, more)
	}
}

func TestNavigationStepsByTheView(t *testing.T) {
	d := newDesk(t)
	steps := []struct {
		do           func()
		view         viewKind
		selected     calendar.Date
		first, title string
	}{
		{func() { d.shortcut(fyne.Key1) }, viewDay, calendar.NewDate(2026, 11, 23), "2026-11-23", ""},
		{func() { d.press(fyne.KeyRight) }, viewDay, calendar.NewDate(2026, 11, 24), "2026-11-24", ""},
		{func() { d.press(fyne.KeyPageUp) }, viewDay, calendar.NewDate(2026, 11, 23), "2026-11-23", ""},
		{func() { d.menuItem(tr("Previous day")).Action() }, viewDay, calendar.NewDate(2026, 11, 22), "2026-11-22", ""},
		{func() { d.shortcut(fyne.Key2) }, viewWeek, calendar.NewDate(2026, 11, 22), "2026-11-16", ""},
		{func() { d.menuItem(tr("Next week")).Action() }, viewWeek, calendar.NewDate(2026, 11, 29), "2026-11-23", ""},
		{func() { d.shortcut(fyne.Key3) }, viewMonth, calendar.NewDate(2026, 11, 29), "2026-10-26", monthTitle(2026, time.November)},
		{func() { d.press(fyne.KeyPageDown) }, viewMonth, calendar.NewDate(2026, 12, 29), "2026-11-30", monthTitle(2026, time.December)},
		{func() { d.m.goToWeek(calendar.NewDate(2027, 1, 31)) }, viewMonth, calendar.NewDate(2027, 1, 31), "2026-12-28", monthTitle(2027, time.January)},
		// February has no 31st: the step keeps to its last day.
		{func() { d.menuItem(tr("Next month")).Action() }, viewMonth, calendar.NewDate(2027, 2, 28), "2027-02-01", monthTitle(2027, time.February)},
		{func() { d.press(fyne.KeyT) }, viewMonth, calendar.NewDate(2026, 11, 23), "2026-10-26", monthTitle(2026, time.November)},
	}
	for i, s := range steps {
		s.do()
		if d.m.views.kind != s.view || d.m.grid.selected != s.selected || d.m.grid.monday.String() != s.first {
			t.Fatalf("step %d: the %s view selects %s from %s; want the %s view, %s from %s",
				i, d.m.views.kind, d.m.grid.selected, d.m.grid.monday, s.view, s.selected, s.first)
		}
		if s.title != "" && d.m.weekButton.Text != s.title {
			t.Fatalf("step %d: titled %q, want %q", i, d.m.weekButton.Text, s.title)
		}
	}
}

func TestMiniMonthJumpsToADateInTheViewShown(t *testing.T) {
	d := newDesk(t)
	mm := d.m.views.mini
	if mm.title.Text != monthTitle(2026, time.November) {
		t.Fatalf("the navigator shows %q", mm.title.Text)
	}
	d.book("年终总结会", calendar.KindMeeting, at(calendar.NewDate(2026, 12, 9), 9, 0), time.Hour)
	// Its arrows browse without moving the desk.
	mm.browse(1)
	if mm.title.Text != monthTitle(2026, time.December) || d.m.grid.monday != monday10Date {
		t.Fatal("browsing the navigator moved the desk, or did not turn the page")
	}
	dec9 := calendar.NewDate(2026, 12, 9)
	mm.days.Tapped(&fyne.PointEvent{Position: mm.days.posOf(dec9)})
	if d.m.grid.selected != dec9 || d.m.grid.monday != calendar.NewDate(2026, 12, 7) || d.blockTitled("年终总结会") == nil {
		t.Fatalf("clicking 9 December shows the week of %s selecting %s", d.m.grid.monday, d.m.grid.selected)
	}
	// In the day view it goes to that day; in the month view to its month.
	d.shortcut(fyne.Key1)
	jan4 := calendar.NewDate(2027, 1, 4)
	mm.browse(1)
	mm.days.Tapped(&fyne.PointEvent{Position: mm.days.posOf(jan4)})
	if d.m.views.kind != viewDay || d.m.grid.monday != jan4 {
		t.Fatalf("in the day view the navigator went to %s", d.m.grid.monday)
	}
	d.shortcut(fyne.Key3)
	mm.browse(-1)
	mm.days.Tapped(&fyne.PointEvent{Position: mm.days.posOf(dec9)})
	if d.m.weekButton.Text != monthTitle(2026, time.December) || len(d.monthCell(dec9).shown) != 1 {
		t.Fatal("in the month view the navigator did not open December with its engagement")
	}
	// The navigator follows the desk.
	if mm.title.Text != monthTitle(2026, time.December) || mm.selected != dec9 {
		t.Fatal("the navigator does not mark the selected day")
	}
}

func TestMonthAndWeekdayNamesFollowTheLanguage(t *testing.T) {
	want := map[bool][4]string{
		true:  {"2026年11月", "12月1日", "一", "2026年11月23日 周一"},
		false: {"November 2026", "1 Dec", "Mo", "Mon 23 Nov 2026"},
	}[chinese()]
	got := [4]string{monthTitle(2026, time.November), monthDayLabel(calendar.NewDate(2026, 12, 1)), weekdayNarrow(time.Monday), longDate(monday10Date)}
	if got != want {
		t.Fatalf("names %q, want %q", got, want)
	}
	d := newDesk(t)
	d.shortcut(fyne.Key3)
	r := test.WidgetRenderer(d.m.views.month).(*monthRenderer)
	if r.weekdays[0].Text != weekdayShort(time.Monday) || r.weekdays[6].Text != weekdayShort(time.Sunday) {
		t.Fatalf("the month's columns are %q…%q", r.weekdays[0].Text, r.weekdays[6].Text)
	}
}

func TestViewLeaderAndWindowSizeAreRememberedOnANewWindow(t *testing.T) {
	d := newDesk(t)
	second := calendar.Leader{Name: "李局长", ZoneName: "Asia/Shanghai"}
	if err := d.svc.AddLeader(t.Context(), &second); err != nil {
		t.Fatal(err)
	}
	svcs := Services{Booking: d.svc, Desk: d.dk, Review: d.rv}
	// A window of this run, closed by the user (not a temporary one, which
	// the test driver cannot close twice).
	win := test.NewWindow(nil)
	m, err := newMainWindow(fyne.CurrentApp(), win, svcs)
	if err != nil {
		t.Fatal(err)
	}
	m.leaderSelect.SetSelected("李局长")
	win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key3, Modifier: fyne.KeyModifierShortcutDefault})
	win.Resize(fyne.NewSize(1400, 900))
	win.Close()

	// The next run.
	next := test.NewTempWindow(t, nil)
	m, err = newMainWindow(fyne.CurrentApp(), next, svcs)
	if err != nil {
		t.Fatal(err)
	}
	if m.views.kind != viewMonth || !m.views.month.Visible() || m.grid.Visible() || m.weekButton.Text != monthTitle(2026, time.November) {
		t.Fatalf("the new window opens in the %s view", m.views.kind)
	}
	if m.leader.Name != "李局长" || m.leaderSelect.Selected != "李局长" {
		t.Fatalf("the new window shows %s", m.leader.Name)
	}
	if got := rememberedWindowSize(fyne.CurrentApp().Preferences()); got != fyne.NewSize(1400, 900) {
		t.Fatalf("the window size remembered is %v", got)
	}
}

func TestWindowSizeDefaultsWhenNoneOrTooSmallIsRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	if got := rememberedWindowSize(a.Preferences()); got != mainWindowSize {
		t.Fatalf("with nothing remembered the window opens at %v", got)
	}
	a.Preferences().SetString(prefWindowSize, "200x100")
	if got := rememberedWindowSize(a.Preferences()); got != mainWindowSize {
		t.Fatalf("a remembered 200×100 opens at %v", got)
	}
}
