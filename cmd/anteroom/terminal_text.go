package main

import (
	"fmt"
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
		if r == utf8.RuneError || obeyed(r) && !(layout && (r == '\n' || r == '\t')) {
			return false
		}
	}
	return true
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
