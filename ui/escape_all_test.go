package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/assets"
	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/imports"
	"anteroom/calendar/review"
	"anteroom/data"
)

// newFreshWindow opens the main window on a database with no leader yet,
// as on the first run, at 1024×700.
func newFreshWindow(t *testing.T) *mainWindow {
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
	dk := desk.NewService(svc, db.Desk(), filepath.Join(t.TempDir(), "files"))
	win := test.NewTempWindow(t, nil)
	win.Resize(fyne.NewSize(1024, 700))
	m, err := newMainWindow(a, win, Services{Booking: svc, Desk: dk, Review: review.NewService(svc, dk, db.Review()), Imports: imports.NewService(svc, db)})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// typeKey types key on c as the desktop driver does: to the focused
// widget when one has the focus, else to the window.
func typeKey(t *testing.T, c fyne.Canvas, key fyne.KeyName) {
	t.Helper()
	ev := &fyne.KeyEvent{Name: key}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	on := c.OnTypedKey()
	if on == nil {
		t.Fatal("the window takes no keys")
	}
	on(ev)
}

// escapeCloses presses Escape on c and fails unless the dialog on top is
// gone: what under names the dialog.
func escapeCloses(t *testing.T, c fyne.Canvas, what string) {
	t.Helper()
	top := c.Overlays().Top()
	if top == nil {
		t.Fatalf("%s did not open", what)
	}
	typeKey(t, c, fyne.KeyEscape)
	if now := c.Overlays().Top(); now == top {
		t.Fatalf("Escape left %s open (focus on %T)", what, c.Focused())
	}
}

// Every dialog closes on Escape, whichever field has the focus.
func TestEscapeClosesEveryDialog(t *testing.T) {
	t.Run("editor, in the override reason", func(t *testing.T) {
		d := newDesk(t)
		d.book("先订的会", calendar.KindMeeting, tuesday9, time.Hour)
		d.m.reload()
		d.m.grid.body.DoubleTapped(&fyne.PointEvent{Position: d.slotPos(1, 9, 0)})
		ed := d.m.editor
		test.Type(ed.title, "硬插的会")
		test.Tap(ed.saveBtn)
		if ed.overrideBox.Hidden || d.win.Canvas().Focused() != ed.reason {
			t.Fatal("the clash did not ask why in the override reason")
		}
		escapeCloses(t, d.win.Canvas(), "the editor")
		if ed.visible() {
			t.Fatal("the editor still counts itself open")
		}
	})
	t.Run("leaders, in a leader's name", func(t *testing.T) {
		d := newDesk(t)
		dlg := d.m.openLeaders()
		d.win.Canvas().Focus(dlg.rows[0].name)
		escapeCloses(t, d.win.Canvas(), "the leaders dialog")
	})
	t.Run("add leader, in the name", func(t *testing.T) {
		d := newDesk(t)
		d.m.addLeader()
		escapeCloses(t, d.win.Canvas(), "the add-leader form")
	})
	t.Run("reminders list", func(t *testing.T) {
		d := newReminderDesk(t, monday10)
		d.m.openReminders()
		escapeCloses(t, d.win.Canvas(), "the reminders list")
	})
	t.Run("minutes", func(t *testing.T) {
		d := newDesk(t)
		pastMeeting(t, d, "安全生产专题会")
		openMinutesFromGrid(t, d, "安全生产专题会")
		escapeCloses(t, d.win.Canvas(), "the minutes")
	})
	t.Run("new follow-up matter, in its text", func(t *testing.T) {
		d := newDesk(t)
		d.m.follow.newAssigned(d.win)
		escapeCloses(t, d.win.Canvas(), "the new matter form")
	})
	t.Run("follow-up board's report, in its text", func(t *testing.T) {
		d := newDesk(t)
		directItem(t, d, "排查隐患", "应急局", calendar.NewDate(2026, 11, 30))
		b := d.m.follow.openBoard()
		if !b.open("排查隐患") {
			t.Fatal("no row for the matter")
		}
		test.Tap(b.detail.reportBtn)
		escapeCloses(t, b.win.Canvas(), "the report form")
	})
	t.Run("first run, in the leader's name", func(t *testing.T) {
		m := newFreshWindow(t)
		if m.firstRun == nil {
			t.Fatal("no first-run dialog")
		}
		escapeCloses(t, m.win.Canvas(), "the first-run dialog")
	})
	t.Run("delete confirmation", func(t *testing.T) {
		d := newDesk(t)
		d.book("周一例会", calendar.KindMeeting, monday10, time.Hour)
		d.m.reload()
		test.DoubleTap(d.blockTitled("周一例会"))
		test.Tap(d.m.editor.delBtn)
		escapeCloses(t, d.win.Canvas(), "the delete confirmation")
		if len(d.stored()) != 1 {
			t.Fatal("Escape deleted")
		}
		if !d.m.editor.visible() {
			t.Fatal("Escape on the confirmation closed the editor under it too")
		}
	})
}

// Enter confirms the delete confirmation, from the editor and from the
// Delete key.
func TestEnterConfirmsTheDeletion(t *testing.T) {
	d := newDesk(t)
	d.book("周一例会", calendar.KindMeeting, monday10, time.Hour)
	d.book("周二例会", calendar.KindMeeting, tuesday9, time.Hour)
	d.m.reload()
	test.DoubleTap(d.blockTitled("周一例会"))
	test.Tap(d.m.editor.delBtn)
	typeKey(t, d.win.Canvas(), fyne.KeyReturn)
	if d.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Enter left a dialog open")
	}
	if got := d.stored(); len(got) != 1 || got[0].Title != "周二例会" {
		t.Fatalf("after Enter on the confirmation: %d left", len(got))
	}
	test.Tap(d.blockTitled("周二例会"))
	d.press(fyne.KeyDelete)
	typeKey(t, d.win.Canvas(), fyne.KeyEnter)
	if len(d.stored()) != 0 {
		t.Fatal("Enter did not confirm the Delete key's question")
	}
}
