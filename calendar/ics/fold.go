package ics

import (
	"bufio"
	"bytes"
	"io"
)

// maxLineOctets is the longest a content line may be, line break excluded
// (RFC 5545 §3.1).
const maxLineOctets = 75

// foldingWriter folds the content lines written to it at 75 octets,
// never inside a UTF-8 sequence, each ended by CRLF (RFC 5545 §3.1):
// go-ical's encoder writes each line whole and unfolded. The first error
// sticks and is returned by Write and Flush.
type foldingWriter struct {
	w    *bufio.Writer
	line []byte // the start of a line not yet ended
	err  error
}

func newFoldingWriter(w io.Writer) *foldingWriter {
	return &foldingWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

// Write takes content lines ended by CRLF (or LF), whole or in parts.
func (f *foldingWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && f.err == nil {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			f.line = append(f.line, p...)
			break
		}
		line := p[:i]
		if len(f.line) > 0 {
			f.line = append(f.line, line...)
			line = f.line
		}
		f.writeLine(bytes.TrimSuffix(line, []byte{'\r'}))
		f.line, p = f.line[:0], p[i+1:]
	}
	return n, f.err
}

// writeLine folds and writes one line.
func (f *foldingWriter) writeLine(b []byte) {
	limit := maxLineOctets
	for len(b) > limit {
		cut := limit
		for cut > 0 && b[cut]&0xC0 == 0x80 { // a UTF-8 continuation byte
			cut--
		}
		f.w.Write(b[:cut])
		f.w.WriteString("\r\n ")
		b = b[cut:]
		limit = maxLineOctets - 1 // the leading space counts
	}
	f.w.Write(b)
	_, f.err = f.w.WriteString("\r\n")
}

// Flush ends a last line left without its line break and writes what is
// buffered.
func (f *foldingWriter) Flush() error {
	if len(f.line) > 0 && f.err == nil {
		f.writeLine(f.line)
		f.line = f.line[:0]
	}
	if f.err != nil {
		return f.err
	}
	return f.w.Flush()
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
