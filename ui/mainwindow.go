package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/imports"
	"anteroom/calendar/remind"
	"anteroom/calendar/review"
)

const (
	prefLeader        = "leader"         // preference key: the leader shown last
	prefHideCancelled = "hide_cancelled" // preference key: View → Show cancelled is off
)

// mainWindow is the secretary's desk: the week of one leader, the chosen
// day's agenda and the details of the engagement under the pointer.
type mainWindow struct {
	app       fyne.App
	win       fyne.Window
	svc       *calendar.Service // booking
	deskSvc   *desk.Service
	reviewSvc *review.Service
	importSvc *imports.Service
	reminders *remind.Service // nil: no reminders

	leaders []calendar.Leader
	leader  calendar.Leader
	loc     *time.Location
	items   []calendar.Engagement // the week shown

	grid         *weekGrid
	views        viewSwitch // the day and month views beside the week
	agenda       *agendaPane
	detail       *detailPane
	weekButton   *widget.Button
	leaderSelect *widget.Select
	emptyState   *fyne.Container
	toolbar      *fyne.Container
	notices      *fyne.Container // under the toolbar: what holds while the window is open
	busySlot     *fyne.Container // the open list of a "+N", for tests
	search       *searchDialog   // the open search, for tests
	// showCancelled is View → Show cancelled, checked when they are drawn.
	showCancelled *fyne.MenuItem
	status        *widget.Label
	editor        *editor // the open editor, for tests
	capacity      *widget.Label
	user          string // the secretary, named in the override log
	avail         calendar.Availability
	settings      *settings // the open settings, for tests
	importer      *importer // the running import, for tests
	exporter      *exporter // the open export dialog, for tests
	sync          *syncer
	accounts      *accountsDialog  // the open accounts dialog, for tests
	conflicts     *conflictsDialog // the open conflicts list, for tests
	follow        *followUpDesk    // minutes and follow-up
	visits        *visitsDesk      // visit requests and briefing materials
	week          *weekDesk        // the Friday review and next week's plan
	reminderList  *reminderList    // the open reminder list, for tests
	leadersDlg    *leadersDialog   // the open leaders dialog, for tests
	firstRun      *firstRunDialog  // the first-run dialog, for tests
	// goAsync runs slow work off the UI thread, then done on it; tests run
	// both inline.
	goAsync func(work, done func())
	undo    undoStack // the changes Edit → Undo takes back
}

