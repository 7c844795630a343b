package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

// tuesday9 is 09:00 on the Tuesday of the tests' week.
var tuesday9 = time.Date(2026, 11, 24, 9, 0, 0, 0, monday10.Location())

// dragging drags b from at (inside the block) by dx, dy in small steps,
// as the desktop driver reports a drag, and leaves it undropped.
func dragging(b *block, at fyne.Position, dx, dy float32) {
	const steps = 4
	var moved fyne.Delta
	for i := 1; i <= steps; i++ {
		step := fyne.Delta{DX: dx/steps*float32(i) - moved.DX, DY: dy/steps*float32(i) - moved.DY}
		moved.DX += step.DX
		moved.DY += step.DY
		b.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at.Add(moved)}, Dragged: step})
	}
}

// colWidth is the width of one day in the hours grid.
func (d *uiDesk) colWidth() float32 { return (d.m.grid.body.Size().Width - gutterWidth) / daysInWeek }

func (d *uiDesk) storedByID(id int64) calendar.Engagement {
	d.t.Helper()
	e, err := d.svc.Engagement(context.Background(), id)
	if err != nil {
		d.t.Fatal(err)
	}
	return e
}

func (d *uiDesk) undo() {
	d.win.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{}) // what the driver sends for Ctrl+Z
}

func TestDragToAFreeTimeMovesAcrossDaysAndUndoMovesItBack(t *testing.T) {
	d := newDesk(t)
	e := d.book("专题会", calendar.KindMeeting, tuesday9, time.Hour)
	b := d.blockTitled("专题会")
	// One day right, one hour and a quarter (and a little) down.
	dragging(b, fyne.NewPos(10, 10), d.colWidth(), 1.27*hourHeight)
	ghost := d.m.grid.body.ghost
	if !ghost.visible() || !strings.Contains(ghost.tip.Full(), tr("No conflicts")) {
		t.Fatalf("while dragging the ghost shows %v %q", ghost.visible(), ghost.tip.Full())
	}
	b.DragEnd()
	if ghost.visible() {
		t.Fatal("the ghost stayed after the drop")
	}
	got := d.storedByID(e.ID)
	want := time.Date(2026, 11, 25, 10, 15, 0, 0, monday10.Location())
	if !got.Start.Equal(want) || !got.End.Equal(want.Add(time.Hour)) || got.UID != e.UID {
		t.Fatalf("stored %v–%v (%s), want %v for an hour, same UID", got.Start, got.End, got.UID, want)
	}
	if !strings.Contains(d.m.status.Text, "专题会") {
		t.Fatalf("status says %q after the move", d.m.status.Text)
	}

	d.undo()
	if got := d.storedByID(e.ID); !got.Start.Equal(tuesday9) || !got.End.Equal(tuesday9.Add(time.Hour)) {
		t.Fatalf("after Undo stored %v–%v, want back at %v", got.Start, got.End, tuesday9)
	}
	if want := lang.L("Undone: {{.What}}", map[string]any{"What": lang.L("moving “{{.Title}}”", map[string]any{"Title": "专题会"})}); d.m.status.Text != want {
		t.Fatalf("status %q, want %q", d.m.status.Text, want)
	}
}

func TestDragTheBottomEdgeResizes(t *testing.T) {
	d := newDesk(t)
	e := d.book("专题会", calendar.KindMeeting, tuesday9, time.Hour)
	b := d.blockTitled("专题会")
	dragging(b, fyne.NewPos(10, b.Size().Height-2), 0, hourHeight/2)
	b.DragEnd()
	got := d.storedByID(e.ID)
	if !got.Start.Equal(tuesday9) || !got.End.Equal(tuesday9.Add(90*time.Minute)) {
		t.Fatalf("resized to %v–%v, want %v for 90 minutes", got.Start, got.End, tuesday9)
	}
	// Never shorter than a snap, however far up.
	b = d.blockTitled("专题会")
	dragging(b, fyne.NewPos(10, b.Size().Height-2), 0, -5*hourHeight)
	b.DragEnd()
	if got := d.storedByID(e.ID); !got.End.Equal(tuesday9.Add(dragSnap)) {
		t.Fatalf("shrunk to end %v, want %v", got.End, tuesday9.Add(dragSnap))
	}
}

