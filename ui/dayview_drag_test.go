package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"anteroom/calendar"
)

// In the day view the one column is the whole width: a drag down moves
// the engagement later that day, whatever the pointer does sideways, and
// a drag onto a clash shows the finding and asks why on the drop.
func TestDragInTheDayViewMovesOnThatDay(t *testing.T) {
	d := newDesk(t)
	tuesday := calendar.DateOf(tuesday9)
	e := d.book("专题会", calendar.KindMeeting, tuesday9, time.Hour)
	d.book("接待省厅来访", calendar.KindVisit, tuesday9.Add(5*time.Hour), time.Hour)
	d.m.showViewAt(viewDay, tuesday)
	if d.m.grid.days != 1 {
		t.Fatalf("the day view shows %d columns", d.m.grid.days)
	}
	b := d.blockTitled("专题会")
	if b == nil {
		t.Fatal("the day view does not draw 专题会")
	}
	// An hour down, the hand wandering 80 units right on the way.
	dragging(b, fyne.NewPos(10, 10), 80, hourHeight)
	ghost := d.m.grid.body.ghost
	if !ghost.visible() || !strings.Contains(ghost.tip.Full(), tr("No conflicts")) {
		t.Fatalf("while dragging the ghost shows %v %q", ghost.visible(), ghost.tip.Full())
	}
	if _, _, _, ok := d.m.grid.ghostSpan(); !ok {
		t.Fatal("the ghost has no place in the day's column")
	}
	b.DragEnd()
	if got := d.storedByID(e.ID); !got.Start.Equal(tuesday9.Add(time.Hour)) || !got.End.Equal(tuesday9.Add(2*time.Hour)) {
		t.Fatalf("dragged in the day view, stored %v–%v, want %v for an hour", got.Start.In(d.m.loc), got.End.In(d.m.loc), tuesday9.Add(time.Hour))
	}

	// Onto the visit: the finding while dragging, the reason on the drop.
	b = d.blockTitled("专题会")
	dragging(b, fyne.NewPos(10, 10), 0, 4*hourHeight)
	tip := ghost.tip.Full()
	if !strings.Contains(tip, tr("Overlap")) || !strings.Contains(tip, "接待省厅来访") {
		t.Fatalf("the ghost says %q, want the overlap with 接待省厅来访", tip)
	}
	b.DragEnd()
	if got := d.storedByID(e.ID); !got.Start.Equal(tuesday9.Add(time.Hour)) {
		t.Fatalf("a blocked drop was stored at %v", got.Start)
	}
	if ed := d.m.editor; ed == nil || !ed.visible() || ed.overrideBox.Hidden {
		t.Fatal("the blocked drop did not ask why in the editor")
	}
}
