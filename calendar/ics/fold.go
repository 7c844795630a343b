package ics

import (
	"bufio"
	"io"
	"strings"
	"time"
)

// maxLineOctets is the longest a content line may be, line break excluded
// (RFC 5545 §3.1).
const maxLineOctets = 75

// lineWriter writes content lines folded at 75 octets, never inside a
// UTF-8 sequence, each ended by CRLF (RFC 5545 §3.1). The first error
// sticks and is returned by flush.
type lineWriter struct {
	w    *bufio.Writer
	line []byte // the content line being built
	err  error
}

func newLineWriter(w io.Writer) *lineWriter {
	return &lineWriter{w: bufio.NewWriterSize(w, 64<<10), line: make([]byte, 0, 256)}
}

// start begins a content line with its name.
func (lw *lineWriter) start(name string) {
	lw.line = append(lw.line[:0], name...)
}

// param adds ;NAME=value, quoting the value when it holds ":", ";" or ","
// and encoding what a parameter cannot hold as RFC 6868 says.
func (lw *lineWriter) param(name, value string) {
	lw.line = append(lw.line, ';')
	lw.line = append(lw.line, name...)
	lw.line = append(lw.line, '=')
	if strings.ContainsAny(value, "\"^\r\n") {
		value = caretEncoder.Replace(value)
	}
	if strings.ContainsAny(value, ":;,") {
		lw.line = append(lw.line, '"')
		lw.line = append(lw.line, value...)
		lw.line = append(lw.line, '"')
		return
	}
	lw.line = append(lw.line, value...)
}

// caretEncoder applies RFC 6868 to a parameter value.
var caretEncoder = strings.NewReplacer("^", "^^", "\"", "^'", "\r\n", "^n", "\n", "^n", "\r", "^n")

// value ends the line with ":" and a raw value, and writes it.
func (lw *lineWriter) value(v string) {
	lw.line = append(lw.line, ':')
	lw.line = append(lw.line, v...)
	lw.flushLine()
}

// text ends the line with an escaped TEXT value.
func (lw *lineWriter) text(v string) {
	lw.line = append(lw.line, ':')
	lw.line = appendEscaped(lw.line, v)
	lw.flushLine()
}

// timeValue ends the line with a DATE-TIME value in the layout given.
func (lw *lineWriter) timeValue(t time.Time, layout string) {
	lw.line = append(lw.line, ':')
	lw.line = t.AppendFormat(lw.line, layout)
	lw.flushLine()
}

// prop writes NAME:value.
func (lw *lineWriter) prop(name, v string) {
	lw.start(name)
	lw.value(v)
}

// textProp writes NAME:escaped-text.
func (lw *lineWriter) textProp(name, v string) {
	lw.start(name)
	lw.text(v)
}

// flushLine folds and writes the line built so far.
func (lw *lineWriter) flushLine() {
	if lw.err != nil {
		return
	}
	b := lw.line
	limit := maxLineOctets
	for len(b) > limit {
		cut := limit
		for cut > 0 && b[cut]&0xC0 == 0x80 { // a UTF-8 continuation byte
			cut--
		}
		lw.w.Write(b[:cut])
		lw.w.WriteString("\r\n ")
		b = b[cut:]
		limit = maxLineOctets - 1 // the leading space counts
	}
	lw.w.Write(b)
	_, lw.err = lw.w.WriteString("\r\n")
}

// flush writes what is buffered and returns the first error.
func (lw *lineWriter) flush() error {
	if lw.err != nil {
		return lw.err
	}
	return lw.w.Flush()
}

// appendEscaped appends v escaped as a TEXT value (RFC 5545 §3.3.11);
// CRLF, CR and LF become "\n", and other control characters, which no
// content line may hold (§3.1), are dropped.
func appendEscaped(b []byte, v string) []byte {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\\', ';', ',':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'n')
			if i+1 < len(v) && v[i+1] == '\n' {
				i++
			}
		case '\t':
			b = append(b, c)
		default:
			if c < 0x20 || c == 0x7F {
				continue
			}
			b = append(b, c)
		}
	}
	return b
}
