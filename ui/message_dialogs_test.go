package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// An error too long for one line breaks by the rules of Chinese
// typesetting; a short one makes a dialog no wider than itself.
func TestErrorDialogBreaksAChineseMessageByTheRules(t *testing.T) {
	speaking(t, "zh_CN.UTF-8")
	d := newDesk(t)
	d.win.Resize(fyne.NewSize(1024, 700))
	long := "无法保存：另一个 Anteroom 正在写入日程库，已等待一分钟仍未结束，本次修改没有保存，请稍后再试，或关闭另一个窗口后重新操作。"
	d.m.showError(errors.New(long))
	top := d.win.Canvas().Overlays().Top()
	text := paragraphShowing(top, long)
	if text == nil {
		t.Fatalf("the dialog does not show the message: %q", labelsOf(top))
	}
	checkRows(t, "the error", text)
	if rows := drawnRows(text); len(rows) < 2 {
		t.Errorf("the long message is on %d row(s): the test looks at nothing", len(rows))
	}
	if w := top.(*widget.PopUp).Content.Size().Width; w > messageMaxWidth {
		t.Errorf("the dialog is %v wide", w)
	}
	closeTop(d.win.Canvas())

	d.m.showError(errors.New("日期有误"))
	short := d.win.Canvas().Overlays().Top()
	if w := short.(*widget.PopUp).Content.Size().Width; w > 300 {
		t.Errorf("a four-character message makes a dialog %v wide", w)
	}
	for _, o := range test.LaidOutObjects(short) {
		if p, ok := o.(*paragraph); ok && len(drawnRows(p)) != 1 {
			t.Errorf("the short message is broken: %q", drawnRows(p))
		}
	}
	if !strings.Contains(strings.Join(labelsOf(short), "|"), "日期有误") {
		t.Errorf("the short message is not shown: %q", labelsOf(short))
	}
}

// Deleting an engagement with a long title asks with the title broken by
// the rules; Yes answers yes.
func TestConfirmDialogBreaksALongTitleByTheRules(t *testing.T) {
	speaking(t, "zh_CN.UTF-8")
	d := newDesk(t)
	d.win.Resize(fyne.NewSize(1024, 700))
	title := "关于全县安全生产大检查工作情况的专题汇报会暨第四季度重点工作部署会议（县委常委扩大会议）"
	message := lang.L("“{{.Title}}” will be removed from the calendar.", map[string]any{"Title": title})
	answer := ""
	showDialog(d.win, newConfirmDialog(tr("Delete engagement?"), message, func(ok bool) { answer = map[bool]string{true: "yes", false: "no"}[ok] }, d.win))
	top := d.win.Canvas().Overlays().Top()
	text := paragraphShowing(top, message)
	if text == nil {
		t.Fatalf("the dialog does not ask %q: %q", message, labelsOf(top))
	}
	checkRows(t, "the question", text)
	if len(drawnRows(text)) < 2 {
		t.Errorf("the question is on one row: the test looks at nothing")
	}
	d.tapButton(tr("Yes"))
	if answer != "yes" {
		t.Errorf("Yes answered %q", answer)
	}
}

// paragraphShowing returns the paragraph under o that shows text, nil
// when none does.
func paragraphShowing(o fyne.CanvasObject, text string) *paragraph {
	for _, c := range test.LaidOutObjects(o) {
		if p, ok := c.(*paragraph); ok && p.Full() == text {
			return p
		}
	}
	return nil
}
