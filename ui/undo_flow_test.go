package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

func TestUndoCreateEditAndDeleteRestoresTheStoredState(t *testing.T) {
	d := newDesk(t)
	d.undo()
	if d.m.status.Text != tr("Nothing to undo") {
		t.Fatalf("Undo with nothing done says %q", d.m.status.Text)
	}

	// Create through the editor, then undo: gone.
	d.m.grid.body.DoubleTapped(&fyne.PointEvent{Position: d.slotPos(1, 14, 0)})
	test.Type(d.m.editor.title, "调研座谈")
	test.Tap(d.m.editor.saveBtn)
	if len(d.stored()) != 1 {
		t.Fatal("the editor did not create the engagement")
	}
	d.undo()
	if n := len(d.stored()); n != 0 {
		t.Fatalf("after undoing the creation %d engagements remain", n)
	}

	// Edit through the editor, then undo: the old title and place.
	e := d.book("周例会", calendar.KindMeeting, tuesday9, time.Hour)
	test.DoubleTap(d.blockTitled("周例会"))
	d.m.editor.title.SetText("周例会（扩大）")
	test.Type(d.m.editor.location, "三楼")
	test.Tap(d.m.editor.saveBtn)
	if got := d.storedByID(e.ID); got.Title != "周例会（扩大）" || got.Location != "三楼" {
		t.Fatalf("the edit stored %q at %q", got.Title, got.Location)
	}
	d.undo()
	if got := d.storedByID(e.ID); got.Title != "周例会" || got.Location != "" || !got.Start.Equal(tuesday9) {
		t.Fatalf("after Undo stored %q at %q, %v", got.Title, got.Location, got.Start)
	}

	// Delete with the Delete key, then undo: the same engagement, same UID.
	test.Tap(d.blockTitled("周例会"))
	d.press(fyne.KeyDelete)
	d.tapButton(tr("Delete"))
	if len(d.stored()) != 0 {
		t.Fatal("the deletion left the engagement")
	}
	d.undo()
	got := d.stored()
	if len(got) != 1 || got[0].ID != e.ID || got[0].UID != e.UID || got[0].Title != "周例会" {
		t.Fatalf("after undoing the deletion: %+v", got)
	}
	if !strings.Contains(d.m.status.Text, "周例会") || d.blockTitled("周例会") == nil {
		t.Fatalf("the restored engagement is not shown, status %q", d.m.status.Text)
	}
}

func TestUndoADeletionThatNowClashesAsksWhy(t *testing.T) {
	d := newDesk(t)
	e := d.book("周例会", calendar.KindMeeting, tuesday9, time.Hour)
	test.Tap(d.blockTitled("周例会"))
	d.press(fyne.KeyDelete)
	d.tapButton(tr("Delete"))
	d.book("接待", calendar.KindVisit, tuesday9, time.Hour) // booked in its place meanwhile
	d.undo()
	if len(d.stored()) != 1 {
		t.Fatal("the undo was stored over the clash without asking")
	}
	d.tapButton(tr("Cancel"))
	if d.m.undo.len() != 1 {
		t.Fatal("cancelling lost the change to undo")
	}
	d.undo()
	reason, ok := d.win.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatal("the reason field has not the focus")
	}
	test.Type(reason, "领导要求恢复")
	d.tapButton(tr("Save anyway"))
	if n := len(d.stored()); n != 2 {
		t.Fatalf("%d engagements after undoing anyway, want 2", n)
	}
	log, _ := d.svc.OverrideLog(context.Background(), d.leader.ID)
	if len(log) != 1 || log[0].EngagementUID != e.UID || log[0].Reason != "领导要求恢复" {
		t.Fatalf("override log %+v", log)
	}
}

