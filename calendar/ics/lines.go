package ics

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
)

// lineReader yields the logical lines of an iCalendar stream: physical
// lines with their folds undone (RFC 5545 §3.1).
//
// It is lenient where producers are: lines may end in CRLF, LF or a lone
// CR; a continuation line may start with a space or a TAB; blank lines are
// skipped, also between a line and its continuation. Unfolding works on
// bytes, before any character decoding, so a fold that splits a UTF-8 (or
// GBK) character joins it again.
type lineReader struct {
	data string // the whole stream; logical lines are substrings of it when not folded
	pos  int    // offset of the next physical line
	no   int    // number of the physical line that ends before pos

	conv    *encoding.Decoder // converts lines with non-ASCII bytes; nil for UTF-8
	fixUTF8 bool              // replace invalid UTF-8 sequences
	buf     []byte            // joins folded lines
	start   int               // offset of the last line read
	folded  bool              // the last line read had continuations

	repaired bool // the last line had a continuation without its leading space
}

func newLineReader(data string) *lineReader { return &lineReader{data: data} }

// rewind starts the stream again from its first line.
func (r *lineReader) rewind() { r.pos, r.no = 0, 0 }

// physical returns the next physical line without its line end.
func (r *lineReader) physical() (string, bool) {
	if r.pos >= len(r.data) {
		return "", false
	}
	rest := r.data[r.pos:]
	line, next := rest, len(rest)
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		line, next = rest[:i], i+1
	}
	// A CR not followed by LF also ends a line (old Mac files, damaged
	// ones); a CR at the end is the CR of CRLF.
	if j := strings.IndexByte(line, '\r'); j >= 0 {
		if j < len(line)-1 {
			next = j + 1
		}
		line = line[:j]
	}
	r.pos += next
	r.no++
	return line, true
}

// next returns the next logical line, unfolded and decoded, and the
// number of its first physical line; ok is false at the end of the stream.
func (r *lineReader) next() (line string, no int, ok bool) { return r.read(true) }

// read returns the next logical line. Unless join is set, a folded line is
// returned as its first physical line only, not decoded, and full gives it
// whole: a reader that skips most lines then never builds them.
func (r *lineReader) read(join bool) (line string, no int, ok bool) {
	r.repaired = false
	for {
		r.start = r.pos
		line, ok = r.physical()
		if !ok {
			return "", 0, false
		}
		if line != "" {
			break
		}
	}
	no = r.no
	r.folded = false
unfold:
	for r.pos < len(r.data) {
		var cont string
		switch r.data[r.pos] {
		case ' ', '\t':
			cont, _ = r.physical()
		case '\n', '\r':
			// Blank lines: a continuation may still follow them.
			pos, n := r.pos, r.no
			l, more := r.physical()
			for more && l == "" {
				l, more = r.physical()
			}
			if !more || l[0] != ' ' && l[0] != '\t' {
				r.pos, r.no = pos, n
				break unfold
			}
			cont = l
		default:
			if !brokenFold(r.data[r.pos:]) || isBeginEnd(line) {
				break unfold
			}
			l, _ := r.physical()
			cont = " " + l // joined whole: nothing was put in front of it
			r.repaired = true
		}
		if join {
			if !r.folded {
				r.buf = append(r.buf[:0], line...)
			}
			r.buf = append(r.buf, cont[1:]...)
		}
		r.folded = true
	}
	if !join {
		return line, no, true
	}
	if r.folded {
		line = string(r.buf)
	}
	return r.decode(line), no, true
}

// full returns the line read last by read(false), first being what read
// returned, unfolded and decoded.
func (r *lineReader) full(first string) string {
	if !r.folded {
		return r.decode(first)
	}
	pos, no, repaired := r.pos, r.no, r.repaired
	r.pos = r.start
	line, _, _ := r.read(true)
	r.pos, r.no, r.repaired = pos, no, repaired
	return line
}

// brokenFold reports whether rest starts a line that continues the one
// before although it lacks the space of a fold: it does not start with a
// name followed by ";" or ":" ("l Latham;CUTYPE=…" after a fold that
// split "Daniel", as Confluence writes). A bare name ("X") is not joined:
// it is a broken line of its own.
func brokenFold(rest string) bool {
	n := nameLen(rest)
	if n == len(rest) {
		return false
	}
	switch rest[n] {
	case ';', ':', '\n', '\r':
		return false
	}
	return true
}

// isBeginEnd reports whether line is a BEGIN or END line, which nothing
// is joined to: junk after END:VCALENDAR stays junk.
func isBeginEnd(line string) bool {
	return len(line) >= 4 && strings.EqualFold(line[:4], "END:") || len(line) >= 6 && strings.EqualFold(line[:6], "BEGIN:")
}

// decode converts line to valid UTF-8 as the file's charset requires.
func (r *lineReader) decode(line string) string {
	if r.conv == nil && !r.fixUTF8 {
		return line
	}
	if !hasNonASCII(line) {
		return line
	}
	if r.conv != nil {
		if s, err := r.conv.String(line); err == nil {
			return s
		}
	}
	return strings.ToValidUTF8(line, "\uFFFD")
}

// hasNonASCII reports whether s has a byte ≥ 0x80.
func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// sampleSize bounds how much text the charset guess looks at.
const sampleSize = 1 << 20

// chooseCharset decides how r decodes lines, when the stream is not valid
// UTF-8 as a whole: folds that split characters are joined first, and only
// then is the text judged. It returns the charset's name.
func (r *lineReader) chooseCharset() string {
	var sample []byte
	valid := true
	pos, no := r.pos, r.no
	for {
		line, _, ok := r.next()
		if !ok {
			break
		}
		if !hasNonASCII(line) {
			continue
		}
		if !utf8.ValidString(line) {
			valid = false
		}
		if len(sample) < sampleSize {
			sample = append(sample, line...)
			sample = append(sample, '\n')
		}
	}
	r.pos, r.no = pos, no
	if valid {
		return CharsetUTF8
	}
	g := detectCharset(sample)
	if g.enc == nil {
		r.fixUTF8 = true
	} else {
		r.conv = g.enc.NewDecoder()
	}
	return g.name
}