func TestDragOntoAClashShowsTheFindingAndTheDropAsksWhy(t *testing.T) {
	d := newDesk(t)
	e := d.book("专题会", calendar.KindMeeting, tuesday9, time.Hour)
	d.book("接待省厅来访", calendar.KindVisit, tuesday9.Add(5*time.Hour), time.Hour)
	b := d.blockTitled("专题会")
	dragging(b, fyne.NewPos(10, 10), 0, 5*hourHeight)
	tip := d.m.grid.body.ghost.tip.Full()
	if !strings.Contains(tip, tr("Overlap")) || !strings.Contains(tip, "接待省厅来访") {
		t.Fatalf("the ghost says %q, want the overlap with 接待省厅来访", tip)
	}
	if !calendar.Blocking(d.m.grid.dragFindings) {
		t.Fatal("the clash is not shown as blocking")
	}
	b.DragEnd()
	if got := d.storedByID(e.ID); !got.Start.Equal(tuesday9) {
		t.Fatalf("a blocked drop was stored at %v", got.Start)
	}
	ed := d.m.editor
	if ed == nil || !ed.visible() || ed.overrideBox.Hidden || d.win.Canvas().Focused() != ed.reason {
		t.Fatal("the blocked drop did not ask why in the editor")
	}
	if ed.scroll.Offset.Y+ed.scroll.Size().Height < ed.scroll.Content.MinSize().Height-1 {
		t.Fatalf("the findings and the reason are scrolled out of view (offset %v of %v)", ed.scroll.Offset.Y, ed.scroll.Content.MinSize().Height)
	}
	if s := ed.startTime.on(ed.startDate.date, d.m.loc); !s.Equal(tuesday9.Add(5 * time.Hour)) {
		t.Fatalf("the editor proposes %v, want the dropped time", s)
	}
	test.Type(ed.reason, "书记指示当天调整")
	test.Tap(ed.overrideBtn)
	if ed.visible() {
		t.Fatalf("the override did not save: %q", ed.errs["form"].Full())
	}
	if got := d.storedByID(e.ID); !got.Start.Equal(tuesday9.Add(5 * time.Hour)) {
		t.Fatalf("after the override stored at %v", got.Start)
	}
	log, err := d.svc.OverrideLog(context.Background(), d.leader.ID)
	if err != nil || len(log) != 1 || log[0].Reason != "书记指示当天调整" || log[0].EngagementUID != e.UID {
		t.Fatalf("override log %+v, %v", log, err)
	}
	// Undo goes through the rules too: back to 09:00, which is free.
	d.undo()
	if got := d.storedByID(e.ID); !got.Start.Equal(tuesday9) {
		t.Fatalf("after Undo stored at %v", got.Start)
	}
}

func TestDraggingOneOccurrenceMovesItAlone(t *testing.T) {
	d := newDesk(t)
	series := calendar.Engagement{LeaderID: d.leader.ID, Title: "晨会", Start: tuesday9, End: tuesday9.Add(30 * time.Minute),
		RRule: "FREQ=DAILY;COUNT=3"}
	if err := d.svc.Save(context.Background(), &series); err != nil {
		t.Fatal(err)
	}
	d.m.reload()
	var wed *block
	for _, b := range d.blocks() {
		if b.item.Title == "晨会" && b.item.Start.Equal(tuesday9.Add(24*time.Hour)) {
			wed = b
		}
	}
	if wed == nil {
		t.Fatal("no Wednesday occurrence drawn")
	}
	dragging(wed, fyne.NewPos(10, 10), 0, 2*hourHeight)
	wed.DragEnd()
	var starts []string
	for _, e := range d.stored() {
		starts = append(starts, e.Start.In(d.m.loc).Format("01-02 15:04"))
	}
	if got, want := strings.Join(starts, " "), "11-24 09:00 11-25 11:00 11-26 09:00"; got != want {
		t.Fatalf("occurrences at %s, want %s", got, want)
	}
	d.undo()
	starts = starts[:0]
	for _, e := range d.stored() {
		starts = append(starts, e.Start.In(d.m.loc).Format("01-02 15:04"))
	}
	if got, want := strings.Join(starts, " "), "11-24 09:00 11-25 09:00 11-26 09:00"; got != want {
		t.Fatalf("after Undo occurrences at %s, want %s", got, want)
	}
}
