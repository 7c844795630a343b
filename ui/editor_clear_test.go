package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

// Each message the editor shows goes as soon as its field is fixed: the
// title's, the end's, and the override's "say why".
func TestValidationMessagesClearWhenFixed(t *testing.T) {
	d := newDesk(t)
	d.book("县委常委会", calendar.KindMeeting, time.Date(2026, 11, 24, 9, 0, 0, 0, monday10.Location()), 2*time.Hour)
	d.m.grid.body.DoubleTapped(&fyne.PointEvent{Position: d.slotPos(1, 10, 0)})
	ed := d.m.editor

	test.Tap(ed.saveBtn)
	if ed.errs["title"].Hidden {
		t.Fatal("saving without a title says nothing")
	}
	test.Type(ed.title, "听取汇报")
	if !ed.errs["title"].Hidden {
		t.Fatalf("the title's message stays after typing one: %q", ed.errs["title"].Full())
	}

	ed.endTime.hour.SetSelected("08")
	if ed.errs["end"].Hidden {
		t.Fatal("an end before the start says nothing")
	}
	ed.endTime.hour.SetSelected("11")
	if !ed.errs["end"].Hidden {
		t.Fatalf("the end's message stays after fixing it: %q", ed.errs["end"].Full())
	}

	test.Tap(ed.saveBtn) // blocked by the clash: the override is offered
	test.Tap(ed.overrideBtn)
	if ed.errs["form"].Hidden {
		t.Fatal("an override without a reason says nothing")
	}
	test.Type(ed.reason, "书记交办")
	if !ed.errs["form"].Hidden {
		t.Fatalf("the reason's message stays after typing one: %q", ed.errs["form"].Full())
	}
	if ed.reason.Validate() != nil {
		t.Fatal("the reason field still shows an error")
	}
}

// Booking before now shows a warning, named in the UI's words, and saves
// without an override.
func TestBookingInThePastWarnsInTheEditor(t *testing.T) {
	d := newDesk(t) // now: Monday 23 Nov 2026, 10:00
	d.m.grid.body.DoubleTapped(&fyne.PointEvent{Position: d.slotPos(0, 8, 0)})
	ed := d.m.editor
	test.Type(ed.title, "补登：早班碰头会")
	var past []string
	for _, f := range ed.findings {
		if f.Rule == calendar.RulePast {
			past = append(past, ruleLabel(f.Rule)+": "+findingText(f))
		}
	}
	if len(past) != 1 || calendar.Blocking(ed.findings) {
		t.Fatalf("findings %v: want one warning of the past, nothing blocking", findingTexts(ed))
	}
	if strings.HasPrefix(past[0], "past:") || !strings.Contains(past[0], tr("In the past")) || !strings.Contains(past[0], "2026-11-23 08:00") {
		t.Fatalf("the warning reads %q", past[0])
	}
	test.Tap(ed.saveBtn)
	if ed.visible() || len(d.stored()) != 1 {
		t.Fatal("a booking in the past was refused")
	}
}
