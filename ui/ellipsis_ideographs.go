package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// Each rune measured costs a shaping of its own (a new shaper, and the
// CJK font's tables read again), and a week of Chinese titles holds a
// hundred different ideographs: that was most of drawing a full week's
// blocks at start. CJK fonts set every ideograph on the same square, so
// their width is measured once per size and style, after checking on a
// few unlike ideographs that the font in use does share one width; when
// it does not, each is measured as before.

// sampleIdeographs are ideographs of one, several and many strokes.
var sampleIdeographs = []rune{'一', '中', '議', '鬱'}

type textFace struct {
	size  float32
	style fyne.TextStyle
}

type sharedWidth struct {
	w  float32
	ok bool // every sample measured w
}

var ideographWidths sync.Map // textFace → sharedWidth

// isIdeograph reports whether r is a CJK unified ideograph (the basic
// block and extension A).
func isIdeograph(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}

// ideographWidth returns the width every ideograph has at size and style,
// and false when the font gives them different widths.
func ideographWidth(size float32, style fyne.TextStyle) (float32, bool) {
	k := textFace{size, style}
	if v, ok := ideographWidths.Load(k); ok {
		s := v.(sharedWidth)
		return s.w, s.ok
	}
	s := sharedWidth{w: measuredRuneWidth(sampleIdeographs[0], size, style), ok: true}
	for _, r := range sampleIdeographs[1:] {
		if measuredRuneWidth(r, size, style) != s.w {
			s.ok = false
		}
	}
	ideographWidths.Store(k, s)
	return s.w, s.ok
}
