// Package rrule is the one grammar of recurrence rules (RFC 5545
// §3.3.10, with RFC 7529's RSCALE and SKIP) and the one way to expand
// them, rrule-go underneath. Package calendar stores and expands the
// rules its engagements repeat by, adding what Anteroom can expand;
// package calendar/ics reads the rules of files and the onsets of their
// VTIMEZONEs with it.
package rrule

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	rrulego "github.com/teambition/rrule-go"
)

// Part is one NAME=VALUE part of a rule, both upper case.
type Part struct{ Name, Value string }

// Rule is a recurrence rule that keeps the grammar, split into its parts
// in the order written. Parts the grammar does not know (other than X-
// parts) and parts with an empty value are not in Parts but in Ignored.
type Rule struct {
	Parts   []Part
	Ignored []Part
}

// Error is a fault of a rule: the part at fault ("RRULE" for the whole
// value), a message key, its English text and the key's placeholders.
type Error struct {
	Part    string
	Code    string // "validation.rrule_…"
	Message string // English, placeholders filled
	Args    map[string]any
}

func (e *Error) Error() string { return e.Message }

func fault(part, code, format string, args map[string]any) *Error {
	msg := strings.ReplaceAll(format, "{{.Part}}", part)
	for k, v := range args {
		msg = strings.ReplaceAll(msg, "{{."+k+"}}", fmt.Sprint(v))
	}
	return &Error{Part: part, Code: code, Message: msg, Args: args}
}

// Ranges bound the values of the numeric list parts, as the grammar has
// them. Signed lists allow -max…-min too.
var Ranges = map[string]struct {
	Min, Max int
	Signed   bool
}{
	"BYSECOND":   {0, 60, false}, // 60: a leap second
	"BYMINUTE":   {0, 59, false},
	"BYHOUR":     {0, 23, false},
	"BYMONTHDAY": {1, 31, true},
	"BYYEARDAY":  {1, 366, true},
	"BYWEEKNO":   {1, 53, true},
	"BYMONTH":    {1, 13, false}, // 13 and a leap month "5L": RFC 7529, with RSCALE
	"BYSETPOS":   {1, 366, true},
}

// Weekdays are the weekday codes in Monday-first order.
var Weekdays = []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}

var freqs = []string{"SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"}

// Parse reads a RECUR value part by part: names and values upper case,
// spaces dropped (Exchange writes "BYDAY=MO, TU"), empty parts skipped.
// FREQ is required, every value in the grammar's range, no part given
// twice, UNTIL and COUNT not both.
func Parse(s string) (Rule, error) {
	var r Rule
	seen := map[string]bool{}
	for _, p := range strings.Split(strings.TrimSpace(s), ";") {
		if p == "" {
			continue // a trailing ";" is common and harmless
		}
		name, value, ok := strings.Cut(p, "=")
		name = strings.ToUpper(strings.TrimSpace(name))
		if !ok || name == "" {
			return r, fault("RRULE", "validation.rrule_syntax", "“{{.Value}}” is not NAME=VALUE", map[string]any{"Value": p})
		}
		value = strings.ToUpper(strings.ReplaceAll(value, " ", ""))
		if value == "" && name != "FREQ" {
			r.Ignored = append(r.Ignored, Part{name, value}) // "BYDAY= " (Exchange)
			continue
		}
		if seen[name] {
			return r, fault(name, "validation.rrule_duplicate", "{{.Part}} is given twice", nil)
		}
		seen[name] = true
		known, err := checkPart(name, value)
		if err != nil {
			return r, err
		}
		if !known {
			r.Ignored = append(r.Ignored, Part{name, value})
			continue
		}
		r.Parts = append(r.Parts, Part{name, value})
	}
	if !seen["FREQ"] {
		return r, fault("FREQ", "validation.rrule_required", "{{.Part}} is required", nil)
	}
	// §3.3.10: "The UNTIL or COUNT rule parts are OPTIONAL, but they MUST NOT occur in the same 'recur'."
	if seen["UNTIL"] && seen["COUNT"] {
		return r, fault("COUNT", "validation.rrule_count_until", "COUNT and UNTIL cannot both be given", nil)
	}
	return r, nil
}

