package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
)

// A window that cannot open its calendar says why in a window of its own,
// in the user's language, and closes with its button.
func TestStartFailureSaysWhyAndCloses(t *testing.T) {
	speaking(t, "zh_CN.UTF-8")
	a := test.NewTempApp(t)
	const why = "/home/秘书/anteroom.db 所在的磁盘已满：本次未做任何更改；请腾出空间后重试"
	f := newStartFailure(a, why)
	f.w.Show()
	if f.w.Title() != "Anteroom 无法启动" {
		t.Errorf("title %q, want it in Chinese", f.w.Title())
	}
	if f.heading.Text != "Anteroom 无法打开日程数据库。" || f.reason.Full() != why {
		t.Fatalf("the window says %q and %q; want the heading and the reason", f.heading.Text, f.reason.Full())
	}
	if f.closeButton.Text != "关闭" {
		t.Fatalf("the button says %q", f.closeButton.Text)
	}
	test.Tap(f.closeButton)
	if slices.Contains(a.Driver().AllWindows(), f.w) {
		t.Fatal("the window stayed open after 关闭")
	}
}

func TestAsSentenceCapitalisesOnlyALowerCaseStart(t *testing.T) {
	for in, want := range map[string]string{
		"the disk holding /a/b.db is full":    "The disk holding /a/b.db is full",
		"/a/b.db is not an Anteroom database": "/a/b.db is not an Anteroom database",
		"/a/b.db 所在的磁盘已满":                     "/a/b.db 所在的磁盘已满",
		"één":                                 "Één",
		"":                                    "",
	} {
		if got := asSentence(in); got != want {
			t.Errorf("asSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
