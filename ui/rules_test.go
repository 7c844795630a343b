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

// book stores an engagement directly, as if booked earlier.
func (d *uiDesk) book(title string, kind calendar.Kind, start time.Time, length time.Duration) calendar.Engagement {
	d.t.Helper()
	e := calendar.Engagement{LeaderID: d.leader.ID, Title: title, Kind: kind, Start: start, End: start.Add(length)}
	if err := d.svc.Save(context.Background(), &e); err != nil {
		d.t.Fatal(err)
	}
	d.m.reload()
	return e
}

func findingTexts(ed *editor) []string {
	var out []string
	for _, f := range ed.findings {
		out = append(out, string(f.Rule)+": "+findingText(f))
	}
	return out
}

func TestClashIsShownWhileTypingAndNeedsAnOverride(t *testing.T) {
	d := newDesk(t)
	tuesday9 := time.Date(2026, 11, 24, 9, 0, 0, 0, monday10.Location())
	d.book("县委常委会", calendar.KindMeeting, tuesday9, 2*time.Hour)

	// Double-click Tuesday 10:00, inside the meeting: the clash shows before saving.
	d.m.grid.body.DoubleTapped(&fyne.PointEvent{Position: d.slotPos(1, 10, 0)})
	ed := d.m.editor
	test.Type(ed.title, "听取交通局汇报")
	if !calendar.Blocking(ed.findings) {
		t.Fatalf("no blocking finding for a clash; findings %v", findingTexts(ed))
	}
	shown := findingTexts(ed)
	if !strings.Contains(strings.Join(shown, "\n"), "overlap: ") || !strings.Contains(strings.Join(shown, "\n"), "县委常委会") {
		t.Fatalf("the finding does not name the rule and the clashing item: %v", shown)
	}
	if len(ed.findingsBox.Objects) != len(ed.findings) {
		t.Fatalf("%d findings, %d rows shown", len(ed.findings), len(ed.findingsBox.Objects))
	}

	// Save is refused and offers the override; an empty reason is refused too.
	test.Tap(ed.saveBtn)
	if !ed.visible() || ed.overrideBox.Hidden || len(d.stored()) != 1 {
		t.Fatalf("a blocked booking was saved or no override offered (stored %d)", len(d.stored()))
	}
	test.Tap(ed.overrideBtn)
	if len(d.stored()) != 1 {
		t.Fatal("an override without a reason was saved")
	}
	test.Type(ed.reason, "书记亲自交办")
	test.Tap(ed.overrideBtn)
	if ed.visible() || len(d.stored()) != 2 {
		t.Fatalf("the override did not save (stored %d)", len(d.stored()))
	}
	log, err := d.svc.OverrideLog(context.Background(), d.leader.ID)
	if err != nil || len(log) != 1 || log[0].Reason != "书记亲自交办" || log[0].Who == "" {
		t.Fatalf("override log %+v, %v", log, err)
	}
}

func TestFindAFreeSlotMovesTheEngagementThere(t *testing.T) {
	d := newDesk(t)
	tuesday := calendar.NewDate(2026, 11, 24)
	d.book("调研", calendar.KindActivity, time.Date(2026, 11, 24, 8, 30, 0, 0, monday10.Location()), 3*time.Hour+30*time.Minute)

	d.m.grid.body.DoubleTapped(&fyne.PointEvent{Position: d.slotPos(1, 9, 0)})
	ed := d.m.editor
	test.Type(ed.title, "会见企业代表")
	ed.kind.SetSelected(kindLabel(calendar.KindVisit))
	test.Tap(ed.freeBtn)
	var first *widget.Button
	for _, o := range ed.slotsBox.Objects {
		if b, ok := o.(*widget.Button); ok {
			first = b
			break
		}
	}
	if first == nil {
		t.Fatal("no free slot offered")
	}
	test.Tap(first)
	e := ed.engagement()
	if calendar.Blocking(ed.findings) || len(ed.findings) != 0 {
		t.Fatalf("the offered slot %v raises %v", e.Start, findingTexts(ed))
	}
	if calendar.DateOf(e.Start.In(monday10.Location())).Before(tuesday) {
		t.Fatalf("slot %v is before the chosen day", e.Start)
	}
	test.Tap(ed.saveBtn)
	if ed.visible() {
		t.Fatalf("saving a free slot failed: %v", findingTexts(ed))
	}
}

func TestHeaderCountsTheWeeksVisits(t *testing.T) {
	d := newDesk(t)
	if !strings.Contains(d.m.capacity.Text, "0/6") {
		t.Fatalf("capacity header %q, want 0/6", d.m.capacity.Text)
	}
	d.book("会见一", calendar.KindVisit, time.Date(2026, 11, 25, 9, 0, 0, 0, monday10.Location()), time.Hour)
	d.book("会见二", calendar.KindVisit, time.Date(2026, 11, 26, 9, 0, 0, 0, monday10.Location()), time.Hour)
	if !strings.Contains(d.m.capacity.Text, "2/6") {
		t.Fatalf("capacity header %q, want 2/6", d.m.capacity.Text)
	}
	d.m.shiftWeek(1)
	if !strings.Contains(d.m.capacity.Text, "0/6") {
		t.Fatalf("next week's header %q, want 0/6", d.m.capacity.Text)
	}
}
