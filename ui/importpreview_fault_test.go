package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// swappedEnd holds an item whose DTEND is before its DTSTART (15:00 to
// 03:30, a 12-hour clock read wrong; python-recurring-ical-events issue
// 132 has the same fault) and a sound one.
const swappedEnd = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\n" +
	"BEGIN:VEVENT\r\nUID:swapped@example.org\r\nDTSTAMP:20261120T010000Z\r\nSUMMARY:Budget review\r\n" +
	"DTSTART;TZID=Asia/Shanghai:20261124T150000\r\nDTEND;TZID=Asia/Shanghai:20261124T033000\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nUID:fine@example.org\r\nDTSTAMP:20261120T010000Z\r\nSUMMARY:Staff meeting\r\n" +
	"DTSTART;TZID=Asia/Shanghai:20261125T090000\r\nDTEND;TZID=Asia/Shanghai:20261125T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

// The preview marks an item that ends before it starts as needing a
// time; it cannot be ticked, and importing stores only the rest.
func TestImportPreviewItemEndingBeforeItStartsNeedsATime(t *testing.T) {
	d := newDesk(t)
	d.m.importFiles(writeTemp(t, "swapped.ics", swappedEnd))
	p := d.m.importer.preview
	if p == nil || len(p.plan.Items) != 2 {
		t.Fatalf("preview %+v, want two items", p)
	}
	for i, it := range p.plan.Items {
		row := p.createRow()
		p.updateRow(i, row)
		left := row.(*fyne.Container).Objects[1].(*fyne.Container)
		check, action := left.Objects[0].(*widget.Check), left.Objects[1].(*widget.Label)
		if it.Incoming.Engagement.Title != "Budget review" {
			continue
		}
		if action.Text != "Needs a time" || !check.Disabled() || it.Selected {
			t.Fatalf("swapped item shows %q, check disabled %v, selected %v; want Needs a time, not tickable",
				action.Text, check.Disabled(), it.Selected)
		}
		test.Tap(check)
		if p.plan.Items[i].Selected {
			t.Fatal("the item needing a time was ticked")
		}
		if !strings.Contains(importDetail(it), "before it starts") {
			t.Fatalf("detail %q does not say why", importDetail(it))
		}
	}
	test.Tap(p.apply)
	if p.result == nil || p.result.New != 1 {
		t.Fatalf("import result %+v, want 1 new", p.result)
	}
	if d.blockTitled("Budget review") != nil {
		t.Fatal("the item needing a time was imported")
	}
}
