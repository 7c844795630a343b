package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

// press types key on the window as the driver does when no field has the focus.
func (d *uiDesk) press(key fyne.KeyName) {
	d.t.Helper()
	on := d.win.Canvas().OnTypedKey()
	if on == nil {
		d.t.Fatal("the window takes no keys")
	}
	on(&fyne.KeyEvent{Name: key})
}

func TestKeysChangeWeekAndGoToToday(t *testing.T) {
	d := newDesk(t)
	steps := []struct {
		key  fyne.KeyName
		want calendar.Date
	}{
		{fyne.KeyRight, calendar.NewDate(2026, 11, 30)},
		{fyne.KeyPageDown, calendar.NewDate(2026, 12, 7)},
		{fyne.KeyLeft, calendar.NewDate(2026, 11, 30)},
		{fyne.KeyPageUp, calendar.NewDate(2026, 11, 23)},
		{fyne.KeyPageUp, calendar.NewDate(2026, 11, 16)},
		{fyne.KeyT, calendar.NewDate(2026, 11, 23)},
	}
	for _, s := range steps {
		d.press(s.key)
		if d.m.grid.monday != s.want {
			t.Fatalf("after %s the week starts %s, want %s", s.key, d.m.grid.monday, s.want)
		}
	}
}

func TestClickSelectsEnterOpensEnterSavesEscapeCloses(t *testing.T) {
	d := newDesk(t)
	d.book("防汛会商", calendar.KindMeeting, monday10.Add(time.Hour), time.Hour)
	d.m.reload()

	test.Tap(d.blockTitled("防汛会商"))
	if d.m.editor != nil {
		t.Fatal("a single click opened the editor")
	}
	if b := d.blockTitled("防汛会商"); !b.selected {
		t.Fatal("a single click did not select the block")
	}
	d.press(fyne.KeyReturn)
	ed := d.m.editor
	if ed == nil || !ed.visible() || ed.original.Title != "防汛会商" {
		t.Fatal("Enter did not open the selected engagement")
	}
	// Escape in the focused title closes without saving.
	test.Type(ed.title, "（改）")
	ed.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if ed.visible() {
		t.Fatal("Escape left the editor open")
	}
	if got := d.stored()[0].Title; got != "防汛会商" {
		t.Fatalf("Escape saved the change: %q", got)
	}
	// Enter in the title saves.
	test.DoubleTap(d.blockTitled("防汛会商"))
	ed = d.m.editor
	test.Type(ed.location, "第一会议室")
	ed.location.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if ed.visible() {
		t.Fatalf("Enter did not save; errors: %q", ed.errs["form"].Full())
	}
	if got := d.stored()[0].Location; got != "第一会议室" {
		t.Fatalf("stored location %q after Enter", got)
	}
}

func TestDeleteKeyAsksThenDeletes(t *testing.T) {
	d := newDesk(t)
	d.book("周一例会", calendar.KindMeeting, monday10, time.Hour)
	d.m.reload()
	d.press(fyne.KeyDelete) // nothing selected: nothing happens
	if d.win.Canvas().Overlays().Top() != nil || len(d.stored()) != 1 {
		t.Fatal("Delete with nothing selected asked or deleted")
	}
	test.Tap(d.blockTitled("周一例会"))
	d.press(fyne.KeyDelete)
	if len(d.stored()) != 1 {
		t.Fatal("Delete deleted without asking")
	}
	d.press(fyne.KeyEscape) // Escape is Cancel
	if d.win.Canvas().Overlays().Top() != nil || len(d.stored()) != 1 {
		t.Fatal("Escape did not cancel the deletion")
	}
	d.press(fyne.KeyDelete)
	d.tapButton(tr("Delete"))
	if len(d.stored()) != 0 || d.blockTitled("周一例会") != nil {
		t.Fatal("the confirmed deletion left the engagement")
	}
}

func TestHelpListsTheKeysAndEscapeClosesIt(t *testing.T) {
	d := newDesk(t)
	var help *fyne.MenuItem
	for _, menu := range d.win.MainMenu().Items {
		for _, it := range menu.Items {
			if it.Label == tr("Keyboard shortcuts…") {
				help = it
			}
		}
	}
	if help == nil {
		t.Fatal("no Help → Keyboard shortcuts menu item")
	}
	help.Action()
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the keyboard dialog did not open")
	}
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		if text, ok := labelText(o); ok {
			texts = append(texts, text)
		}
	}
	for _, want := range []string{"Ctrl+N", "Enter", "Delete", "Esc", "T", tr("Previous / next day, week or month (by view)")} {
		found := false
		for _, s := range texts {
			found = found || s == want
		}
		if !found {
			t.Errorf("the keyboard dialog does not list %q", want)
		}
	}
	for _, s := range texts {
		if s == tr("Previous week") || s == tr("Next week") {
			t.Errorf("the keyboard dialog says %q, but the arrows step by the view", s)
		}
	}
	d.press(fyne.KeyEscape)
	if d.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the keyboard dialog")
	}
	// With nothing open, Escape is harmless, and T still works.
	d.press(fyne.KeyEscape)
	d.press(fyne.KeyRight)
	if d.m.grid.monday != calendar.NewDate(2026, 11, 30) {
		t.Fatal("keys stopped working after closing the dialog")
	}
}

func TestEscapeClosesADialogInTheVisitsWindow(t *testing.T) {
	_, vd := newVisitsTestDesk(t)
	in := vd.openInbox()
	in.newRequest()
	c := in.win.Canvas()
	if c.Overlays().Top() == nil {
		t.Fatal("the new-request form did not open")
	}
	c.Unfocus()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Fatal("Escape did not close the visits window's dialog")
	}
}
