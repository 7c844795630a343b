package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// labelsOf lists the text of every label drawn under o.
func labelsOf(o fyne.CanvasObject) []string {
	var out []string
	for _, c := range test.LaidOutObjects(o) {
		switch l := c.(type) {
		case *widget.Label:
			out = append(out, l.Text)
		case *paragraph:
			out = append(out, l.Full())
		}
	}
	return out
}

// The Go to date… picker speaks the UI's language: month heading and
// weekday heads, also after stepping to another month.
func TestDatePickerSpeaksTheUILanguage(t *testing.T) {
	cases := []struct {
		locale, month, next, monday string
		english                     []string
	}{
		{"zh_CN.UTF-8", "2026年11月", "2026年12月", "一", []string{"November 2026", "MON", "SUN"}},
		{"en_US.UTF-8", "November 2026", "December 2026", "MON", []string{"2026年11月"}},
	}
	for _, c := range cases {
		t.Run(c.locale, func(t *testing.T) {
			speaking(t, c.locale)
			d := newDesk(t)
			d.m.pickWeek()
			top := d.win.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("Go to date… opened nothing")
			}
			texts := labelsOf(top)
			for _, want := range []string{c.month, c.monday} {
				if !slices.Contains(texts, want) {
					t.Errorf("the picker lacks %q: %q", want, texts)
				}
			}
			for _, bad := range c.english {
				if slices.Contains(texts, bad) {
					t.Errorf("the picker shows %q in %s", bad, c.locale)
				}
			}
			var next *widget.Button
			for _, o := range test.LaidOutObjects(top) {
				if b, ok := o.(*widget.Button); ok && b.Text == "" && b.Icon != nil && b.Icon.Name() == "navigateNext"+".svg" {
					next = b
				}
			}
			cal := findLocalCalendar(top)
			if cal == nil || cal.month == nil {
				t.Fatal("the picker is not the localized calendar")
			}
			if next == nil {
				next = cal.nextButton(t)
			}
			test.Tap(next)
			if cal.month.Text != c.next {
				t.Errorf("after a month step the heading reads %q, want %q", cal.month.Text, c.next)
			}
		})
	}
}

func findLocalCalendar(o fyne.CanvasObject) *localCalendar {
	for _, c := range test.LaidOutObjects(o) {
		if lc, ok := c.(*localCalendar); ok {
			return lc
		}
	}
	return nil
}

// nextButton is the calendar's "next month" arrow: the second button of
// its heading row.
func (c *localCalendar) nextButton(t *testing.T) *widget.Button {
	var buttons []*widget.Button
	for _, o := range test.LaidOutObjects(c) {
		if b, ok := o.(*widget.Button); ok && b.Text == "" {
			buttons = append(buttons, b)
		}
	}
	if len(buttons) < 2 {
		t.Fatal("the calendar has no arrows")
	}
	return buttons[1]
}

// File dialogs have a title in the UI's language and their places
// (Home, Computer) translated.
func TestFileDialogSpeaksTheUILanguage(t *testing.T) {
	speaking(t, "zh_CN.UTF-8")
	t.Setenv("HOME", t.TempDir())
	d := newDesk(t)
	d.win.Resize(fyne.NewSize(1024, 700))
	fd := dialog.NewFileOpen(func(fyne.URIReadCloser, error) {}, d.win)
	showFileDialog(d.win, fd, tr("Open a calendar file (.ics)"))
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no file dialog")
	}
	var places []string
	for _, o := range test.LaidOutObjects(top) {
		if s, ok := o.(*container.Split); ok {
			places = labelsOf(s.Leading)
		}
	}
	texts := labelsOf(top)
	for _, want := range []string{"打开日历文件（.ics）", "主目录", "计算机"} {
		if !slices.Contains(texts, want) && !slices.Contains(places, want) {
			t.Errorf("the file dialog lacks %q: %q", want, append(texts, places...))
		}
	}
	for _, bad := range []string{"Home", "Computer", "Open File", "打开 文件"} {
		if slices.Contains(texts, bad) || slices.Contains(places, bad) {
			t.Errorf("the file dialog shows %q in zh-CN", bad)
		}
	}
	d.press(fyne.KeyEscape)
	if d.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the file dialog open")
	}
	_ = time.Now
}
