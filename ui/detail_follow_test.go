package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

// The detail pane shows what is in the week on screen: after moving to
// another week it no longer describes last week's engagement, and back
// on that week a selected engagement is described again.
func TestDetailPaneFollowsTheVisibleWeek(t *testing.T) {
	d := newDesk(t)
	d.book("防汛会商", calendar.KindMeeting, monday10.Add(time.Hour), time.Hour)
	test.Tap(d.blockTitled("防汛会商"))
	if d.m.detail.title.Full() != "防汛会商" {
		t.Fatalf("the selected engagement is not described: %q", d.m.detail.title.Full())
	}
	for _, key := range []fyne.KeyName{fyne.KeyRight, fyne.KeyPageDown, fyne.KeyT} {
		d.press(key)
		if key == fyne.KeyT {
			break
		}
		if d.m.detail.title.Full() == "防汛会商" {
			t.Fatalf("after %s the detail pane still shows last week's engagement", key)
		}
	}
	test.Tap(d.blockTitled("防汛会商"))
	d.m.shiftWeek(-1)
	if d.m.detail.title.Full() != "" {
		t.Fatalf("the previous week shows %q in the detail pane", d.m.detail.title.Full())
	}
}
