package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"anteroom/calendar"
)

// hostile is text a file or a person may carry: a newline that forges an
// agenda line, an escape sequence that clears the screen, a bell, a C1
// CSI, DEL, and a bidi override.
const hostile = "预算会\n  09:00–10:00 伪造的会议 @ 礼堂\x1b[2J\x07\u009b31m\x7f\u202e反转\u2028"

// rawControls reports the first character of out a terminal would obey,
// other than the newlines and tabs of the layout.
func rawControls(out string) (rune, bool) {
	for _, r := range out {
		if r != '\n' && r != '\t' && obeyed(r) {
			return r, true
		}
	}
	return 0, false
}

func TestHostileTextNeverReachesTheTerminalRaw(t *testing.T) {
	db, monday := deskDB(t)
	d := day(monday, 4)
	mustRun(t, "--db", db, "add", "--title", hostile, "--location", "礼堂\x1b]0;pwned\x07", "--start", d+" 14:00", "--end", d+" 14:30")
	visit := strings.TrimSpace(mustRun(t, "--db", db, "visit", "add", "--org", hostile, "--person", "王\x1b[31m伟", "--purpose", hostile))

	runs := [][]string{
		{"add", "--title", "另一个会", "--start", d + " 14:00", "--end", d + " 14:30"}, // the findings name the hostile title
		{"agenda", "--from", d, "--to", d},
		{"week", "show", "--week", calendar.WeekOf(monday).String()},
		{"visit", "list"},
		{"visit", "show", visit},
		{"visit", "decline", visit, "--reason", hostile},
		{"materials", "list"},
		{"agenda", "--from", d, "--to", d, "--leader", "x\x1b[2Jy"},
		{"bogus\x1b[2J"},
	}
	for _, args := range runs {
		_, out, errOut := anteroom(t, append([]string{"--db", db}, args...)...)
		for name, s := range map[string]string{"stdout": out, "stderr": errOut} {
			if r, ok := rawControls(s); ok {
				t.Errorf("%v: %s carries %U raw:\n%q", args[0], name, r, s)
			}
		}
	}
	// The agenda keeps one engagement on one line: the forged line is not there.
	text := mustRun(t, "--db", db, "agenda", "--from", d, "--to", d)
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "  09:00–10:00 伪造的会议") {
			t.Fatalf("a title forged an agenda line:\n%s", text)
		}
	}
	if !strings.Contains(text, "预算会␊  09:00–10:00 伪造的会议 @ 礼堂␛[2J␇⟨U+009B⟩31m␡⟨U+202E⟩反转") {
		t.Fatalf("the title is not shown with visible stand-ins:\n%s", text)
	}

	// JSON keeps the text exactly, escaped.
	var found bool
	for _, it := range agenda(t, db, "--from", d, "--to", d) {
		found = found || it.Title == hostile
	}
	_, raw, _ := anteroom(t, "--db", db, "agenda", "--from", d, "--to", d, "--json")
	if r, ok := rawControls(raw); !found || ok {
		t.Fatalf("agenda --json: title kept %v, raw %U in:\n%s", found, r, raw)
	}
}

func TestTerminalWriterKeepsLayoutAndSplitCharacters(t *testing.T) {
	var buf bytes.Buffer
	w := &terminalWriter{w: &buf}
	text := "会议\tA\r\nB\x1b\rC\n"
	for i := range len(text) { // one byte a write: every character split
		if _, err := w.Write([]byte{text[i]}); err != nil {
			t.Fatal(err)
		}
	}
	w.flush()
	if got, want := buf.String(), "会议\tA\r\nB␛␍C\n"; got != want || !utf8.ValidString(got) {
		t.Fatalf("wrote %q, want %q", got, want)
	}
}

func TestTerminalWriterPassesPlainWritesAndMendsTheRest(t *testing.T) {
	for _, c := range []struct{ writes, want []string }{
		{[]string{"  09:00–10:00 预算会\n", "\n2026-12-28 Mon\n"}, []string{"  09:00–10:00 预算会\n", "\n2026-12-28 Mon\n"}},
		{[]string{"A\xffB\n"}, []string{"A\uFFFDB\n"}},
		{[]string{"会\xe8", "\xae\xae\x1b\n"}, []string{"会", "议␛\n"}},
		{[]string{"A\r", "\nB\r", "C"}, []string{"A", "\r\nB", "␍C"}},
	} {
		var got []string
		w := &terminalWriter{w: writeFunc(func(p []byte) (int, error) {
			got = append(got, string(p))
			return len(p), nil
		})}
		for _, s := range c.writes {
			if n, err := w.Write([]byte(s)); n != len(s) || err != nil {
				t.Fatalf("Write(%q) = %d, %v", s, n, err)
			}
		}
		w.flush()
		if !slices.Equal(got, c.want) {
			t.Errorf("writes %q passed on as %q, want %q", c.writes, got, c.want)
		}
	}
}

// writeFunc is an io.Writer that is a function.
type writeFunc func(p []byte) (int, error)

func (f writeFunc) Write(p []byte) (int, error) { return f(p) }
