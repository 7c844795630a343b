package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// runeWidths caches the advance of each rune per text size and style.
// Measuring every title through the shaper on every refresh is what made a
// week of 300 engagements slow; summing cached rune widths ignores kerning,
// which is harmless for deciding where "…" goes.
var runeWidths sync.Map // runeKey → float32

type runeKey struct {
	r     rune
	size  float32
	style fyne.TextStyle
}

func runeWidth(r rune, size float32, style fyne.TextStyle) float32 {
	if isIdeograph(r) {
		if w, ok := ideographWidth(size, style); ok {
			return w
		}
	}
	return measuredRuneWidth(r, size, style)
}

// measuredRuneWidth measures r once per size and style.
func measuredRuneWidth(r rune, size float32, style fyne.TextStyle) float32 {
	k := runeKey{r, size, style}
	if w, ok := runeWidths.Load(k); ok {
		return w.(float32)
	}
	w := fyne.MeasureText(string(r), size, style).Width
	runeWidths.Store(k, w)
	return w
}

// ellipsize shortens s with a trailing "…" so that it fits width. It
// measures runes only until the text is known not to fit: each rune not
// yet in the cache costs a shaping, and a long title's tail is cut off.
func ellipsize(s string, width, size float32, style fyne.TextStyle) string {
	if width <= 0 {
		return ""
	}
	limit := width - runeWidth('…', size, style)
	var used float32
	cut := -1 // where "…" goes: the first rune that does not fit before it
	for i, r := range s {
		w := runeWidth(r, size, style)
		if cut < 0 && used+w > limit {
			cut = i
		}
		used += w
		if used > width {
			if cut == 0 {
				return ""
			}
			return s[:cut] + "…"
		}
	}
	return s
}
