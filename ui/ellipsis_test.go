package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// ellipsizeRuneByRune is ellipsize as it was before ideographs shared a
// width: every rune measured on its own.
func ellipsizeRuneByRune(s string, width, size float32, style fyne.TextStyle) string {
	if width <= 0 {
		return ""
	}
	var total float32
	for _, r := range s {
		total += measuredRuneWidth(r, size, style)
	}
	if total <= width {
		return s
	}
	limit := width - measuredRuneWidth('…', size, style)
	var used float32
	for i, r := range s {
		w := measuredRuneWidth(r, size, style)
		if used+w > limit {
			if i == 0 {
				return ""
			}
			return s[:i] + "…"
		}
		used += w
	}
	return s
}

// TestEllipsizeSharedIdeographWidthGivesTheSameText: the width shared by
// ideographs cuts every title where measuring each rune cut it, in the
// block's title and time faces, at every width from nothing to whole.
func TestEllipsizeSharedIdeographWidthGivesTheSameText(t *testing.T) {
	test.NewTempApp(t)
	titles := []string{"听取财政预算执行情况汇报（第12345次）", "会见华东电力公司总经理一行", "Budget 审议 with 县委常委会 members",
		"09:00–09:45  第3会议室, 行政中心三楼", "鬱鬱葱葱的校园里举行植树节活动", "plain English title only", "㐀㐁 extension A"}
	faces := []textFace{{theme.CaptionTextSize() + 1, fyne.TextStyle{Bold: true}}, {theme.CaptionTextSize(), fyne.TextStyle{}}}
	cuts := 0
	for _, f := range faces {
		for _, s := range titles {
			for width := float32(0); width < 400; width += 1.5 {
				want := ellipsizeRuneByRune(s, width, f.size, f.style)
				if got := ellipsize(s, width, f.size, f.style); got != want {
					t.Fatalf("ellipsize(%q, %v, %v) = %q, measured rune by rune %q", s, width, f, got, want)
				}
				if want != s && want != "" {
					cuts++
				}
			}
		}
	}
	if cuts == 0 {
		t.Fatal("no width cut any title: the comparison proved nothing")
	}
	if _, ok := ideographWidth(faces[0].size, faces[0].style); !ok {
		t.Log("this font gives ideographs different widths: each was measured on its own")
	}
}

// TestIdeographWidthFallsBackWhenWidthsDiffer: when the samples disagree
// the shared width is not used.
func TestIdeographWidthFallsBackWhenWidthsDiffer(t *testing.T) {
	test.NewTempApp(t)
	f := textFace{size: 13.25, style: fyne.TextStyle{Italic: true}}
	runeWidths.Store(runeKey{'鬱', f.size, f.style}, float32(99)) // a font whose 鬱 is wider
	t.Cleanup(func() { runeWidths.Delete(runeKey{'鬱', f.size, f.style}); ideographWidths.Delete(f) })
	if _, ok := ideographWidth(f.size, f.style); ok {
		t.Fatal("samples of different widths were taken as one width")
	}
	if w := runeWidth('中', f.size, f.style); w != measuredRuneWidth('中', f.size, f.style) {
		t.Fatalf("中 = %v, measured %v", w, measuredRuneWidth('中', f.size, f.style))
	}
}

// TestEllipsizeLeavesTheCutTailUnmeasured: runes past the point where a
// title is known not to fit are never measured (each costs a shaping).
func TestEllipsizeLeavesTheCutTailUnmeasured(t *testing.T) {
	test.NewTempApp(t)
	f := textFace{size: 12.75, style: fyne.TextStyle{Bold: true}} // a face no other test uses
	tail := []rune{'Ж', 'ẞ', 'Ω'}
	t.Cleanup(func() {
		for _, r := range append(tail, 'W', '…') {
			runeWidths.Delete(runeKey{r, f.size, f.style})
		}
	})
	s := "WWWWWWWWWW" + string(tail)
	width := 3 * measuredRuneWidth('W', f.size, f.style)
	got := ellipsize(s, width, f.size, f.style)
	if got == s || got == "" {
		t.Fatalf("ellipsize(%q, %v) = %q: want it cut with …", s, width, got)
	}
	for _, r := range tail {
		if _, measured := runeWidths.Load(runeKey{r, f.size, f.style}); measured {
			t.Errorf("%q, after the cut, was measured", r)
		}
	}
}
