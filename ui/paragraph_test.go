package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// drawnRows returns the rows of text Fyne draws for p.
func drawnRows(p *paragraph) []string {
	var rows []string
	for _, o := range test.LaidOutObjects(p) {
		if t, ok := o.(*canvas.Text); ok && o.Visible() && t.Text != "" {
			rows = append(rows, t.Text)
		}
	}
	return rows
}

// checkRows fails when a drawn row of p starts with a closing mark, or
// the rows are not p's text, or Fyne wrapped a line of p's again.
func checkRows(t *testing.T, what string, p *paragraph) {
	t.Helper()
	rows := drawnRows(p)
	for i, r := range rows {
		if first := []rune(r)[0]; i > 0 && strings.ContainsRune(noLineStart, first) {
			t.Errorf("%s at width %v: row %d starts with %q: %q", what, p.Size().Width, i, first, rows)
		}
	}
	if got := withoutSpaces(strings.Join(rows, "")); got != withoutSpaces(p.Full()) {
		t.Errorf("%s at width %v: drawn %q, want %q", what, p.Size().Width, rows, p.Full())
	}
	if lines := strings.Count(p.Text, "\n") + 1; len(rows) != lines {
		t.Errorf("%s at width %v: %d rows drawn for %d lines: Fyne broke a line again: %q", what, p.Size().Width, len(rows), lines, rows)
	}
}

// The detail pane's hint broke as "…单击选中" / "，双击编辑。" at 1024×700:
// at every width of the window no row of it starts with a mark, and
// Fyne draws the lines as broken.
func TestTheHintsLinesStartWithNoMark(t *testing.T) {
	speaking(t, "zh_CN.UTF-8")
	d := newDesk(t)
	d.m.detail.show(nil, time.UTC)
	hint := lang.L("Point at an engagement to see its details; click to select it, double-click to edit.")
	if !strings.Contains(hint, "，") {
		t.Fatalf("the hint is not in Chinese: %q", hint)
	}
	most := 0
	for w := float32(900); w <= 1700; w += 7 {
		d.win.Resize(fyne.NewSize(w, 700))
		checkRows(t, "the hint", d.m.detail.when)
		most = max(most, len(drawnRows(d.m.detail.when)))
	}
	if most < 2 {
		t.Errorf("the hint is never broken: the test looks at nothing")
	}
}

// A paragraph set to new text shows it broken for its width; in English
// it breaks at spaces, as Fyne's wrapping does.
func TestParagraphBreaksNewTextForItsWidth(t *testing.T) {
	test.NewTempApp(t)
	p := newParagraph("")
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(200, 300))
	p.SetText("领导日程与会客，会议、会客、公务活动一目了然；冲突在输入时即提示。")
	checkRows(t, "Chinese", p)
	p.SetText("Point at an engagement to see its details; click to select it, double-click to edit.")
	checkRows(t, "English", p)
	for _, r := range drawnRows(p) {
		if strings.HasPrefix(r, " ") || strings.HasSuffix(r, " ") {
			t.Errorf("row %q keeps a space at a break", r)
		}
	}
	if got := strings.Join(strings.Fields(strings.Join(drawnRows(p), " ")), " "); got != p.Full() {
		t.Errorf("English rows %q are not the words of %q", drawnRows(p), p.Full())
	}
}

// labelText returns the text a label or a paragraph holds, as given.
func labelText(o fyne.CanvasObject) (text string, ok bool) {
	switch l := o.(type) {
	case *widget.Label:
		return l.Text, true
	case *paragraph:
		return l.Full(), true
	}
	return "", false
}