// newMainWindow builds the desk in win for the service's leaders, creating
// a first leader on an empty database.
func newMainWindow(a fyne.App, win fyne.Window, svcs Services) (*mainWindow, error) {
	m := &mainWindow{app: a, win: win, svc: svcs.Booking, deskSvc: svcs.Desk, reviewSvc: svcs.Review, importSvc: svcs.Imports, reminders: svcs.Reminders, user: systemUserName(), goAsync: inBackground}
	svc := m.svc
	fresh, err := m.isFreshDatabase()
	if err != nil {
		return nil, err
	}
	if err := m.loadLeaders(); err != nil {
		return nil, err
	}
	m.grid = newWeekGrid(m.loc, svc.Now)
	m.grid.hideCancelled = a.Preferences().Bool(prefHideCancelled)
	m.grid.workingHours = m.workingHours
	m.grid.dayNote = m.dayNote
	m.grid.onOpen = m.openEngagement
	m.grid.onHover = func(e *calendar.Engagement) { m.detail.show(e, m.loc) }
	m.grid.onCreateAt = m.newEngagementAt
	m.grid.onSelectDay = func(calendar.Date) { m.showAgenda() }
	m.grid.onMore = m.showBusySlot
	m.initViews()
	m.grid.onDragCheck, m.grid.onDrop = m.checkDrag, m.dropDrag
	m.agenda = newAgendaPane(m.openEngagement)
	m.detail = newDetailPane()
	m.detail.markOf = m.grid.markOf
	m.follow = newFollowUpDesk(m, svcs.FollowUp)
	m.detail.hasMinutes, m.detail.onMinutes = m.follow.canHaveMinutes, func(e calendar.Engagement) { m.follow.openMinutes(e) }
	m.status = &widget.Label{SizeName: theme.SizeNameCaptionText}
	m.sync = newSyncer(m)

	m.capacity = &widget.Label{}
	m.weekButton = &widget.Button{Importance: widget.LowImportance, OnTapped: m.pickWeek}
	m.leaderSelect = widget.NewSelect(nil, m.onLeaderChosen)
	m.refreshLeaderSelect()

	m.toolbar = container.NewHBox(
		&widget.Button{Text: lang.L("Today"), OnTapped: m.goToday},
		m.views.switcher,
		&widget.Button{Text: lang.L("Export"), Icon: theme.Icon(theme.IconNameUpload), Importance: widget.LowImportance, OnTapped: func() { m.openExport(true) }},
		layout.NewSpacer(),
		m.capacity,
		m.sync.button,
		m.leaderSelect,
		&widget.Button{Icon: theme.Icon(theme.IconNameSettings), Importance: widget.LowImportance, OnTapped: m.openSettings},
		&widget.Button{Text: lang.L("New"), Icon: theme.Icon(theme.IconNameContentAdd), Importance: widget.HighImportance, OnTapped: m.newEngagement},
	)
	sample := &widget.Button{Text: lang.L("Load a sample week"), Importance: widget.HighImportance, OnTapped: m.loadSampleWeek}
	m.emptyState = container.NewCenter(widget.NewCard(lang.L("No engagements yet"),
		lang.L("Double-click a free slot or press Ctrl+N to book one, or start from a sample week."),
		container.NewCenter(sample)))
	side := container.NewVSplit(container.NewBorder(m.views.mini.content, nil, nil, nil, m.agenda.content), container.NewVScroll(m.detail.content))
	side.Offset = 0.6
	split := container.NewHSplit(container.NewBorder(m.viewNavBar(), nil, nil, nil, container.NewStack(m.grid, m.views.month, m.emptyState)), side)
	split.Offset = 0.74
	m.notices = container.NewVBox()
	win.SetContent(container.NewBorder(container.NewVBox(m.toolbar, m.notices), container.NewBorder(nil, nil, m.status, nil, m.sync.status), nil, nil, split))
	win.SetMainMenu(m.menu())
	win.SetOnDropped(m.onDropped)
	win.SetOnClosed(m.rememberWindowSize)
	win.Canvas().SetOnTypedKey(m.onKey)
	win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { m.openSearch() })
	win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { m.newEngagement() })
	m.hookUndo()
	m.reload()
	m.grid.scrollToWorkday()
	// Only now: the first reload must not start work the caller cannot await.
	m.sync.attach(svcs.Sharing)
	if fresh {
		m.askFirstLeader()
	}
	return m, nil
}

func (m *mainWindow) menu() *fyne.MainMenu {
	m.showCancelled = fyne.NewMenuItem(lang.L("Show cancelled"), func() { m.setShowCancelled(m.grid.hideCancelled) })
	m.showCancelled.Checked = !m.grid.hideCancelled
	searchItem := fyne.NewMenuItem(lang.L("Search…"), m.openSearch)
	searchItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	newItem := fyne.NewMenuItem(lang.L("New engagement"), m.newEngagement)
	newItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("File"), newItem,
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Import .ics…"), m.pickImport),
			fyne.NewMenuItem(lang.L("Import a folder of .ics files…"), m.pickImportFolder),
			fyne.NewMenuItem(lang.L("Export .ics…"), func() { m.openExport(false) }),
			fyne.NewMenuItem(lang.L("Export this week…"), func() { m.openExport(true) }),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Accounts…"), m.openAccounts),
			fyne.NewMenuItem(lang.L("Sync now"), m.sync.start),
			fyne.NewMenuItem(lang.L("Sync conflicts…"), m.openSyncConflicts),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Load a sample week"), m.loadSampleWeek)),
		m.editMenu(),
		fyne.NewMenu(lang.L("View"), append(m.viewMenuItems(),
			m.views.prev,
			fyne.NewMenuItem(lang.L("Today"), m.goToday),
			m.views.next,
			fyne.NewMenuItem(lang.L("Go to date…"), m.pickWeek),
			searchItem,
			fyne.NewMenuItemSeparator(),
			m.showCancelled,
			fyne.NewMenuItem(lang.L("Reminders…"), m.openReminders))...),
		fyne.NewMenu(lang.L("Leaders"),
			fyne.NewMenuItem(lang.L("Manage leaders…"), func() { m.openLeaders() }),
			fyne.NewMenuItem(lang.L("Available time…"), m.openSettings),
			fyne.NewMenuItem(lang.L("Add leader…"), m.addLeader)),
		m.visitsMenu(),
		m.weekMenu(),
		m.follow.menu(),
		fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("Keyboard shortcuts…"), m.showKeyboardHelp)),
	)
}

