package ui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"anteroom/assets"
	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/followup"
	"anteroom/calendar/imports"
	"anteroom/calendar/review"
	"anteroom/data"
)

// monday10 is the tests' "now": Monday 23 November 2026, 10:17 in Shanghai.
var monday10 = time.Date(2026, 11, 23, 10, 17, 0, 0, mustLoad("Asia/Shanghai"))

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// uiDesk is the main window on a real SQLite file, driven by the test driver.
type uiDesk struct {
	t      *testing.T
	m      *mainWindow
	win    fyne.Window
	svc    *calendar.Service
	dk     *desk.Service
	rv     *review.Service
	leader calendar.Leader
	db     *data.DB
}

func newDesk(t *testing.T) *uiDesk {
	t.Helper()
	return newDeskSharing(t, nil)
}

// newDeskSharing is newDesk with sharing made by sharing over its
// database (nil: none).
func newDeskSharing(t *testing.T, sharing func(*data.DB, *calendar.Service) Sharing) *uiDesk {
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
	svc := calendar.NewService(db)
	svc.SetClock(func() time.Time { return monday10 })
	leader := calendar.Leader{Name: "张书记", ZoneName: "Asia/Shanghai"}
	if err := svc.AddLeader(context.Background(), &leader); err != nil {
		t.Fatal(err)
	}
	return deskOver(t, a, db, svc, leader, sharing)
}

// deskOver is the window over db, whose service is svc and whose leader
// is leader.
func deskOver(t *testing.T, a fyne.App, db *data.DB, svc *calendar.Service, leader calendar.Leader, sharing func(*data.DB, *calendar.Service) Sharing) *uiDesk {
	t.Helper()
	win := test.NewTempWindow(t, nil)
	dk := desk.NewService(svc, db.Desk(), filepath.Join(t.TempDir(), "files"))
	rv := review.NewService(svc, dk, db.Review())
	svcs := Services{Booking: svc, Desk: dk, Review: rv, Imports: imports.NewService(svc, db), FollowUp: followup.NewService(svc, dk, db.Followup())}
	if sharing != nil {
		svcs.Sharing = sharing(db, svc)
	}
	m, err := newMainWindow(a, win, svcs)
	if err != nil {
		t.Fatal(err)
	}
	win.Resize(fyne.NewSize(1280, 800))
	m.goAsync = func(work, done func()) { work(); done() } // no goroutines, no waiting
	return &uiDesk{t: t, m: m, win: win, svc: svc, dk: dk, rv: rv, leader: leader, db: db}
}

// slotPos is where a user double-clicks for day (0 = Monday) at hh:mm.
func (d *uiDesk) slotPos(day, hh, mm int) fyne.Position {
	colW := (d.m.grid.body.Size().Width - gutterWidth) / daysInWeek
	return fyne.NewPos(gutterWidth+colW*(float32(day)+0.5), (float32(hh)+float32(mm)/60)*hourHeight+2)
}

// blocks returns the engagement blocks drawn in the hours grid.
func (d *uiDesk) blocks() []*block {
	r := test.WidgetRenderer(d.m.grid.body).(*timeGridRenderer)
	return r.blocks[:len(r.placed)]
}

func (d *uiDesk) blockTitled(title string) *block {
	for _, b := range d.blocks() {
		if b.item.Title == title {
			return b
		}
	}
	return nil
}

func (d *uiDesk) stored() []calendar.Engagement {
	d.t.Helper()
	items, err := d.svc.Agenda(context.Background(), d.leader, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 11, 29))
	if err != nil {
		d.t.Fatal(err)
	}
	return items
}

// tapButton taps the button labelled text in the topmost dialog.
func (d *uiDesk) tapButton(text string) {
	d.t.Helper()
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		d.t.Fatalf("no dialog open to tap %q in", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			test.Tap(b)
			return
		}
	}
	d.t.Fatalf("no button %q in the open dialog", text)
}

func TestCreateEditDeleteThroughTheWeekGrid(t *testing.T) {
	d := newDesk(t)

	// Double-click Tuesday 14:00 and type the engagement.
	d.m.grid.body.DoubleTapped(&fyne.PointEvent{Position: d.slotPos(1, 14, 0)})
	ed := d.m.editor
	if ed == nil || !ed.visible() {
		t.Fatal("double-clicking a free slot did not open the editor")
	}
	test.Type(ed.title, "会见市发改委主任")
	ed.kind.SetSelected(kindLabel(calendar.KindVisit))
	test.Type(ed.location, "第二接待室")
	test.Tap(ed.saveBtn)

	if ed.visible() {
		t.Fatalf("editor still open after save; errors: %q", ed.errs["form"].Full())
	}
	got := d.stored()
	if len(got) != 1 {
		t.Fatalf("stored %d engagements, want 1", len(got))
	}
	e := got[0]
	wantStart := time.Date(2026, 11, 24, 14, 0, 0, 0, monday10.Location())
	if !e.Start.Equal(wantStart) || e.Duration() != time.Hour || e.Kind != calendar.KindVisit || e.Location != "第二接待室" {
		t.Fatalf("stored %+v, want a one-hour visit at %v in 第二接待室", e, wantStart)
	}
	b := d.blockTitled("会见市发改委主任")
	if b == nil {
		t.Fatal("the new engagement is not drawn in the grid")
	}
	if want := d.slotPos(1, 14, 0); b.Position().Y > want.Y || b.Position().Y < want.Y-4 || b.Position().X > want.X {
		t.Fatalf("block at %v, want it in Tuesday's column at 14:00 (%v)", b.Position(), want)
	}

	// Click it and move it to 16:00; the end follows.
	test.DoubleTap(b)
	ed = d.m.editor
	if ed.original.ID != e.ID {
		t.Fatalf("clicking the block opened %d, want %d", ed.original.ID, e.ID)
	}
	ed.startTime.hour.SetSelected("16")
	if ed.endTime.hour.Selected != "17" {
		t.Fatalf("end hour %s after moving the start to 16, want 17", ed.endTime.hour.Selected)
	}
	test.Tap(ed.saveBtn)
	got = d.stored()
	if len(got) != 1 || got[0].Start.In(monday10.Location()).Hour() != 16 || got[0].Sequence != 1 || got[0].UID != e.UID {
		t.Fatalf("after the move: %+v", got)
	}
	if b := d.blockTitled("会见市发改委主任"); b == nil || b.Position().Y < d.slotPos(1, 16, 0).Y-4 {
		t.Fatal("the moved engagement is not drawn at 16:00")
	}

	// Delete it, confirming.
	test.DoubleTap(d.blockTitled("会见市发改委主任"))
	test.Tap(d.m.editor.delBtn)
	d.tapButton(tr("Delete"))
	if n := len(d.stored()); n != 0 {
		t.Fatalf("%d engagements left after delete", n)
	}
	if d.blockTitled("会见市发改委主任") != nil {
		t.Fatal("the deleted engagement is still drawn")
	}
}

