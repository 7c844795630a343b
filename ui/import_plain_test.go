package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// shownText is what the preview's rows and notes say, the fold aside.
func (p *importPreview) shownText() string {
	var shown []string
	for _, it := range p.plan.Items {
		shown = append(shown, importDetail(it))
	}
	return strings.Join(append(shown, p.notes.Full()), "\n")
}

// foldText is the text in the preview's Details fold.
func (p *importPreview) foldText(t *testing.T) string {
	t.Helper()
	if p.fold == nil || len(p.fold.Items) != 1 {
		t.Fatal("the preview has no Details fold")
	}
	if p.fold.Items[0].Open {
		t.Error("the Details fold starts open")
	}
	if p.fold.Items[0].Title != tr("Details") {
		t.Errorf("the fold is titled %q", p.fold.Items[0].Title)
	}
	text, _ := labelText(p.fold.Items[0].Detail)
	return text
}

// The import preview speaks the secretary's words: no property names or
// RFC sections in its rows and notes; those stay in a closed Details fold.
func TestImportPreviewSaysItPlainlyWithDetailsFolded(t *testing.T) {
	speaking(t, "zh_CN.UTF-8")
	d := newDesk(t)

	// Importing the same file twice: "already imported", not SEQUENCE and DTSTAMP.
	path := writeTemp(t, "invite.ics", invite)
	d.m.importFiles(path)
	d.m.importer.preview.onApply()
	d.m.importFiles(path)
	p := d.m.importer.preview
	shown := p.shownText()
	if !strings.Contains(shown, "已导入过，内容没有变化") {
		t.Fatalf("the re-import does not say it plainly: %q", shown)
	}
	if fold := p.foldText(t); !strings.Contains(fold, "SEQUENCE") || !strings.Contains(fold, "DTSTAMP") {
		t.Fatalf("the fold lacks the technical reason: %q", fold)
	}

	// An unknown CLASS: said plainly, the RFC section kept in the fold.
	odd := writeTemp(t, "odd.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n"+
		"BEGIN:VEVENT\r\nUID:odd-1@x\r\nDTSTAMP:20261120T010000Z\r\nDTSTART:20261125T020000Z\r\nDTEND:20261125T030000Z\r\n"+
		"SUMMARY:调度会\r\nCLASS:X-SECRET\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	d.m.importer.preview.onSkip()
	d.m.importFiles(odd)
	p = d.m.importer.preview
	shown = p.shownText()
	if !strings.Contains(shown, "密级“X-SECRET”无法识别") {
		t.Fatalf("the unknown class is not said plainly: %q", shown)
	}
	if fold := p.foldText(t); !strings.Contains(fold, "RFC 5545") {
		t.Fatalf("the fold lacks the RFC section: %q", fold)
	}
	for _, jargon := range []string{"SEQUENCE", "DTSTAMP", "RFC", "CLASS", "VEVENT"} {
		if strings.Contains(shown, jargon) {
			t.Errorf("the preview shows %q: %q", jargon, shown)
		}
	}
}

// A file that cannot be read says why in plain words, naming the file
// and line; the reader's "DATE or DATE-TIME (RFC 5545 §3.3.4)" stays in
// the Details fold.
func TestUnreadableFileSaysWhyPlainly(t *testing.T) {
	speaking(t, "zh_CN.UTF-8")
	d := newDesk(t)
	bad := writeTemp(t, "bad.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n"+
		"BEGIN:VEVENT\r\nUID:bad-1@x\r\nDTSTAMP:20261120T010000Z\r\nDTSTART:2026-12-10\r\nSUMMARY:坏日期\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	d.m.importFiles(bad)
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no message about the unreadable file")
	}
	var shown []string
	var fold *widget.AccordionItem
	for _, o := range test.LaidOutObjects(top) {
		if text, ok := labelText(o); ok && o.Visible() { // the closed fold's text is laid out, hidden
			shown = append(shown, text)
		}
		if a, ok := o.(*widget.Accordion); ok {
			fold = a.Items[0]
		}
	}
	all := strings.Join(shown, "\n")
	if !strings.Contains(all, "bad.ics 第 7 行：文件中的日期、时间或其他内容无法读取") {
		t.Fatalf("the message is not plain: %q", all)
	}
	if fold == nil || fold.Open || fold.Title != "详细信息" {
		t.Fatalf("no closed Details fold: %+v", fold)
	}
	if details, _ := labelText(fold.Detail); !strings.Contains(details, "RFC 5545") || !strings.Contains(details, "DTSTART") {
		t.Fatalf("the fold lacks the technical text: %q", details)
	}
	if strings.Contains(all, "RFC") || strings.Contains(all, "DATE-TIME") {
		t.Fatalf("the jargon is shown outside the fold: %q", all)
	}
}