// setShowCancelled draws or hides cancelled engagements and remembers it.
func (m *mainWindow) setShowCancelled(show bool) {
	m.grid.hideCancelled = !show
	m.showCancelled.Checked = show
	m.app.Preferences().SetBool(prefHideCancelled, !show)
	m.win.MainMenu().Refresh()
	m.reload()
}

// loadLeaders reads the leaders, creating the first one on a new database,
// and chooses the one shown last time.
func (m *mainWindow) loadLeaders() error {
	ctx := context.Background()
	first, err := m.svc.DefaultLeader(ctx, lang.L("Leader"))
	if err != nil {
		return err
	}
	if m.leaders, err = m.svc.Leaders(ctx); err != nil {
		return err
	}
	m.leader = first
	want := int64(m.app.Preferences().Int(prefLeader))
	for _, l := range m.leaders {
		if l.ID == want {
			m.leader = l
		}
	}
	m.loc, err = m.leader.Location()
	return err
}

func (m *mainWindow) refreshLeaderSelect() {
	names := m.pickerLeaders()
	m.leaderSelect.OnChanged = nil
	m.leaderSelect.SetOptions(names)
	m.leaderSelect.SetSelected(m.leader.Name)
	m.leaderSelect.OnChanged = m.onLeaderChosen
}

func (m *mainWindow) onLeaderChosen(name string) {
	for _, l := range m.leaders {
		if l.Name != name {
			continue
		}
		loc, err := l.Location()
		if err != nil {
			m.showError(err)
			return
		}
		m.leader, m.loc = l, loc
		m.app.Preferences().SetInt(prefLeader, int(l.ID))
		m.reload()
		return
	}
}

// reload reads the shown week from the store and redraws everything.
func (m *mainWindow) reload() {
	ctx := context.Background()
	monday := m.grid.monday // the first day shown
	items, err := m.svc.Agenda(ctx, m.leader, monday, monday.AddDays(m.shownDays()-1))
	if err != nil {
		m.showError(err)
		return
	}
	m.items = items
	if m.avail, err = m.svc.Availability(ctx, m.leader.ID); err != nil {
		m.showError(err)
		return
	}
	m.showCapacity(ctx)
	m.loadMarks(ctx, items)
	m.showItems(monday, items)
	m.followDetail()
	m.weekButton.SetText(m.viewTitle())
	m.win.SetTitle(lang.L("Anteroom — the leader's schedule") + " · " + m.leader.Name)
	m.showAgenda()
	m.status.SetText(m.viewStatus(items))
	// A week with engagements needs no count of the whole calendar, which
	// grows with its history.
	some := len(items) > 0
	if !some {
		total, err := m.svc.CountEngagements(ctx, m.leader.ID)
		if err != nil {
			m.showError(err)
			return
		}
		some = total > 0
	}
	m.emptyState.Hidden = some || !m.leader.Active() // an archived leader takes no sample week
	m.emptyState.Refresh()
	m.sync.localChanged()
}

func (m *mainWindow) showAgenda() {
	m.agenda.show(m.grid.selected, m.loc, m.shownItems()) // as the grid shows them
}

// goToWeek shows the week (or day, or month, as the view is) that holds d
// and selects d.
func (m *mainWindow) goToWeek(d calendar.Date) {
	m.grid.monday, m.grid.selected = m.firstShown(d), d
	m.reload()
}

func (m *mainWindow) goToday() { m.goToWeek(calendar.DateOf(m.svc.Now().In(m.loc))) }

// shiftWeek moves n weeks on, or days or months in those views.
func (m *mainWindow) shiftWeek(n int) { m.goToWeek(m.stepFrom(m.grid.selected, n)) }

func (m *mainWindow) pickWeek() {
	var d dialog.Dialog
	cal := newLocalCalendar(m.grid.selected.In(time.Local), func(t time.Time) {
		d.Hide()
		m.goToWeek(calendar.DateOf(t))
	})
	d = dialog.NewCustom(lang.L("Go to date…"), lang.L("Cancel"), cal, m.win)
	showDialog(m.win, d)
}

// newEngagement starts an engagement at the next whole hour of the
// selected day, or at 09:00 when that day is not today.
func (m *mainWindow) newEngagement() {
	now := m.svc.Now().In(m.loc)
	start := time.Date(m.grid.selected.Year, m.grid.selected.Month, m.grid.selected.Day, 9, 0, 0, 0, m.loc)
	if calendar.DateOf(now) == m.grid.selected && now.Hour() < 23 {
		start = now.Truncate(time.Hour).Add(time.Hour)
	}
	m.newEngagementAt(start, false)
}