func TestUndoDeletingOneOccurrenceAndTheWholeSeries(t *testing.T) {
	d := newDesk(t)
	series := calendar.Engagement{LeaderID: d.leader.ID, Title: "晨会", Start: tuesday9, End: tuesday9.Add(30 * time.Minute), RRule: "FREQ=DAILY;COUNT=3"}
	if err := d.svc.Save(context.Background(), &series); err != nil {
		t.Fatal(err)
	}
	d.m.reload()
	count := func() int { return len(d.stored()) }
	test.Tap(d.blocks()[1])
	d.press(fyne.KeyDelete)
	d.tapButton(tr("Delete")) // "This occurrence" is the default scope
	if count() != 2 {
		t.Fatalf("%d occurrences after deleting one, want 2", count())
	}
	d.undo()
	if count() != 3 {
		t.Fatalf("%d occurrences after undoing, want 3", count())
	}
	if m := d.storedByID(series.ID); len(m.ExDates) != 0 {
		t.Fatalf("the series still excludes %v", m.ExDates)
	}

	// The whole series, through the editor.
	test.DoubleTap(d.blocks()[0])
	d.m.editor.scope.SetSelected(tr("All occurrences"))
	test.Tap(d.m.editor.delBtn)
	d.tapButton(tr("Delete"))
	if count() != 0 {
		t.Fatalf("%d occurrences after deleting the series", count())
	}
	d.undo()
	if count() != 3 || d.storedByID(series.ID).UID != series.UID {
		t.Fatalf("%d occurrences after undoing the series' deletion, want 3 of the same series", count())
	}
}

func TestUndoAWholeSeriesMove(t *testing.T) {
	d := newDesk(t)
	series := calendar.Engagement{LeaderID: d.leader.ID, Title: "晨会", Start: tuesday9, End: tuesday9.Add(30 * time.Minute), RRule: "FREQ=DAILY;COUNT=3"}
	if err := d.svc.Save(context.Background(), &series); err != nil {
		t.Fatal(err)
	}
	d.m.reload()
	test.DoubleTap(d.blocks()[1])
	ed := d.m.editor
	ed.scope.SetSelected(tr("All occurrences"))
	ed.title.SetText("早会")
	ed.moveTo(tuesday9.Add(25*time.Hour), tuesday9.Add(25*time.Hour+30*time.Minute)) // Wednesday 10:00
	test.Tap(ed.saveBtn)
	if ed.visible() {
		t.Fatalf("the series edit did not save: %q", ed.errs["form"].Full())
	}
	if m := d.storedByID(series.ID); m.Title != "早会" || !m.Start.Equal(tuesday9.Add(time.Hour)) {
		t.Fatalf("the series is %q from %v", m.Title, m.Start)
	}
	d.undo()
	if m := d.storedByID(series.ID); m.Title != "晨会" || !m.Start.Equal(tuesday9) || !m.End.Equal(tuesday9.Add(30*time.Minute)) {
		t.Fatalf("after Undo the series is %q %v–%v", m.Title, m.Start, m.End)
	}
}

func TestEditUndoMenuItemIsCtrlZAndLeavesOpenDialogsAlone(t *testing.T) {
	d := newDesk(t)
	item := d.menuItem(tr("Undo"))
	if _, ok := item.Shortcut.(*fyne.ShortcutUndo); !ok {
		t.Fatalf("Edit → Undo has shortcut %v, want the standard Ctrl+Z the driver sends", item.Shortcut)
	}
	e := d.book("周例会", calendar.KindMeeting, tuesday9, time.Hour)
	test.DoubleTap(d.blockTitled("周例会"))
	d.m.editor.title.SetText("周例会（改）")
	test.Tap(d.m.editor.saveBtn)
	test.DoubleTap(d.blockTitled("周例会（改）"))
	item.Action() // with the editor open: not the calendar's undo
	if got := d.storedByID(e.ID); got.Title != "周例会（改）" {
		t.Fatalf("Undo with the editor open changed the calendar: %q", got.Title)
	}
	d.m.editor.dialog.Hide()
	item.Action()
	if got := d.storedByID(e.ID); got.Title != "周例会" {
		t.Fatalf("Edit → Undo left %q", got.Title)
	}
}
