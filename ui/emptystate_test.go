package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The offer of the sample week is for an empty calendar, not an empty
// week: a week without engagements in a calendar with some shows none,
// and it comes back when the last engagement goes.
func TestEmptyWeekOfAFullCalendarOffersNoSampleWeek(t *testing.T) {
	d := newDesk(t)
	for _, o := range test.LaidOutObjects(d.m.emptyState) {
		if b, ok := o.(*widget.Button); ok && b.Text == tr("Load a sample week") {
			test.Tap(b)
		}
	}
	if len(d.m.items) == 0 || !d.m.emptyState.Hidden {
		t.Fatalf("sample week loaded: %d items, offer hidden %v", len(d.m.items), d.m.emptyState.Hidden)
	}
	d.m.shiftWeek(10)
	if len(d.m.items) != 0 {
		t.Fatalf("ten weeks on shows %d items", len(d.m.items))
	}
	if !d.m.emptyState.Hidden {
		t.Error("an empty week of a calendar with engagements offers the sample week")
	}
	d.m.shiftWeek(-10)
	deleted := map[int64]bool{}
	for _, e := range d.stored() {
		if deleted[e.ID] {
			continue // another occurrence of a series gone already
		}
		deleted[e.ID] = true
		if err := d.m.svc.Delete(context.Background(), e.ID); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := d.svc.CountEngagements(context.Background(), d.leader.ID); err != nil || n != 0 {
		t.Fatalf("after deleting the sample week %d engagements are left, %v", n, err)
	}
	d.m.reload()
	if d.m.emptyState.Hidden {
		t.Error("a calendar emptied again offers no sample week")
	}
}
