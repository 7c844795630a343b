package ui

import (
	"context"
	"fmt"
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

// Nobody else writing, an edit of anything the week shows saves: a timed
// and an all-day engagement, an occurrence of a series with its dates, an
// occurrence moved before (an override). The week is read as the window
// reads it.
func TestAnEditOfWhatTheWeekShowsSavesWhenNobodyElseWrote(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	sh := monday10.Location()
	day := func(y, m, dd int) calendar.Date { return calendar.NewDate(y, time.Month(m), dd) }
	for _, e := range []calendar.Engagement{
		{Title: "单次会议", Start: tuesday9, End: tuesday9.Add(time.Hour)},
		{Title: "全天活动", AllDay: true, StartDay: day(2026, 11, 25), EndDay: day(2026, 11, 27),
			Start: day(2026, 11, 25).In(sh), End: day(2026, 11, 27).In(sh)},
		{Title: "系列", Start: tuesday9.Add(5 * time.Hour), End: tuesday9.Add(6 * time.Hour), RRule: "FREQ=DAILY;COUNT=4",
			ExDates: []time.Time{tuesday9.Add(29 * time.Hour)}, RDates: []time.Time{tuesday9.Add(101 * time.Hour)}},
	} {
		e.LeaderID, e.Kind, e.ZoneName, e.Status, e.Classification = d.leader.ID, calendar.KindMeeting, "Asia/Shanghai", calendar.StatusConfirmed, calendar.ClassInternal
		if err := d.svc.Save(ctx, &e); err != nil {
			t.Fatalf("%s: %v", e.Title, err)
		}
	}
	week := func() []calendar.Engagement {
		items, err := d.svc.Agenda(ctx, d.leader, day(2026, 11, 23), day(2026, 11, 29))
		if err != nil {
			t.Fatal(err)
		}
		return items
	}
	// as the editor saves one occurrence: without the series' rule
	alone := func(e calendar.Engagement) calendar.Engagement {
		if e.IsOccurrence() {
			e.RRule, e.RDates, e.ExDates = "", nil, nil
		}
		return e
	}
	// move one occurrence of the series: an override
	for _, it := range week() {
		if it.Title == "系列" && it.ID == 0 {
			moved := alone(it)
			moved.Start, moved.End = it.Start.Add(time.Hour), it.End.Add(time.Hour)
			if _, err := d.svc.SaveEdit(ctx, &moved, calendar.SaveOptions{AsRead: &it}); err != nil {
				t.Fatalf("moving an occurrence: %v", err)
			}
			break
		}
	}
	// edit each item once, reading the week again each time, as the window
	// does after every save
	shapes := map[string]bool{}
	for range 10 {
		for _, it := range week() {
			if strings.HasSuffix(it.Title, "（改）") {
				continue
			}
			edited := alone(it)
			edited.Title += "（改）"
			// over the rules: what is checked here is only that it is as read
			opt := calendar.SaveOptions{AsRead: &it, Override: true, Reason: "测试", Who: "秘书"}
			if _, err := d.svc.SaveEdit(ctx, &edited, opt); err != nil {
				t.Fatalf("%s (ID %d, series %d, all day %v): %v", it.Title, it.ID, it.SeriesID, it.AllDay, err)
			}
			shapes[fmt.Sprintf("override %v, occurrence %v, all day %v", it.ID != 0 && it.SeriesID != 0, it.ID == 0, it.AllDay)] = true
			break
		}
	}
	if len(shapes) < 4 {
		t.Fatalf("edited %v, want a single, an all-day, an occurrence and an override", shapes)
	}
}

// Undo of a change to a whole series is refused when another window has
// changed the series since; the other window's change stays.
func TestUndoOfASeriesEditDoesNotWriteOverAnotherWindowsChange(t *testing.T) {
	d := newDesk(t)
	s := calendar.Engagement{LeaderID: d.leader.ID, Kind: calendar.KindMeeting, Title: "晨会", Start: tuesday9, End: tuesday9.Add(time.Hour),
		ZoneName: "Asia/Shanghai", Status: calendar.StatusConfirmed, Classification: calendar.ClassInternal, RRule: "FREQ=DAILY;COUNT=3"}
	if err := d.svc.Save(context.Background(), &s); err != nil {
		t.Fatal(err)
	}
	d.m.reload()
	rename := func(w *uiDesk, from, to string) {
		t.Helper()
		test.DoubleTap(w.blockTitled(from))
		ed := w.m.editor
		ed.scope.SetSelected(tr("All occurrences"))
		ed.title.SetText(to)
		test.Tap(ed.saveBtn)
		if ed.visible() {
			t.Fatalf("renaming the series to %s: %q", to, ed.errs["form"].Full())
		}
	}
	rename(d, "晨会", "早班会")
	other := d.secondWindow()
	other.m.reload()
	rename(other, "早班会", "早班碰头会")
	d.undo()
	if got := d.storedByID(s.ID); got.Title != "早班碰头会" {
		t.Fatalf("Undo wrote over the other window's change: %q", got.Title)
	}
	want := inLang("“早班会” was changed in another window or program", "“早班会”在您打开之后已在另一个窗口或程序中被修改")
	if msg := lastErrorShown(d); !strings.Contains(msg, want) {
		t.Fatalf("Undo says %q, want %q", msg, want)
	}
}
