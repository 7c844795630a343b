package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

// weekTitles returns the titles in the grid for the week holding d.
func (d *uiDesk) weekTitles(day calendar.Date) map[string]int {
	d.m.goToWeek(day)
	out := map[string]int{}
	for _, b := range d.blocks() {
		out[b.item.Title]++
	}
	return out
}

func TestWeeklySeriesThisOccurrenceAndAllOccurrences(t *testing.T) {
	d := newDesk(t)

	// A weekly meeting on Wednesday 09:00, booked from the grid.
	d.m.grid.body.DoubleTapped(&fyne.PointEvent{Position: d.slotPos(2, 9, 0)})
	ed := d.m.editor
	test.Type(ed.title, "周三例会")
	ed.repeat.SetSelected(repeatLabel(repeatWeekly))
	test.Tap(ed.saveBtn)
	if ed.visible() {
		t.Fatalf("saving the series failed: %q %v", ed.errs["form"].Full(), findingTexts(ed))
	}
	for _, w := range []calendar.Date{calendar.NewDate(2026, 11, 25), calendar.NewDate(2026, 12, 2), calendar.NewDate(2027, 3, 3)} {
		if n := d.weekTitles(w)["周三例会"]; n != 1 {
			t.Fatalf("week of %s shows the series %d times", w, n)
		}
	}

	// Move only the 2 December occurrence to 15:00.
	d.m.goToWeek(calendar.NewDate(2026, 12, 2))
	test.DoubleTap(d.blockTitled("周三例会"))
	ed = d.m.editor
	if ed.scope == nil || ed.scopeValue() != scopeThis || !ed.repeat.Disabled() {
		t.Fatal("an occurrence does not offer this occurrence / all occurrences, defaulting to this one")
	}
	ed.startTime.hour.SetSelected("15")
	test.Tap(ed.saveBtn)
	if ed.visible() {
		t.Fatalf("saving the occurrence failed: %q %q %v", ed.errs["form"].Full(), ed.errs["end"].Full(), findingTexts(ed))
	}
	if b := d.blockTitled("周三例会"); b == nil || b.item.Start.In(monday10.Location()).Hour() != 15 {
		t.Fatal("the moved occurrence is not at 15:00")
	}
	d.m.goToWeek(calendar.NewDate(2026, 12, 9))
	if b := d.blockTitled("周三例会"); b == nil || b.item.Start.In(monday10.Location()).Hour() != 9 {
		t.Fatal("moving one occurrence moved the next one too")
	}

	// Rename all occurrences from the 9 December one.
	test.DoubleTap(d.blockTitled("周三例会"))
	ed = d.m.editor
	ed.scope.SetSelected(tr("All occurrences"))
	ed.title.SetText("周三党组例会")
	test.Tap(ed.saveBtn)
	if ed.visible() {
		t.Fatalf("saving all occurrences failed: %q %v", ed.errs["form"].Full(), findingTexts(ed))
	}
	if n := d.weekTitles(calendar.NewDate(2026, 11, 25))["周三党组例会"]; n != 1 {
		t.Fatal("renaming all occurrences missed the first one")
	}

	// Delete only the 16 December occurrence.
	d.m.goToWeek(calendar.NewDate(2026, 12, 16))
	test.DoubleTap(d.blockTitled("周三党组例会"))
	test.Tap(d.m.editor.delBtn)
	d.tapButton(tr("Delete"))
	if n := d.weekTitles(calendar.NewDate(2026, 12, 16))["周三党组例会"]; n != 0 {
		t.Fatal("the deleted occurrence is still shown")
	}
	if n := d.weekTitles(calendar.NewDate(2026, 12, 23))["周三党组例会"]; n != 1 {
		t.Fatal("deleting one occurrence removed the next")
	}
	got, err := d.svc.Agenda(context.Background(), d.leader, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 12, 27))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 { // 25 Nov, 2 Dec (moved), 9 Dec, 23 Dec
		t.Fatalf("%d occurrences from 23 Nov to 27 Dec, want 4", len(got))
	}
}
