package ics

import (
	"io"
	"strings"
	"time"
)

// lineWriter builds content lines by hand for tests and the benchmarks'
// generated files, folded by the foldingWriter.
type lineWriter struct {
	fw   *foldingWriter
	line []byte // the content line being built
}

func newLineWriter(w io.Writer) *lineWriter {
	return &lineWriter{fw: newFoldingWriter(w), line: make([]byte, 0, 256)}
}

// start begins a content line with its name.
func (lw *lineWriter) start(name string) { lw.line = append(lw.line[:0], name...) }

// param adds ;NAME=value, quoted when it holds ":", ";" or ",".
func (lw *lineWriter) param(name, value string) {
	lw.line = append(lw.line, ';')
	lw.line = append(lw.line, name...)
	lw.line = append(lw.line, '=')
	value = paramValue(value)
	if strings.ContainsAny(value, ":;,") {
		value = `"` + value + `"`
	}
	lw.line = append(lw.line, value...)
}

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

func (lw *lineWriter) flushLine() {
	lw.line = append(lw.line, '\r', '\n')
	lw.fw.Write(lw.line)
}

// flush writes what is buffered and returns the first error.
func (lw *lineWriter) flush() error { return lw.fw.Flush() }
