package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// moreMarkers returns the "+N" markers shown in the hours grid.
func (d *uiDesk) moreMarkers() []*widget.Button {
	r := test.WidgetRenderer(d.m.grid.body).(*timeGridRenderer)
	var out []*widget.Button
	for _, m := range r.more[:len(r.moreCluster)] {
		if m.Visible() {
			out = append(out, m)
		}
	}
	return out
}

func TestBusyAfternoonStaysReadableWithPlusN(t *testing.T) {
	d := newDesk(t)
	d.win.Resize(small)
	tuesday14 := time.Date(2026, 11, 24, 14, 0, 0, 0, monday10.Location())
	const n = 19
	for i := range n {
		d.book(fmt.Sprintf("会议%02d", i), calendar.KindMeeting, tuesday14.Add(time.Duration(i%3)*15*time.Minute), 2*time.Hour)
	}
	var visible []*block
	for _, b := range d.blocks() {
		if b.Visible() {
			visible = append(visible, b)
			if b.Size().Width < minBlockWidth-2 {
				t.Fatalf("block %q is %v wide, below the readable %v", b.item.Title, b.Size().Width, minBlockWidth)
			}
		}
	}
	more := d.moreMarkers()
	if len(more) != 1 {
		t.Fatalf("%d \"+N\" markers, want 1", len(more))
	}
	if want := fmt.Sprintf("+%d", n-len(visible)); more[0].Text != want || len(visible) == 0 {
		t.Fatalf("marker says %q with %d blocks shown, want %q", more[0].Text, len(visible), want)
	}
	if more[0].Size().Width < minBlockWidth-2 {
		t.Fatalf("the marker is %v wide", more[0].Size().Width)
	}

	// "+N" opens the slot's list; choosing one opens it in the editor.
	test.Tap(more[0])
	if d.m.busySlot == nil || len(d.m.busySlot.Objects) != n {
		t.Fatalf("the slot's list shows %v, want all %d", d.m.busySlot, n)
	}
	last := d.m.busySlot.Objects[n-1].(*widget.Button)
	test.Tap(last)
	if d.m.editor == nil || !d.m.editor.visible() || d.m.editor.original.Start.Before(tuesday14.Add(30*time.Minute)) {
		t.Fatal("choosing from the list did not open that engagement")
	}

	// A wide screen shows more side by side, and no marker when all fit.
	d.m.editor.dialog.Hide()
	d.win.Resize(fyne.NewSize(14000, 900))
	d.m.grid.body.Refresh()
	if m := d.moreMarkers(); len(m) != 0 {
		t.Fatalf("a wide grid still shows %q", m[0].Text)
	}
}