func TestEndBeforeStartShowsTheErrorAndSavesNothing(t *testing.T) {
	d := newDesk(t)
	d.m.newEngagement()
	ed := d.m.editor
	test.Type(ed.title, "防汛会商")
	ed.startTime.hour.SetSelected("15")
	ed.endTime.hour.SetSelected("14")
	if ed.errs["end"].Hidden || ed.errs["end"].Full() == "" {
		t.Fatal("an end before the start shows no error beside the end")
	}
	test.Tap(ed.saveBtn)
	if !ed.visible() {
		t.Fatal("the editor closed on an invalid engagement")
	}
	if n := len(d.stored()); n != 0 {
		t.Fatalf("an invalid engagement was stored (%d)", n)
	}
	ed.endTime.hour.SetSelected("16")
	if !ed.errs["end"].Hidden {
		t.Fatalf("the error stays after fixing the end: %q", ed.errs["end"].Full())
	}
}

func TestBlankTitleIsRefusedOnSave(t *testing.T) {
	d := newDesk(t)
	d.m.newEngagement()
	ed := d.m.editor
	if !ed.errs["title"].Hidden {
		t.Fatal("an untouched form already shows an error")
	}
	test.Tap(ed.saveBtn)
	if ed.errs["title"].Hidden || len(d.stored()) != 0 {
		t.Fatal("saving without a title did not name the title, or stored something")
	}
}

func TestEmptyCalendarOffersTheSampleWeek(t *testing.T) {
	d := newDesk(t)
	if d.m.emptyState.Hidden {
		t.Fatal("an empty calendar shows no sample-week offer")
	}
	var sample *widget.Button
	for _, o := range test.LaidOutObjects(d.m.emptyState) {
		if b, ok := o.(*widget.Button); ok && b.Text == tr("Load a sample week") {
			sample = b
		}
	}
	if sample == nil {
		t.Fatal("no Load a sample week button")
	}
	test.Tap(sample)
	if !d.m.emptyState.Hidden {
		t.Fatal("the offer stays after loading the sample week")
	}
	if len(d.blocks()) < 8 {
		t.Fatalf("%d blocks drawn for the sample week", len(d.blocks()))
	}
	allDay := test.WidgetRenderer(d.m.grid.allDay).(*allDayRenderer)
	if len(allDay.bars) == 0 {
		t.Fatal("the sample week's all-day items are not in the all-day row")
	}
	// Monday's agenda lists Monday's items in time order.
	if len(d.m.agenda.items) == 0 || d.m.agenda.items[0].Title != "周一例会" {
		t.Fatalf("Monday's agenda: %+v", d.m.agenda.items)
	}
}

func TestWeekNavigation(t *testing.T) {
	d := newDesk(t)
	d.m.shiftWeek(1)
	if d.m.grid.monday != (calendar.NewDate(2026, 11, 30)) {
		t.Fatalf("next week starts %s", d.m.grid.monday)
	}
	d.m.goToWeek(calendar.NewDate(2027, 1, 1))
	if d.m.grid.monday != (calendar.NewDate(2026, 12, 28)) || d.m.grid.selected != (calendar.NewDate(2027, 1, 1)) {
		t.Fatalf("go to 2027-01-01 shows %s selecting %s", d.m.grid.monday, d.m.grid.selected)
	}
	d.m.goToday()
	if d.m.grid.monday != (calendar.NewDate(2026, 11, 23)) {
		t.Fatalf("today's week starts %s", d.m.grid.monday)
	}
}

func TestOverlappingEngagementsSitSideBySide(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	for _, title := range []string{"甲", "乙"} {
		e := calendar.Engagement{LeaderID: d.leader.ID, Title: title, Start: monday10, End: monday10.Add(time.Hour)}
		if err := d.svc.Save(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	d.m.reload()
	a, b := d.blockTitled("甲"), d.blockTitled("乙")
	if a == nil || b == nil {
		t.Fatal("overlapping engagements not drawn")
	}
	if a.Position().X == b.Position().X || a.Size().Width > d.m.grid.body.Size().Width/daysInWeek/2 {
		t.Fatalf("overlapping blocks at %v and %v (width %v) are not side by side", a.Position(), b.Position(), a.Size().Width)
	}
}
