package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Text from files and people reaches a terminal only through here. A
// title may hold an escape sequence (ESC [ … that recolours, retitles or
// clears the terminal), a bell, C1 controls that some terminals obey, bidi
// overrides that reorder what is shown (Trojan Source, CVE-2021-42574),
// or a newline that makes one engagement look like two lines of the
// agenda. Each such character is shown instead as a visible stand-in.

// terminalText is s made safe to print as one field of a line: every
// control character, newline and tab included, shows as its stand-in,
// and bytes that are not UTF-8 as U+FFFD.
func terminalText(s string) string { return sanitize(s, false) }

// sanitize replaces what a terminal would obey in s; layout keeps
// newlines and tabs, which the command's own format put there.
func sanitize(s string, layout bool) string {
	if isPlain(s, layout) {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if layout && (r == '\n' || r == '\t') || !obeyed(r) {
			b.WriteRune(r)
			continue
		}
		b.WriteString(standIn(r))
	}
	return b.String()
}

// isPlain reports whether s has nothing to replace, the common case.
func isPlain(s string, layout bool) bool {
	for _, r := range s {
		if !plainRune(r, layout) {
			return false
		}
	}
	return true
}

// isPlainBytes is isPlain for bytes, which a writer passes on as they
// came when they are plain, without a copy made to look at them.
func isPlainBytes(p []byte, layout bool) bool {
	for len(p) > 0 {
		r, n := utf8.DecodeRune(p)
		if !plainRune(r, layout) {
			return false
		}
		p = p[n:]
	}
	return true
}

// plainRune reports whether r is shown as it is: bytes that are not
// UTF-8 decode as utf8.RuneError, which is replaced like them.
func plainRune(r rune, layout bool) bool {
	return r != utf8.RuneError && (!obeyed(r) || layout && (r == '\n' || r == '\t'))
}

// obeyed reports whether a terminal acts on r rather than showing it:
// C0 and C1 controls, DEL, the bidi embeddings, overrides and isolates,
// the implicit direction marks, and the line and paragraph separators.
func obeyed(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e, r == 0x200f, r == 0x061c, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// standIn is what shows in place of r: the Control Pictures block for C0
// and DEL (␛ for ESC, ␊ for a newline), ⟨U+202E⟩ for the rest.
func standIn(r rune) string {
	switch {
	case r < 0x20:
		return string(rune(0x2400 + r))
	case r == 0x7f:
		return "\u2421"
	}
	return fmt.Sprintf("⟨U+%04X⟩", r)
}

// terminalWriter passes what a command writes through sanitize, keeping
// the newlines, tabs and CRLF line ends of the command's own layout: the
// net under every path that prints, for text no field call caught. A
// character or a CRLF split across two writes is held until it is whole.
type terminalWriter struct {
	w       io.Writer
	pending []byte
}

func (t *terminalWriter) Write(p []byte) (int, error) {
	data := p
	if len(t.pending) > 0 {
		data = append(t.pending, p...)
	}
	cut := len(data)
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				cut = i
			}
			break
		}
	}
	if cut > 0 && data[cut-1] == '\r' { // may be the first half of CRLF
		cut--
	}
	t.pending = append([]byte(nil), data[cut:]...)
	var err error
	if isPlainBytes(data[:cut], true) {
		_, err = t.w.Write(data[:cut])
	} else {
		_, err = io.WriteString(t.w, sanitizeLayout(string(data[:cut])))
	}
	if err != nil {
		return 0, err
	}
	return len(p), nil
}

// flush writes what is held: bytes that never became a character.
func (t *terminalWriter) flush() {
	if len(t.pending) > 0 {
		_, _ = io.WriteString(t.w, sanitizeLayout(string(t.pending)))
		t.pending = nil
	}
}

// sanitizeLayout is sanitize keeping layout, with CRLF (which .ics output
// ends its lines with) kept as a pair and a lone CR replaced.
func sanitizeLayout(s string) string {
	if !strings.Contains(s, "\r\n") {
		return sanitize(s, true)
	}
	parts := strings.Split(s, "\r\n")
	for i, part := range parts {
		parts[i] = sanitize(part, true)
	}
	return strings.Join(parts, "\r\n")
}

// jsonSafe escapes in encoded JSON the characters encoding/json leaves
// raw that a terminal obeys (DEL, C1 controls, bidi controls): \u escapes
// mean the same to a JSON reader. They can only be inside strings, since
// the rest of JSON is ASCII without controls.
func jsonSafe(b []byte) []byte {
	if isPlain(string(b), true) {
		return b
	}
	var out strings.Builder
	for _, r := range strings.ToValidUTF8(string(b), "\uFFFD") {
		if r == '\n' || r == '\t' || !obeyed(r) {
			out.WriteRune(r)
			continue
		}
		fmt.Fprintf(&out, `\u%04x`, r)
	}
	return []byte(out.String())
}
