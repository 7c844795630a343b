package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// shownText is what a label draws: the texts of its rich text's runs.
func shownText(l fyne.Widget) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *canvas.Text:
			b.WriteString(o.Text)
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(l)
	return b.String()
}

// TestFittedLabelShowsWhatAnEllipsisLabelShows: at every width, for titles
// and subtitles of every script, the agenda's label shows the very text a
// Label with Fyne's ellipsis shows, and asks for the same minimum size;
// whether the text was set before or after the width changed.
func TestFittedLabelShowsWhatAnEllipsisLabelShows(t *testing.T) {
	test.NewTempApp(t)
	texts := []string{"08:00–08:45  周一例会（第13000次）", "14:00–15:30  听取财政预算执行情况汇报（第12345次）", "全天  会见华东电力公司总经理一行",
		"会议 · 第1会议室, 行政中心三楼 · 待定", "Budget 审议 with 县委常委会 members", "plain English title only", "㐀㐁 extension A", ""}
	faces := []struct {
		style fyne.TextStyle
		size  fyne.ThemeSizeName
	}{{fyne.TextStyle{Bold: true}, ""}, {fyne.TextStyle{}, theme.SizeNameCaptionText}}
	cuts, whole := 0, 0
	for _, f := range faces {
		plain := &widget.Label{Truncation: fyne.TextTruncateEllipsis, TextStyle: f.style, SizeName: f.size}
		fitted := newFittedLabel(f.style, f.size)
		w := test.NewWindow(container.NewWithoutLayout(plain, fitted))
		for _, s := range texts {
			for width := float32(20); width < 420; width += 2.5 {
				size := fyne.NewSize(width, 40)
				if int(width)%2 == 0 { // text first, then the width
					plain.SetText(s)
					fitted.setFull(s)
					plain.Resize(size)
					fitted.Resize(size)
				} else {
					plain.Resize(size)
					fitted.Resize(size)
					plain.SetText(s)
					fitted.setFull(s)
				}
				want, got := shownText(plain), shownText(fitted)
				if got != want {
					t.Fatalf("%q at width %v: shows %q, a truncating Label %q", s, width, got, want)
				}
				if pm, fm := plain.MinSize(), fitted.MinSize(); pm != fm {
					t.Fatalf("%q at width %v: min size %v, a truncating Label's %v", s, width, fm, pm)
				}
				switch {
				case strings.HasSuffix(want, "…"):
					cuts++
				case want == s && s != "":
					whole++
				}
			}
		}
		w.Close()
	}
	if cuts < 100 || whole < 100 {
		t.Fatalf("only %d cut and %d whole texts compared", cuts, whole)
	}
}

// TestFittedLabelSetToWhatItShowsDoesNothing: a list refreshes its rows
// with the items they already show, several times before the first frame,
// and each refresh of a truncating Label shapes its text twice. Setting
// the shown text again at the same width does no work at all; a new text
// is shown.
func TestFittedLabelSetToWhatItShowsDoesNothing(t *testing.T) {
	test.NewTempApp(t)
	l := newFittedLabel(fyne.TextStyle{Bold: true}, "")
	w := test.NewWindow(l)
	defer w.Close()
	long := "08:00–08:45  听取财政预算执行情况汇报（第12345次）"
	l.Resize(fyne.NewSize(120, 40))
	l.setFull(long)
	shown := shownText(l)
	if !strings.HasSuffix(shown, "…") {
		t.Fatalf("shows %q at 120 wide, want it cut", shown)
	}
	if allocs := testing.AllocsPerRun(20, func() { l.setFull(long) }); allocs != 0 {
		t.Errorf("setting the shown text again allocates %v times, want no work", allocs)
	}
	l.setFull("会议")
	if got := shownText(l); got != "会议" {
		t.Errorf("after a new text, shows %q", got)
	}
}
