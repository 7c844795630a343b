package ui

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"anteroom/assets"
	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/imports"
	"anteroom/calendar/remind"
	"anteroom/calendar/review"
	"anteroom/data"
)

// testClock is the injected clock of the reminder tests.
type testClock struct{ t time.Time }

func (c *testClock) Now() time.Time { return c.t }

// reminderDesk is the main window with reminders on a real SQLite file,
// its clock moved by the test, its notifications caught.
type reminderDesk struct {
	*uiDesk
	db     *data.DB
	clock  *testClock
	rem    *remind.Service
	ticker *reminderTicker
	sent   []*fyne.Notification
}

func newReminderDesk(t *testing.T, now time.Time) *reminderDesk {
	t.Helper()
	a := test.NewTempApp(t)
	if err := assets.LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	db, err := data.Open(filepath.Join(t.TempDir(), "anteroom.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	clk := &testClock{now}
	svc := calendar.NewService(db)
	svc.SetClock(clk.Now)
	leader := calendar.Leader{Name: "张书记", ZoneName: "Asia/Shanghai"}
	if err := svc.AddLeader(context.Background(), &leader); err != nil {
		t.Fatal(err)
	}
	dk := desk.NewService(svc, db.Desk(), filepath.Join(t.TempDir(), "files"))
	rem := remind.NewService(db.Reminders(), clk, remind.Engagements(svc, db.Reminders()), remind.Materials(dk))
	win := test.NewTempWindow(t, nil)
	m, err := newMainWindow(a, win, Services{Booking: svc, Desk: dk, Review: review.NewService(svc, dk, db.Review()),
		Imports: imports.NewService(svc, db), Reminders: rem})
	if err != nil {
		t.Fatal(err)
	}
	win.Resize(fyne.NewSize(1024, 700))
	m.goAsync = func(work, done func()) { work(); done() }
	d := &reminderDesk{uiDesk: &uiDesk{t: t, m: m, win: win, svc: svc, dk: dk, leader: leader}, db: db, clock: clk, rem: rem}
	d.ticker = &reminderTicker{svc: rem, loc: shanghaiLoc, notify: func(n *fyne.Notification) { d.sent = append(d.sent, n) }, onFired: m.refreshReminders}
	return d
}

var shanghaiLoc = mustLoad("Asia/Shanghai")

// tickAt moves the clock to now, lets the ticker check, and returns the
// notifications it sent.
func (d *reminderDesk) tickAt(now time.Time) []*fyne.Notification {
	d.t.Helper()
	d.clock.t = now
	before := len(d.sent)
	if _, err := d.ticker.check(context.Background()); err != nil {
		d.t.Fatalf("check at %s: %v", now.Format("15:04"), err)
	}
	return d.sent[before:]
}

func (d *reminderDesk) book(title string, start time.Time) calendar.Engagement {
	d.t.Helper()
	e := calendar.Engagement{LeaderID: d.leader.ID, Title: title, Kind: calendar.KindMeeting, Location: "第一会议室",
		Start: start, End: start.Add(time.Hour), ZoneName: "Asia/Shanghai"}
	if err := d.svc.Save(context.Background(), &e); err != nil {
		d.t.Fatal(err)
	}
	return e
}

func dec(day, hh, mm int) time.Time { return time.Date(2026, 12, day, hh, mm, 0, 0, shanghaiLoc) }

func TestAReminderPopsUpAQuarterBeforeAndOnlyOnce(t *testing.T) {
	d := newReminderDesk(t, dec(7, 9, 0))
	d.book("周例会", dec(7, 10, 0))
	if got := d.tickAt(dec(7, 9, 0)); len(got) != 0 {
		t.Fatalf("9:00: %d notifications", len(got))
	}
	if got := d.tickAt(dec(7, 9, 44)); len(got) != 0 {
		t.Fatalf("9:44: %d notifications", len(got))
	}
	got := d.tickAt(dec(7, 9, 45))
	if len(got) != 1 || got[0].Title != "周例会" || got[0].Content != "Meeting at 10:00 · 第一会议室" {
		t.Fatalf("9:45: %+v, want 周例会 / Meeting at 10:00 · 第一会议室", got)
	}
	for _, now := range []time.Time{dec(7, 9, 46), dec(7, 9, 59), dec(7, 10, 5)} {
		if got := d.tickAt(now); len(got) != 0 {
			t.Errorf("%s: %q again", now.Format("15:04"), got[0].Title)
		}
	}
}

func TestCatchingUpAfterSleepIsOneNotification(t *testing.T) {
	d := newReminderDesk(t, dec(7, 8, 0))
	for i, h := range []int{9, 9, 10, 10, 11, 11} {
		d.book("会议"+string(rune('A'+i)), dec(7, h, 15*i%60))
	}
	d.tickAt(dec(7, 8, 0))
	got := d.tickAt(dec(7, 12, 0))
	if len(got) != 1 {
		t.Fatalf("after sleeping 8:00–12:00: %d notifications, want one summary", len(got))
	}
	if got[0].Title != "6 reminders while the computer was away" {
		t.Errorf("summary title %q", got[0].Title)
	}
	lines := strings.Split(got[0].Content, "\n")
	if len(lines) != summaryLines+1 || lines[0] != "09:00 会议A" || !strings.Contains(lines[summaryLines], "2 more") {
		t.Errorf("summary lines %q, want the first %d by time and how many more", lines, summaryLines)
	}
	if got := d.tickAt(dec(7, 12, 1)); len(got) != 0 {
		t.Errorf("after the summary: %d more", len(got))
	}
}

func TestTheReminderListShowsWhatFired(t *testing.T) {
	d := newReminderDesk(t, dec(7, 8, 0))
	d.book("周例会", dec(7, 10, 0))
	d.book("常委会", dec(7, 11, 0))
	d.tickAt(dec(7, 8, 0))
	d.m.openReminders()
	l := d.m.reminderList
	if l.list.Length() != 0 || !l.empty.Visible() {
		t.Fatalf("before anything fired: %d rows, empty note shown %v", l.list.Length(), l.empty.Visible())
	}
	d.tickAt(dec(7, 9, 45))
	d.tickAt(dec(7, 10, 45))
	// The open list follows what fires.
	if l.list.Length() != 2 || l.empty.Visible() {
		t.Fatalf("after two reminders: %d rows, empty note %v", l.list.Length(), l.empty.Visible())
	}
	l.loc = shanghaiLoc
	var rows []string
	for _, f := range l.fired {
		rows = append(rows, reminderHeading(f.Reminder)+" | "+l.firedLine(f))
	}
	want := []string{
		"常委会 | Sent Mon 7 Dec 10:45 · Meeting at 11:00 · 第一会议室",
		"周例会 | Sent Mon 7 Dec 09:45 · Meeting at 10:00 · 第一会议室",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

func TestTheEditorSetsAnItemsOwnReminder(t *testing.T) {
	d := newReminderDesk(t, dec(7, 8, 0))
	quiet := d.book("碰头会", dec(7, 10, 0))
	early := d.book("常委会", dec(7, 11, 0))

	d.m.openEngagement(quiet)
	ed := d.m.editor
	if ed.reminder == nil || ed.reminder.sel.value() != leadDefault {
		t.Fatalf("editor reminder %+v, want the kind's default", ed.reminder)
	}
	ed.reminder.sel.setValue(-1) // No reminder
	test.Tap(ed.saveBtn)
	d.m.openEngagement(early)
	d.m.editor.reminder.sel.SetSelected(leadLabel(120))
	test.Tap(d.m.editor.saveBtn)

	if l, own, _ := d.rem.Lead(context.Background(), quiet.ID); !own || l.On() {
		t.Errorf("碰头会's lead %v (own %v), want none", l.Minutes(), own)
	}
	d.m.openEngagement(early)
	if v := d.m.editor.reminder.sel.value(); v != 120 {
		t.Errorf("reopened 常委会 shows %d minutes, want 120", v)
	}
	d.m.editor.dialog.Hide()

	d.tickAt(dec(7, 8, 0))
	if got := d.tickAt(dec(7, 9, 0)); len(got) != 1 || got[0].Title != "常委会" {
		t.Errorf("9:00: %v, want 常委会 two hours ahead", got)
	}
	if got := d.tickAt(dec(7, 9, 50)); len(got) != 0 {
		t.Errorf("9:50: %v, want nothing for 碰头会", got[0].Title)
	}
}

func TestTheDefaultsAreKeptInTheDatabase(t *testing.T) {
	d := newReminderDesk(t, dec(7, 8, 0))
	d.m.openReminders()
	l := d.m.reminderList
	l.kinds[calendar.KindMeeting].SetSelected(leadLabel(5))
	if got := d.rem.Settings().LeadFor(calendar.KindMeeting).Minutes(); got != 5 {
		t.Errorf("meeting lead %d after choosing 5 minutes", got)
	}
	// The next start of the window reads them back; the preferences,
	// which are rewritten in place, do not hold them.
	restarted := remind.NewService(d.db.Reminders(), d.clock)
	loadReminderDefaults(restarted, d.m.app.Preferences())
	if got := restarted.Settings().LeadFor(calendar.KindMeeting).Minutes(); got != 5 {
		t.Errorf("after a restart the meeting lead is %d, want 5", got)
	}
	if got := d.m.app.Preferences().IntWithFallback(prefRemindLead+string(calendar.KindMeeting), -2); got != -2 {
		t.Errorf("the preferences hold a meeting lead of %d", got)
	}
	d.book("周例会", dec(7, 10, 0))
	d.tickAt(dec(7, 8, 0))
	if got := d.tickAt(dec(7, 9, 45)); len(got) != 0 {
		t.Errorf("9:45 with a 5-minute default: %d", len(got))
	}
	if got := d.tickAt(dec(7, 9, 55)); len(got) != 1 {
		t.Errorf("9:55 with a 5-minute default: %d, want 1", len(got))
	}
}

func TestDefaultsAnEarlierVersionKeptInPreferencesMoveToTheDatabase(t *testing.T) {
	d := newReminderDesk(t, dec(7, 8, 0))
	prefs := d.m.app.Preferences()
	prefs.SetInt(prefRemindLead+string(calendar.KindMeeting), 60)
	prefs.SetInt(prefRemindLead+string(calendar.KindBlocked), 10)
	prefs.SetInt(prefRemindDueAt, 8*60)
	loadReminderDefaults(d.rem, prefs)

	want := remind.DefaultSettings()
	want.Before[calendar.KindMeeting], want.Before[calendar.KindBlocked] = remind.LeadMinutes(60), remind.LeadMinutes(10)
	want.DueAt = 8 * time.Hour
	stored, ok, err := d.db.Reminders().Defaults(context.Background())
	if err != nil || !ok {
		t.Fatalf("stored defaults: %v, %v", ok, err)
	}
	for _, got := range []remind.Settings{d.rem.Settings(), stored} {
		for _, k := range calendar.Kinds {
			if got.LeadFor(k) != want.LeadFor(k) {
				t.Errorf("%s: lead %d, want %d", k, got.LeadFor(k).Minutes(), want.LeadFor(k).Minutes())
			}
		}
		if got.DueAt != want.DueAt {
			t.Errorf("materials due at %v, want %v", got.DueAt, want.DueAt)
		}
	}
	if got := prefs.IntWithFallback(prefRemindDueAt, -2); got != -2 {
		t.Errorf("the preferences still hold due at %d after the move", got)
	}
	// Once the database holds them, it is what counts.
	prefs.SetInt(prefRemindLead+string(calendar.KindMeeting), 5)
	loadReminderDefaults(d.rem, prefs)
	if got := d.rem.Settings().LeadFor(calendar.KindMeeting).Minutes(); got != 60 {
		t.Errorf("meeting lead %d after a second start, want the stored 60", got)
	}
}

func TestDefaultsTheDatabaseRefusesStayAsTheyWere(t *testing.T) {
	d := newReminderDesk(t, dec(7, 8, 0))
	raw, err := sql.Open("sqlite", d.db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`CREATE TRIGGER refuse_defaults BEFORE INSERT ON reminder_defaults
		BEGIN SELECT RAISE(ABORT, 'disk says no'); END`); err != nil {
		t.Fatal(err)
	}
	d.m.openReminders()
	l := d.m.reminderList
	l.kinds[calendar.KindMeeting].SetSelected(leadLabel(5))
	if got := d.rem.Settings().LeadFor(calendar.KindMeeting).Minutes(); got != 15 {
		t.Errorf("meeting lead %d in use after a refused save, want 15", got)
	}
	if got := l.kinds[calendar.KindMeeting].value(); got != 15 {
		t.Errorf("the form shows %d after a refused save, want 15", got)
	}
	shown := strings.Join(labelsOf(d.win.Canvas().Overlays().Top()), "\n")
	if !strings.Contains(shown, lang.L("The reminder defaults were not saved: {{.Reason}}", map[string]any{"Reason": ""})) ||
		!strings.Contains(shown, "disk says no") {
		t.Errorf("the window says %q", shown)
	}
}

func TestOneOccurrenceOrTheWholeSeriesGetsTheReminder(t *testing.T) {
	d := newReminderDesk(t, dec(7, 8, 0))
	e := calendar.Engagement{LeaderID: d.leader.ID, Title: "晨会", Kind: calendar.KindMeeting,
		Start: dec(7, 9, 0), End: dec(7, 9, 30), ZoneName: "Asia/Shanghai", RRule: "FREQ=DAILY;COUNT=3"}
	if err := d.svc.Save(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	occurrence := func(day int) calendar.Engagement {
		es, err := d.svc.Between(context.Background(), d.leader.ID, dec(day, 0, 0), dec(day+1, 0, 0))
		if err != nil || len(es) != 1 {
			t.Fatalf("day %d: %v %v", day, es, err)
		}
		return es[0]
	}
	// Tuesday's alone: no reminder.
	d.m.openEngagement(occurrence(8))
	d.m.editor.scope.SetSelected(lang.L("This occurrence"))
	d.m.editor.reminder.sel.setValue(-1)
	test.Tap(d.m.editor.saveBtn)
	// The whole series, through Monday's: an hour before.
	d.m.openEngagement(occurrence(7))
	d.m.editor.scope.SetSelected(lang.L("All occurrences"))
	d.m.editor.reminder.sel.setValue(60)
	test.Tap(d.m.editor.saveBtn)

	var fired []string
	d.tickAt(dec(7, 7, 0))
	for now := dec(7, 7, 0); now.Before(dec(9, 10, 0)); now = now.Add(5 * time.Minute) {
		for _, n := range d.tickAt(now) {
			fired = append(fired, now.Format("02 15:04 ")+n.Title)
		}
	}
	want := []string{"07 08:00 晨会", "09 08:00 晨会"}
	if strings.Join(fired, ", ") != strings.Join(want, ", ") {
		t.Errorf("fired %v, want %v (Tuesday silenced, the series an hour ahead)", fired, want)
	}
}
