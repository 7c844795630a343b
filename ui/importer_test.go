package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

// invite is an Outlook-style invitation with a Windows zone name, a
// folded Chinese title, a to-do, and an event that clashes with 周一例会.
const invite = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nMETHOD:REQUEST\r\n" +
	"BEGIN:VTIMEZONE\r\nTZID:China Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n" +
	"BEGIN:VEVENT\r\nUID:clash-1@example.org\r\nSEQUENCE:0\r\nDTSTAMP:20261120T010000Z\r\nSUMMARY:市发改委项目对接会\r\n" +
	"DTSTART;TZID=China Standard Time:20261123T090000\r\nDTEND;TZID=China Standard Time:20261123T100000\r\nLOCATION:第三会议室\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nUID:plain-2@example.org\r\nSEQUENCE:0\r\nDTSTAMP:20261120T010000Z\r\nSUMMARY:全市安全生产视频会议（各区县分会场同步收看\r\n ，请提前十分钟入场）\r\n" +
	"DTSTART;TZID=China Standard Time:20261125T150000\r\nDTEND;TZID=China Standard Time:20261125T163000\r\nEND:VEVENT\r\n" +
	"BEGIN:VTODO\r\nUID:todo-3@example.org\r\nDTSTAMP:20261120T010000Z\r\nSUMMARY:报送年度工作总结\r\nDUE;VALUE=DATE:20261127\r\nPRIORITY:1\r\nEND:VTODO\r\n" +
	"END:VCALENDAR\r\n"

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportPreviewTickApplyAndReimport(t *testing.T) {
	d := newDesk(t)
	d.book("周一例会", calendar.KindMeeting, time.Date(2026, 11, 23, 8, 30, 0, 0, monday10.Location()), 90*time.Minute)
	path := writeTemp(t, "invite.ics", invite)

	d.m.importFiles(path)
	p := d.m.importer.preview
	if p == nil {
		t.Fatal("no preview after reading the invitation")
	}
	if n := len(p.plan.Items); n != 2 {
		t.Fatalf("preview lists %d items, want 2", n)
	}
	var clash, plain *imports.ImportItem
	for i := range p.plan.Items {
		switch p.plan.Items[i].Incoming.Engagement.UID {
		case "clash-1@example.org":
			clash = &p.plan.Items[i]
		case "plain-2@example.org":
			plain = &p.plan.Items[i]
		}
	}
	if clash == nil || plain == nil || clash.Action != imports.ImportNew || !calendar.Blocking(clash.Findings) {
		t.Fatalf("want the clash as new with a blocking finding: %+v", p.plan.Items)
	}
	if !strings.Contains(importDetail(*clash), "周一例会") {
		t.Fatalf("the clash does not name 周一例会: %q", importDetail(*clash))
	}
	if plain.Incoming.Engagement.Title != "全市安全生产视频会议（各区县分会场同步收看，请提前十分钟入场）" {
		t.Fatalf("folded title read as %q", plain.Incoming.Engagement.Title)
	}
	if !strings.Contains(p.counts.Full(), "2") {
		t.Fatalf("counts %q", p.counts.Full())
	}
	if len(p.plan.Todos) != 1 || !strings.Contains(p.notes.Full(), "报送年度工作总结") {
		t.Fatalf("the to-do is not listed: %q", p.notes.Full())
	}

	// Untick the clash; import the rest.
	clash.Selected = false
	p.refreshCounts()
	test.Tap(p.apply)
	if p.result == nil || p.result.New != 1 {
		t.Fatalf("import result %+v, want 1 new", p.result)
	}
	if d.blockTitled(plain.Incoming.Engagement.Title) == nil {
		t.Fatal("the imported engagement is not in the grid")
	}
	if d.blockTitled("市发改委项目对接会") != nil {
		t.Fatal("the unticked engagement was imported")
	}

	// Importing the same file again: the imported one is unchanged.
	d.m.importFiles(path)
	p = d.m.importer.preview
	for _, it := range p.plan.Items {
		if it.Incoming.Engagement.UID == "plain-2@example.org" && it.Action != imports.ImportUnchanged {
			t.Fatalf("re-import: %s is %s, want unchanged", it.Incoming.Engagement.UID, it.Action)
		}
	}
}

