package ui

import (
	"strings"
	"unicode"
)

// breakLines breaks text into lines no wider than width, as fits
// measures them, by the rules of Chinese typesetting (GB/T 15834, 避头尾):
// no line starts with a closing mark (，。、；：？！）」』》…) and none ends
// with an opening one (（「『《“). Between two wide characters, or a wide
// one and another, a line may break anywhere those rules allow; Latin
// words break at spaces only, and a word wider than the line where it
// overflows, as Fyne's own wrapping does. The text's own line breaks
// stay; spaces at a break are dropped.
func breakLines(text string, width float32, fits func(line []rune, width float32) bool) string {
	if width <= 0 {
		return text
	}
	var out strings.Builder
	for i, hard := range strings.Split(text, "\n") {
		if i > 0 {
			out.WriteByte('\n')
		}
		breakLine(&out, []rune(hard), width, fits)
	}
	return out.String()
}

// breakLine writes rs, a line without breaks of its own, broken to width.
func breakLine(out *strings.Builder, rs []rune, width float32, fits func([]rune, float32) bool) {
	start := 0
	for {
		rest := rs[start:]
		if len(rest) == 0 || fits(rest, width) {
			out.WriteString(string(rest))
			return
		}
		// end is the first rune that does not fit: the longest prefix that
		// does is found by bisection, one rune at least.
		lo, hi := 1, len(rest)
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if fits(rest[:mid], width) {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		end := start + lo
		at := end
		for at > start && !breakAllowed(rs, at) {
			at--
		}
		if at == start {
			at = end // no place to break: where it overflows
		}
		line := strings.TrimRightFunc(string(rs[start:at]), unicode.IsSpace)
		out.WriteString(line)
		out.WriteByte('\n')
		start = at
		for start < len(rs) && unicode.IsSpace(rs[start]) {
			start++
		}
	}
}

// breakAllowed reports whether a line may break before rs[i]. Spaces
// there are dropped, so the rules look at what ends the line and what
// starts the next beyond them.
func breakAllowed(rs []rune, i int) bool {
	next, last := i, i-1
	for next < len(rs) && unicode.IsSpace(rs[next]) {
		next++
	}
	for last >= 0 && unicode.IsSpace(rs[last]) {
		last--
	}
	switch {
	case next == len(rs) || last < 0:
		return true
	case strings.ContainsRune(noLineStart, rs[next]) || strings.ContainsRune(noLineEnd, rs[last]):
		return false
	case next > i || last < i-1: // at spaces
		return true
	}
	return wide(rs[last]) || wide(rs[next])
}

// noLineStart are the marks a line must not start with: closing brackets
// and quotes, the pause and stop marks, ellipsis, and their narrow forms.
const noLineStart = "，。、；：？！）］｝〕〉》」』】〙〗〟’”｠»…‥·・％‰°℃～々〆ゝゞヽヾーぁぃぅぇぉっゃゅょァィゥェォッャュョ,.;:?!)]}%"

// noLineEnd are the marks a line must not end with: opening brackets and
// quotes.
const noLineEnd = "（［｛〔〈《「『【〘〖〝‘“｟«([{"

// wide reports whether r is set as a Chinese character is, a square of its
// own between which lines may break: Han, kana, Hangul, the CJK and
// full-width marks, and the quotes, dashes and ellipsis Chinese text uses.
func wide(r rune) bool {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return true
	case r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef: // CJK marks, full-width forms
		return true
	}
	return strings.ContainsRune("‘’“”—…·", r)
}
