package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

// An archived leader's week, shown from the leaders dialog, offers no
// sample week, and the editor refuses a new engagement naming them.
func TestAnArchivedLeadersWeekTakesNoNewEngagement(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	li := calendar.Leader{Name: "李市长", ZoneName: "Asia/Shanghai", Order: 1}
	if err := d.svc.AddLeader(ctx, &li); err != nil {
		t.Fatal(err)
	}
	if _, err := d.svc.ArchiveLeader(ctx, li.ID); err != nil {
		t.Fatal(err)
	}
	d.m.switchLeader(li.ID)
	if d.m.leader.ID != li.ID {
		t.Fatal("the archived leader's week is not shown")
	}
	if d.m.emptyState.Visible() {
		t.Fatal("an archived leader's empty week offers the sample week")
	}
	d.m.grid.body.DoubleTapped(&fyne.PointEvent{Position: d.slotPos(1, 9, 0)})
	ed := d.m.editor
	test.Type(ed.title, "新增调研")
	test.Tap(ed.saveBtn)
	want := tr2n("validation.leader_archived", "李市长")
	if !ed.visible() || !ed.errs["leader"].Visible() || ed.errs["leader"].Full() != want {
		t.Fatalf("saving for the archived leader: open %v, says %q, want %q", ed.visible(), ed.errs["leader"].Full(), want)
	}
	if n, _ := d.svc.CountEngagements(ctx, li.ID); n != 0 {
		t.Fatalf("%d engagements stored for the archived leader", n)
	}
}

func tr2n(key, name string) string { return lang2(key, map[string]any{"Name": name}) }