// checkPart checks one part's value against the grammar; known is false
// for a name the grammar does not have.
func checkPart(name, value string) (known bool, err error) {
	bad := func() error {
		return fault(name, "validation.rrule_value", "{{.Part}}={{.Value}} is not valid", map[string]any{"Value": value})
	}
	outOfRange := func(lo, hi int) error {
		return fault(name, "validation.rrule_range", "{{.Part}} must be between {{.Min}} and {{.Max}}", map[string]any{"Min": lo, "Max": hi})
	}
	switch name {
	case "FREQ":
		if !slices.Contains(freqs, value) {
			return true, bad()
		}
	case "UNTIL":
		if !validUntil(value) {
			return true, bad()
		}
	case "COUNT", "INTERVAL":
		n, err := strconv.Atoi(value)
		if err != nil || strings.HasPrefix(value, "+") {
			return true, bad()
		}
		if n < 1 {
			return true, outOfRange(1, 1<<31-1)
		}
	case "WKST":
		if !slices.Contains(Weekdays, value) {
			return true, bad()
		}
	case "BYDAY":
		for _, v := range strings.Split(value, ",") {
			if len(v) < 2 || !slices.Contains(Weekdays, v[len(v)-2:]) {
				return true, bad()
			}
			if n := v[:len(v)-2]; n != "" {
				k, err := strconv.Atoi(n)
				if err != nil {
					return true, bad()
				}
				if k == 0 || k < -53 || k > 53 {
					return true, outOfRange(1, 53)
				}
			}
		}
	case "RSCALE", "SKIP":
	default:
		rg, ok := Ranges[name]
		if !ok {
			return strings.HasPrefix(name, "X-"), nil
		}
		for _, v := range strings.Split(value, ",") {
			if name == "BYMONTH" {
				v = strings.TrimSuffix(v, "L")
			}
			n, err := strconv.Atoi(v)
			if err != nil || strings.HasPrefix(v, "+") {
				return true, bad()
			}
			if !(n >= rg.Min && n <= rg.Max) && !(rg.Signed && n <= -rg.Min && n >= -rg.Max) {
				return true, outOfRange(rg.Min, rg.Max)
			}
		}
	}
	return true, nil
}

// validUntil reports whether v is a DATE (a stray "Z" allowed: DAVx5,
// Google birthdays) or a local or UTC DATE-TIME.
func validUntil(v string) bool {
	if len(v) == 9 && v[8] == 'Z' {
		v = v[:8]
	}
	if len(v) != 8 && len(v) != 15 && len(v) != 16 {
		return false
	}
	d, err := time.Parse("20060102", v[:8])
	if err != nil || d.Format("20060102") != v[:8] {
		return false
	}
	if len(v) == 8 {
		return true
	}
	if v[8] != 'T' || len(v) == 16 && v[15] != 'Z' {
		return false
	}
	h, e1 := strconv.Atoi(v[9:11])
	m, e2 := strconv.Atoi(v[11:13])
	s, e3 := strconv.Atoi(v[13:15])
	return e1 == nil && e2 == nil && e3 == nil && h <= 23 && m <= 59 && s <= 60
}

// Get returns the value of the part named name.
func (r Rule) Get(name string) (string, bool) {
	for _, p := range r.Parts {
		if p.Name == name {
			return p.Value, true
		}
	}
	return "", false
}

// partOrder is the order normalized rules are written in, the order of
// RFC 5545 §3.3.10's grammar; RFC 7529 parts follow.
var partOrder = []string{"FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR",
	"BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST", "RSCALE", "SKIP"}

// String writes the rule in the canonical part order, X- parts last in
// their order, with until as the UNTIL value ("" keeps the one parsed).
func (r Rule) String(until string) string {
	var b strings.Builder
	write := func(name, value string) {
		if b.Len() > 0 {
			b.WriteByte(';')
		}
		b.WriteString(name + "=" + value)
	}
	for _, name := range partOrder {
		if v, ok := r.Get(name); ok {
			if name == "UNTIL" && until != "" {
				v = until
			}
			write(name, v)
		}
	}
	for _, p := range r.Parts {
		if strings.HasPrefix(p.Name, "X-") {
			write(p.Name, p.Value)
		}
	}
	return b.String()
}

// Option is the rule as rrule-go's options, the one expander, without
// UNTIL, which rrule-go would read as UTC whatever it says: callers place
// it in their zone. X-, RSCALE and SKIP parts are not expanded.
func (r Rule) Option() (rrulego.ROption, error) {
	var parts []string
	for _, p := range r.Parts {
		switch {
		case p.Name == "UNTIL", p.Name == "RSCALE", p.Name == "SKIP", strings.HasPrefix(p.Name, "X-"):
			continue
		}
		parts = append(parts, p.Name+"="+p.Value)
	}
	opt, err := rrulego.StrToROption(strings.Join(parts, ";"))
	if err != nil {
		return rrulego.ROption{}, fault("RRULE", "validation.rrule_invalid", "the repeat rule is not valid: {{.Detail}}", map[string]any{"Detail": err.Error()})
	}
	return *opt, nil
}
