package ics

import (
	"anteroom/calendar"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Sentinel errors; compare with errors.Is.
var (
	// ErrMalformed is matched by a *ParseError whose file breaks iCalendar
	// syntax in a way no guess can repair.
	ErrMalformed = errors.New("malformed iCalendar")
	// ErrInternal is matched by a *ParseError that reports a bug in this
	// package (a recovered panic) rather than a problem with the file.
	ErrInternal = errors.New("internal error in the iCalendar reader")
)

// ParseError says why a file cannot be read: which file, which line
// (physical, 1-based; 0 when the whole file is concerned) and why. Key is
// the reason's stable message key, filled with Params; Reason is its
// English text. It is a calendar.Translatable naming the file and line.
type ParseError struct {
	File   string
	Line   int
	Key    string
	Reason string
	Params map[string]any
	Err    error  // underlying cause, if any (an I/O error, ErrInternal)
	Stack  []byte // goroutine stack of a recovered panic, for bug reports
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	return b.String()
}

// detached returns a copy of e whose strings share no memory with the
// file it is about, which may be unmapped.
func (e *ParseError) detached() *ParseError {
	c := *e
	c.File, c.Key, c.Reason = strings.Clone(e.File), strings.Clone(e.Key), strings.Clone(e.Reason)
	if e.Params != nil {
		c.Params = make(map[string]any, len(e.Params))
		for k, v := range e.Params {
			if s, ok := v.(string); ok {
				v = strings.Clone(s)
			}
			c.Params[strings.Clone(k)] = v
		}
	}
	return &c
}

// Unwrap returns the underlying cause.
func (e *ParseError) Unwrap() error { return e.Err }

// Code is the message naming the file, the line when there is one, and
// the reason.
func (e *ParseError) Code() string {
	if e.Line > 0 {
		return "{{.File}}, line {{.Line}}: {{.Reason}}"
	}
	return "{{.File}}: {{.Reason}}"
}

// Args fill File, Line and Reason, the reason itself Translatable.
func (e *ParseError) Args() map[string]any {
	return map[string]any{"File": e.File, "Line": e.Line, "Reason": parseReason{e}}
}

// parseReason is why a file cannot be read, Translatable.
type parseReason struct{ e *ParseError }

func (r parseReason) Error() string        { return r.e.Reason }
func (r parseReason) Code() string         { return r.e.Key }
func (r parseReason) Args() map[string]any { return r.e.Params }

var _ calendar.Translatable = (*ParseError)(nil)

// Is reports whether target is ErrMalformed and e says the file's content
// is at fault, not its size, the disk, or this package.
func (e *ParseError) Is(target error) bool {
	if target != ErrMalformed {
		return false
	}
	switch e.Key {
	case "import.error.read", "import.error.too_large", "import.error.internal":
		return false
	}
	return true
}

// Warning is something the reader guessed or dropped; the item is still
// imported. Code is a message key ("import.zone_unknown") for the UI's
// translations, Args fill its template.
type Warning struct {
	Line int // physical line, 1-based; 0 for the whole file
	Code string
	Args map[string]any
}

// Message returns the English text of the warning.
func (w Warning) Message() string { return render(w.Code, w.Args) }

// String returns "line N: message".
func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("line %d: %s", w.Line, w.Message())
	}
	return w.Message()
}

// args builds an Args map from key, value pairs.
func args(kv ...any) map[string]any {
	if len(kv) == 0 {
		return nil
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

// render fills the English template of code with a, the way the UI's
// translation templates ({{.Name}}) are filled.
func render(code string, a map[string]any) string {
	tpl, ok := english[code]
	if !ok {
		tpl = code
	}
	if len(a) == 0 || !strings.Contains(tpl, "{{") {
		return tpl
	}
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pairs := make([]string, 0, 2*len(a))
	for _, k := range keys {
		pairs = append(pairs, "{{."+k+"}}", fmt.Sprint(a[k]))
	}
	return strings.NewReplacer(pairs...).Replace(tpl)
}

// syntaxError returns a *ParseError for line; the file name is filled in
// by Decode.
func syntaxError(line int, code string, kv ...any) *ParseError {
	a := args(kv...)
	return &ParseError{Line: line, Key: code, Reason: render(code, a), Params: a}
}