func TestImportOfABrokenFileNamesTheLineAndStoresNothing(t *testing.T) {
	d := newDesk(t)
	before := len(d.stored())
	broken := strings.Replace(invite, "DTSTART;TZID=China Standard Time:20261125T150000", "DTSTART;TZID=China Standard Time:2026112", 1)
	d.m.importFiles(writeTemp(t, "broken.ics", broken))
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no error shown for a broken file")
	}
	var text string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := labelText(o); ok {
			text += l
		}
		if l, ok := o.(*widget.RichText); ok {
			text += l.String()
		}
	}
	if !strings.Contains(strings.ToLower(text), "broken.ics") || !strings.Contains(text, "28") {
		t.Fatalf("the error %q does not name the file and line 28", text)
	}
	if d.m.importer.preview != nil || len(d.stored()) != before {
		t.Fatal("a broken file was previewed or stored")
	}
}

func TestExportThisWeekHidesConfidentialTitles(t *testing.T) {
	d := newDesk(t)
	secret := calendar.Engagement{LeaderID: d.leader.ID, Title: "人事调整专题会", Classification: calendar.ClassConfidential,
		Start: time.Date(2026, 11, 24, 15, 0, 0, 0, monday10.Location())}
	secret.End = secret.Start.Add(time.Hour)
	if err := d.svc.Save(t.Context(), &secret); err != nil {
		t.Fatal(err)
	}
	open := d.book("招商引资座谈会", calendar.KindMeeting, time.Date(2026, 11, 25, 9, 0, 0, 0, monday10.Location()), time.Hour)
	d.m.openExport(true)
	ex := d.m.exporter
	if ex.from.date != calendar.NewDate(2026, 11, 23) || ex.to.date != calendar.NewDate(2026, 11, 29) {
		t.Fatalf("export this week preset %s–%s", ex.from.date, ex.to.date)
	}
	var out bytes.Buffer
	if err := ex.write(&out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if !strings.Contains(s, "BEGIN:VCALENDAR") || !strings.Contains(s, "METHOD:PUBLISH") || !strings.Contains(s, open.Title) {
		t.Fatalf("export lacks the calendar or the open title:\n%s", s)
	}
	if strings.Contains(s, secret.Title) || !strings.Contains(s, "UID:"+secret.UID) {
		t.Fatalf("a confidential title leaked, or the item is missing:\n%s", s)
	}
}

func TestImportingSeveralFilesPreviewsEachInTurn(t *testing.T) {
	d := newDesk(t)
	dir := t.TempDir()
	second := strings.ReplaceAll(strings.ReplaceAll(invite, "clash-1@", "other-1@"), "plain-2@", "other-2@")
	for name, content := range map[string]string{"a.ics": invite, "b.ICS": second, "notes.txt": "不是日历"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	paths, err := calendarFilesIn(dir)
	if err != nil || len(paths) != 2 {
		t.Fatalf("calendarFilesIn = %v, %v; want the two .ics files", paths, err)
	}
	d.m.importFiles(paths...)
	first := d.m.importer.preview
	if first == nil || filepath.Base(first.plan.File) != "a.ics" {
		t.Fatal("the first file is not previewed first")
	}
	test.Tap(first.apply)
	secondPreview := d.m.importer.preview
	if secondPreview == first || filepath.Base(secondPreview.plan.File) != "b.ICS" {
		t.Fatal("applying the first file did not preview the second")
	}
	test.Tap(secondPreview.apply)
	if n := len(d.stored()); n != 4 {
		t.Fatalf("%d engagements after importing both files, want 4", n)
	}
}

// TestImportPreviewSumsUpRepeatedNotes: a file with fifty journal
// entries says so in a few lines and "… and 47 more like" the rest.
func TestImportPreviewSumsUpRepeatedNotes(t *testing.T) {
	d := newDesk(t)
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n")
	for i := range 50 {
		b.WriteString("BEGIN:VJOURNAL\r\nUID:j" + strconv.Itoa(i) + "\r\nDTSTAMP:20261120T010000Z\r\nSUMMARY:日志\r\nEND:VJOURNAL\r\n")
	}
	b.WriteString("BEGIN:VEVENT\r\nUID:e@x\r\nDTSTAMP:20261120T010000Z\r\nDTSTART:20261125T020000Z\r\nDTEND:20261125T030000Z\r\nSUMMARY:会\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	d.m.importFiles(writeTemp(t, "journals.ics", b.String()))
	p := d.m.importer.preview
	if p == nil {
		t.Fatal("no preview")
	}
	if lines := strings.Count(p.notes.Full(), "\n") + 1; lines != 4 || !strings.Contains(p.notes.Full(), "47") {
		t.Fatalf("notes in %d lines, want 3 and a line for the other 47:\n%s", lines, p.notes.Full())
	}
}