func (m *mainWindow) newEngagementAt(start time.Time, allDay bool) {
	e := calendar.Engagement{LeaderID: m.leader.ID, Kind: calendar.KindMeeting, Start: start, End: start.Add(time.Hour),
		ZoneName: m.loc.String(), Status: calendar.StatusConfirmed, Classification: calendar.ClassInternal}
	if allDay {
		e.AllDay, e.StartDay = true, calendar.DateOf(start)
		e.EndDay = e.StartDay.AddDays(1)
		e.Start, e.End = e.StartDay.In(m.loc), e.EndDay.In(m.loc)
	}
	m.openEditor(e)
}

func (m *mainWindow) openEngagement(e calendar.Engagement) {
	m.detail.show(&e, m.loc)
	m.openEditor(e)
}

func (m *mainWindow) openEditor(e calendar.Engagement) {
	m.editor = m.trackedEditor(e, e)
	m.editor.attachReminder(m.reminders)
	m.editor.show()
}

func (m *mainWindow) loadSampleWeek() {
	if _, err := calendar.LoadSampleWeek(context.Background(), m.svc, m.leader, calendar.WeekStart(m.grid.selected)); err != nil {
		m.showError(err)
	}
	m.reload()
}

// inBackground runs work on its own goroutine and done on the UI thread.
func inBackground(work, done func()) {
	go func() {
		work()
		fyne.Do(done)
	}()
}

// showError reports err in a dialog, translating validation problems.
func (m *mainWindow) showError(err error) {
	showDialog(m.win, newErrorDialog(errorText(err), m.win))
}

// showErrorThen reports err and calls then once the dialog is dismissed.
func (m *mainWindow) showErrorThen(err error, then func()) {
	d := newErrorDialog(errorText(err), m.win)
	d.SetOnClosed(then)
	showDialog(m.win, d)
}

// errorf makes an error of an already translated message.
func errorf(msg string) error { return errors.New(msg) }

// errorText is the UI's one translator of errors: a
// calendar.Translatable in the UI's language, its Translatable arguments
// translated too and lists one per line; anything else as the error says.
func errorText(err error) string {
	var t calendar.Translatable
	if !errors.As(err, &t) {
		return err.Error()
	}
	return translated(t)
}

func translated(t calendar.Translatable) string {
	args := make(map[string]any, len(t.Args()))
	for k, v := range t.Args() {
		switch v := v.(type) {
		case calendar.Translatable:
			args[k] = translated(v)
		case []calendar.Translatable:
			parts := make([]string, len(v))
			for i, p := range v {
				parts[i] = translated(p)
			}
			args[k] = strings.Join(parts, "\n")
		default:
			args[k] = v
		}
	}
	return lang.X(t.Code(), t.Error(), args)
}

// workingHours is the leader's available time on d, overrides included,
// for shading the grid.
func (m *mainWindow) workingHours(d calendar.Date) []clockSpan {
	var out []clockSpan
	for _, h := range m.avail.HoursOn(d) {
		out = append(out, clockSpan{int(h.Start), int(h.End)})
	}
	return out
}

// dayNote marks holidays 休 and make-up workdays 班 in the day headers.
func (m *mainWindow) dayNote(d calendar.Date) string {
	o, ok := m.avail.Override(d)
	if !ok {
		return ""
	}
	switch o.Kind {
	case calendar.DayOff:
		return lang.L("Off")
	case calendar.Workday:
		return lang.L("Workday")
	}
	return lang.L("Special hours")
}

// showCapacity writes the week's receptions against the cap: "本周会客 4/6".
func (m *mainWindow) showCapacity(ctx context.Context) {
	n, limit, err := m.weekVisits(ctx)
	if err != nil {
		m.showError(err)
		return
	}
	m.capacity.Importance = widget.MediumImportance
	if limit == 0 {
		m.capacity.SetText(lang.L("Visits this week: {{.Count}}", map[string]any{"Count": n}))
		return
	}
	if n >= limit {
		m.capacity.Importance = widget.DangerImportance
	}
	m.capacity.SetText(lang.L("Visits this week {{.Count}}/{{.Cap}}", map[string]any{"Count": n, "Cap": limit}))
}
