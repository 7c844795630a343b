package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
	"anteroom/data"
)

// secondWindow is another window on d's database, over a connection of
// its own, as a second Anteroom on the same file is; its clock is d's, so
// both windows save within the same second.
func (d *uiDesk) secondWindow() *uiDesk {
	d.t.Helper()
	db, err := data.Open(d.db.Path())
	if err != nil {
		d.t.Fatal(err)
	}
	d.t.Cleanup(func() { db.Close() })
	svc := calendar.NewService(db)
	svc.SetClock(func() time.Time { return monday10 })
	return deskOver(d.t, test.NewTempApp(d.t), db, svc, d.leader, nil)
}

// Two windows edit the same engagement: the second to save does not
// write over the first's change without knowing. It is told, in the
// user's language, that the engagement changed (or went) elsewhere, and
// nothing is saved; opened again, it shows the change and saves on top.
func TestAnEditDoesNotWriteOverAnotherWindowsChange(t *testing.T) {
	d := newDesk(t)
	e := d.book("周例会", calendar.KindMeeting, tuesday9, time.Hour)
	other := d.secondWindow()
	other.m.reload()

	test.DoubleTap(d.blockTitled("周例会"))
	mine := d.m.editor
	mine.title.SetText("周例会（扩大）")

	test.DoubleTap(other.blockTitled("周例会"))
	test.Type(other.m.editor.location, "三楼会议室")
	test.Tap(other.m.editor.saveBtn)
	if other.m.editor.visible() {
		t.Fatalf("the other window's save failed: %q", other.m.editor.errs["form"].Full())
	}

	test.Tap(mine.saveBtn)
	want := inLang("“周例会” was changed in another window or program after you opened it", "“周例会”在您打开之后已在另一个窗口或程序中被修改")
	if !mine.visible() || !strings.Contains(mine.errs["form"].Full(), want) {
		t.Fatalf("saving over the other window's change: open %v, says %q; want %q", mine.visible(), mine.errs["form"].Full(), want)
	}
	if got := d.storedByID(e.ID); got.Title != "周例会" || got.Location != "三楼会议室" {
		t.Fatalf("stored %q at %q: the other window's change was written over", got.Title, got.Location)
	}

	// Opened again, the editor has the other window's change, and saves.
	mine.dialog.Hide()
	d.m.othersChanged()
	test.DoubleTap(d.blockTitled("周例会"))
	d.m.editor.title.SetText("周例会（扩大）")
	test.Tap(d.m.editor.saveBtn)
	if got := d.storedByID(e.ID); d.m.editor.visible() || got.Title != "周例会（扩大）" || got.Location != "三楼会议室" {
		t.Fatalf("saved again: %q at %q, editor open %v (%q)", got.Title, got.Location, d.m.editor.visible(), d.m.editor.errs["form"].Full())
	}

	// Undo here after the other window changed it again: refused, the
	// other window's change kept.
	other.m.othersChanged()
	test.DoubleTap(other.blockTitled("周例会（扩大）"))
	other.m.editor.location.SetText("四楼会议室")
	test.Tap(other.m.editor.saveBtn)
	d.undo()
	want = inLang("“周例会（扩大）” was changed in another window or program", "“周例会（扩大）”在您打开之后已在另一个窗口或程序中被修改")
	if got := d.storedByID(e.ID); got.Title != "周例会（扩大）" || got.Location != "四楼会议室" {
		t.Fatalf("Undo wrote over the other window's change: %q at %q", got.Title, got.Location)
	}
	if msg := lastErrorShown(d); !strings.Contains(msg, want) {
		t.Fatalf("Undo over the other window's change says %q, want %q", msg, want)
	}

	// Deleted in the other window while open here: nothing comes back.
	other.m.othersChanged()
	test.DoubleTap(d.blockTitled("周例会（扩大）"))
	mine = d.m.editor
	mine.title.SetText("周例会（再扩大）")
	if err := other.svc.Delete(context.Background(), e.ID); err != nil {
		t.Fatal(err)
	}
	test.Tap(mine.saveBtn)
	want = inLang("“周例会（扩大）” was deleted in another window or program", "“周例会（扩大）”在您打开之后已在另一个窗口或程序中被删除")
	if !mine.visible() || !strings.Contains(mine.errs["form"].Full(), want) || len(d.stored()) != 0 {
		t.Fatalf("saving a deleted engagement: open %v, says %q, stored %d", mine.visible(), mine.errs["form"].Full(), len(d.stored()))
	}
}

// An occurrence of a series moved in another window is not moved again
// over it from an editor opened before; the series' other occurrences
// still save.
func TestAnOccurrenceEditDoesNotWriteOverAnotherWindowsOverride(t *testing.T) {
	d := newDesk(t)
	s := calendar.Engagement{LeaderID: d.leader.ID, Kind: calendar.KindMeeting, Title: "晨会", Start: tuesday9, End: tuesday9.Add(time.Hour),
		ZoneName: "Asia/Shanghai", Status: calendar.StatusConfirmed, Classification: calendar.ClassInternal,
		RRule: "FREQ=DAILY;COUNT=3", ExDates: []time.Time{tuesday9.AddDate(0, 0, 1)}, RDates: []time.Time{tuesday9.AddDate(0, 0, 3)}}
	if err := d.svc.Save(context.Background(), &s); err != nil {
		t.Fatal(err)
	}
	d.m.reload()
	other := d.secondWindow()
	other.m.reload()
	first := func(w *uiDesk) *block {
		for _, b := range w.blocks() {
			if b.item.Title == "晨会" && b.item.Start.Equal(tuesday9) {
				return b
			}
		}
		w.t.Fatal("no 晨会 on Tuesday")
		return nil
	}
	test.DoubleTap(first(d))
	mine := d.m.editor
	mine.title.SetText("晨会（调整）")

	test.DoubleTap(first(other))
	other.m.editor.location.SetText("二楼")
	test.Tap(other.m.editor.saveBtn) // this occurrence only: an override
	if other.m.editor.visible() {
		t.Fatalf("the other window's save failed: %q", other.m.editor.errs["form"].Full())
	}
	test.Tap(mine.saveBtn)
	if !mine.visible() || !strings.Contains(mine.errs["form"].Full(), "晨会") {
		t.Fatalf("saving over the other window's override: open %v, says %q", mine.visible(), mine.errs["form"].Full())
	}
	mine.dialog.Hide()

	// Another occurrence, untouched elsewhere, saves: the series as read
	// with its dates matches the series stored.
	d.m.othersChanged()
	for _, b := range d.blocks() {
		if b.item.Title == "晨会" && b.item.Start.Equal(tuesday9.AddDate(0, 0, 2)) {
			test.DoubleTap(b)
		}
	}
	if d.m.editor == mine {
		t.Fatal("no 晨会 on Thursday")
	}
	d.m.editor.title.SetText("晨会（周四）")
	test.Tap(d.m.editor.saveBtn)
	if d.m.editor.visible() {
		t.Fatalf("saving an occurrence nobody else changed: %q", d.m.editor.errs["form"].Full())
	}
}

// lastErrorShown is the text of the dialog on top of d's window, as a
// user reads it, and closes it.
func lastErrorShown(d *uiDesk) string {
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		if text, ok := labelText(o); ok && text != "" {
			texts = append(texts, text)
		}
	}
	d.win.Canvas().Overlays().Remove(top)
	return strings.Join(texts, "\n")
}
