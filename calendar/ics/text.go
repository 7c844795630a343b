package ics

import "strings"

// unescapeText reads a TEXT value (RFC 5545 §3.3.11): "\\" is a
// backslash, "\;" and "\," the punctuation, "\n" and "\N" a line break.
// Unlike go-ical it keeps the whole value: an unescaped comma in SUMMARY
// or DESCRIPTION, which the RFC reserves for list values, is taken as the
// comma the producer meant. Unknown escapes ("\:" from some Outlook
// versions, "\t") keep the escaped character and drop the backslash only
// for "\:" and "\"", so nothing else is lost.
func unescapeText(s string) string {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		case '\\', ';', ',', ':', '"':
			b.WriteByte(s[i])
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
