package ics

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"
	"unicode/utf8"
	"unsafe"
)

// Options tune Decode.
type Options struct {
	// Zone is the leader's zone. Floating times and unknown zones are read
	// in it when the file has no usable X-WR-TIMEZONE, and all-day items
	// are anchored at its midnights. nil means UTC.
	Zone *time.Location
	// Charset names the file's encoding when the caller knows it (a MIME
	// charset such as "GBK"); "" detects it.
	Charset string
	// MaxSize refuses larger inputs; 0 means DefaultMaxSize.
	MaxSize int64
}

// DefaultMaxSize is the largest file Decode reads unless told otherwise.
const DefaultMaxSize = 1 << 30

// Decode reads one iCalendar file. name is used in errors and warnings
// (the file's name as the user knows it). A file that cannot be read
// yields a *ParseError and no calendar; Decode never panics.
func Decode(r io.Reader, name string, opt Options) (*Calendar, error) {
	return DecodeEach(r, name, opt, nil)
}

// DecodeEach reads like Decode but hands each event to each as soon as it
// is read, instead of collecting them in Calendar.Events: memory then
// holds the file and one event, however many the file has. An error from
// each stops the reading and is returned as it is; the events handed over
// before an error in the file must be discarded by the caller (an import
// rolls its transaction back).
func DecodeEach(r io.Reader, name string, opt Options, each func(*Event) error) (*Calendar, error) {
	data, err := readAll(r, name, opt.MaxSize)
	if err != nil {
		return nil, err
	}
	return decodeSafely(data, name, opt, each)
}

// DecodeFile reads the file at path; errors name it by path.
func DecodeFile(path string, opt Options) (*Calendar, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	return Decode(f, path, opt)
}

// DecodeBytes reads an iCalendar stream held in memory. The calendar's
// strings share memory with data, which must not be changed afterwards.
func DecodeBytes(data []byte, name string, opt Options) (*Calendar, error) {
	return decodeSafely(data, name, opt, nil)
}

// readAll reads r whole, refusing more than limit bytes (0: DefaultMaxSize).
func readAll(r io.Reader, name string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	var buf bytes.Buffer
	if n := sizeOf(r); n > 0 && n <= limit {
		buf.Grow(int(n) + bytes.MinRead) // one allocation instead of doublings
	}
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, readError(name, err)
	}
	if n > limit {
		a := args("Limit", limit)
		return nil, &ParseError{File: name, Key: "import.error.too_large", Reason: render("import.error.too_large", a), Params: a}
	}
	return buf.Bytes(), nil
}

// readError reports a file that cannot be read at all.
func readError(name string, err error) *ParseError {
	a := args("Detail", err.Error())
	return &ParseError{File: name, Key: "import.error.read", Reason: render("import.error.read", a), Params: a, Err: err}
}

// sizeOf returns how many bytes r holds when it can tell: a file, a
// bytes.Reader or strings.Reader; 0 otherwise.
func sizeOf(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Len() int }:
		return int64(v.Len())
	case *os.File:
		if st, err := v.Stat(); err == nil && st.Mode().IsRegular() {
			return st.Size()
		}
	}
	return 0
}

// decodeSafely is the last line of defence: a panic, which would be a bug
// here, becomes a *ParseError matching ErrInternal, with the stack.
func decodeSafely(data []byte, name string, opt Options, each func(*Event) error) (cal *Calendar, err error) {
	defer func() {
		if p := recover(); p != nil {
			detail := fmt.Sprint(p)
			a := args("Detail", detail)
			cal, err = nil, &ParseError{File: name, Key: "import.error.internal", Reason: render("import.error.internal", a),
				Params: a, Err: ErrInternal, Stack: debug.Stack()}
		}
	}()
	cal, err = decode(data, name, opt, each)
	var pe *ParseError
	if errors.As(err, &pe) && pe.File == "" {
		pe.File = name
	}
	return cal, err
}

// decode does the work of decodeSafely without the recover.
func decode(data []byte, name string, opt Options, each func(*Event) error) (*Calendar, error) {
	cal := &Calendar{File: name, Charset: CharsetUTF8}
	data = stripBOM(data)
	if d, ok := decodeUTF16(data); ok {
		data, cal.Charset = stripBOM(d), CharsetUTF16
	}
	lr := newLineReader(unsafe.String(unsafe.SliceData(data), len(data)))
	if cs, enc, ok := charsetByName(opt.Charset); ok && opt.Charset != "" {
		cal.Charset = cs
		if enc != nil {
			lr.conv = enc.NewDecoder()
		} else if !utf8.Valid(data) {
			lr.fixUTF8 = true
		}
	} else if cal.Charset == CharsetUTF8 && !utf8.Valid(data) {
		cal.Charset = lr.chooseCharset()
		switch {
		case lr.fixUTF8:
			cal.Warnings = append(cal.Warnings, Warning{Code: "import.invalid_utf8"})
		case cal.Charset != CharsetUTF8:
			cal.Warnings = append(cal.Warnings, Warning{Code: "import.charset", Args: args("Charset", cal.Charset)})
		}
	}
	// First pass: the VTIMEZONE blocks, X-WR-TIMEZONE and METHOD of each
	// calendar, and the years each TZID is used in, so that the second
	// pass can resolve every item as soon as it ends. A fault stops the
	// scan; the second pass finds it again and reports it.
	res := newResolver(opt.Zone)
	scan := &decoder{cal: &Calendar{}, lines: lr, res: res, opt: opt, scan: true}
	scan.run()
	res.findShapesForOverrides(lr, opt)
	res.cals = scan.cals
	lr.rewind()
	if each == nil {
		cal.Events = make([]Event, 0, scan.events)
	}
	d := &decoder{cal: cal, lines: lr, res: res, opt: opt, cals: scan.cals, each: each}
	if err := d.run(); err != nil {
		return nil, err
	}
	cal.Warnings = append(cal.Warnings, res.notes...)
	return cal, nil
}
