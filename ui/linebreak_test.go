package ui

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// monoFits measures as a monospaced font would: a wide character two
// units, any other one.
func monoFits(line []rune, width float32) bool {
	w := 0
	for _, r := range line {
		w++
		if wide(r) {
			w++
		}
	}
	return float32(w) <= width
}

func TestBreakLinesKeepsChineseMarksWhereTheyBelong(t *testing.T) {
	cases := []struct {
		text  string
		width float32
		want  string
	}{
		// Fyne breaks before the comma, which then starts a line: the
		// character before it goes down with it.
		{"单击选中，双击编辑。", 8, "单击选\n中，双击\n编辑。"},
		{"时间按所在时区显示。两者以后都可修改。", 18, "时间按所在时区显\n示。两者以后都可修\n改。"},
		// An opening mark does not end a line: it goes down with what it opens.
		{"请见《会议纪要》第三条", 6, "请见\n《会议\n纪要》\n第三条"},
		// Latin words break at spaces; mixed text between the scripts too.
		{"Point at an engagement to see it", 12, "Point at an\nengagement\nto see it"},
		{"会议室A 3楼 Room 301", 10, "会议室A 3\n楼 Room\n301"},
		// A word wider than the line breaks where it overflows, as Fyne's does.
		{"https://example.org/calendar", 10, "https://ex\nample.org/\ncalendar"},
		// The text's own breaks stay; room for everything changes nothing.
		{"第一行\n第二行，很短", 40, "第一行\n第二行，很短"},
	}
	for _, c := range cases {
		if got := breakLines(c.text, c.width, monoFits); got != c.want {
			t.Errorf("%q at %v:\n got %q\nwant %q", c.text, c.width, got, c.want)
		}
	}
}

// Any text, any width: every line fits unless one character does not,
// none starts with a closing mark or ends with an opening one where
// another break was possible, and only spaces at the breaks are lost.
func TestBreakLinesOnRandomText(t *testing.T) {
	alphabet := []rune("会议纪要领导日程安排的一，。、；：？！（）《》“”Room 301 ab")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		rs := make([]rune, 1+rng.IntN(60))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		text := string(rs)
		width := float32(3 + rng.IntN(20))
		got := breakLines(text, width, monoFits)
		lines := strings.Split(got, "\n")
		for i, l := range lines {
			lr := []rune(l)
			if !monoFits(lr, width) && len(lr) > 1 {
				t.Fatalf("%q at %v: line %q is too wide", text, width, l)
			}
			if i > 0 && len(lr) > 0 && strings.ContainsRune(noLineStart, lr[0]) && canMove(lines[i-1]) {
				t.Fatalf("%q at %v: line %d starts with %q: %q", text, width, i, lr[0], got)
			}
			if i < len(lines)-1 && len(lr) > 1 && strings.ContainsRune(noLineEnd, lr[len(lr)-1]) && canMove(l) {
				t.Fatalf("%q at %v: line %d ends with %q: %q", text, width, i, lr[len(lr)-1], got)
			}
		}
		if withoutSpaces(got) != withoutSpaces(text) {
			t.Fatalf("%q at %v: the text changed: %q", text, width, got)
		}
	}
}

// withoutSpaces is s with its white space taken out: what breaking lines
// may drop.
func withoutSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// canMove reports whether a line had a place to break before its end
// that the rules allow, so that what follows it could have gone down.
func canMove(line string) bool {
	rs := []rune(line)
	for i := len(rs) - 1; i > 0; i-- {
		if breakAllowed(rs, i) {
			return true
		}
	}
	return false
}
