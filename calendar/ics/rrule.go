package ics

import (
	"fmt"
	"strconv"
	"strings"
)

// rrulePart is one NAME=VALUE part of a recurrence rule.
type rrulePart struct{ name, value string }

// rule is a recurrence rule split into its parts, names and values upper
// case, UNTIL still as written.
type rule struct {
	parts   []rrulePart
	until   string   // the UNTIL part as written, "" when none
	rscale  string   // RFC 7529 RSCALE, "" for the Gregorian default
	ignored []string // parts dropped: unknown names, empty values
}

// partOrder is the order normalized rules are written in, the order of
// RFC 5545 §3.3.10's grammar; RFC 7529 parts follow.
var partOrder = []string{"FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR",
	"BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST", "RSCALE", "SKIP"}

var freqs = map[string]bool{"SECONDLY": true, "MINUTELY": true, "HOURLY": true, "DAILY": true,
	"WEEKLY": true, "MONTHLY": true, "YEARLY": true}

var weekdays = map[string]bool{"SU": true, "MO": true, "TU": true, "WE": true, "TH": true, "FR": true, "SA": true}

// parseRule checks a RECUR value (RFC 5545 §3.3.10) part by part: FREQ is
// required, every list value in range, a part not repeated, UNTIL and COUNT
// not both. Unknown parts other than X- parts, and parts with an empty
// value, are dropped and listed in r.ignored. It returns a description of
// the first fault.
func parseRule(s string) (rule, error) {
	var r rule
	seen := map[string]bool{}
	for _, p := range strings.Split(strings.TrimSpace(s), ";") {
		if p == "" {
			continue // a trailing ";" is common and harmless
		}
		eq := strings.IndexByte(p, '=')
		if eq <= 0 {
			return r, fmt.Errorf("%q is not NAME=VALUE", p)
		}
		// Spaces are dropped: Exchange writes "BYDAY=MO, TU, WE".
		name, value := strings.ToUpper(strings.TrimSpace(p[:eq])), strings.ToUpper(strings.ReplaceAll(p[eq+1:], " ", ""))
		if value == "" && name != "FREQ" {
			r.ignored = append(r.ignored, p) // "BYDAY= " (Exchange)
			continue
		}
		if seen[name] {
			return r, fmt.Errorf("%s is given twice", name)
		}
		seen[name] = true
		if err := checkRulePart(name, value); err != nil {
			if err == errUnknownPart {
				r.ignored = append(r.ignored, p)
				continue
			}
			return r, err
		}
		switch name {
		case "UNTIL":
			r.until = value
		case "RSCALE":
			r.rscale = value
		}
		r.parts = append(r.parts, rrulePart{name, value})
	}
	if !seen["FREQ"] {
		return r, fmt.Errorf("FREQ is missing")
	}
	if seen["UNTIL"] && seen["COUNT"] {
		return r, fmt.Errorf("UNTIL and COUNT are both given")
	}
	return r, nil
}

var errUnknownPart = fmt.Errorf("unknown part")

// checkRulePart checks one part's value.
func checkRulePart(name, value string) error {
	switch name {
	case "FREQ":
		if !freqs[value] {
			return fmt.Errorf("FREQ=%s is not a frequency", value)
		}
	case "UNTIL":
		if _, ok := parseCivil(value); !ok {
			return fmt.Errorf("UNTIL=%s is not a date or date-time", value)
		}
	case "COUNT", "INTERVAL":
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 {
			return fmt.Errorf("%s=%s is not a positive number", name, value)
		}
	case "BYSECOND":
		return checkList(name, value, 0, 60, false)
	case "BYMINUTE":
		return checkList(name, value, 0, 59, false)
	case "BYHOUR":
		return checkList(name, value, 0, 23, false)
	case "BYMONTHDAY":
		return checkList(name, value, 1, 31, true)
	case "BYYEARDAY", "BYSETPOS":
		return checkList(name, value, 1, 366, true)
	case "BYWEEKNO":
		return checkList(name, value, 1, 53, true)
	case "BYMONTH":
		// RFC 7529 allows a leap month such as "5L".
		return checkList(name, strings.ReplaceAll(value, "L", ""), 1, 13, false)
	case "BYDAY":
		for _, v := range strings.Split(value, ",") {
			if len(v) < 2 || !weekdays[v[len(v)-2:]] {
				return fmt.Errorf("BYDAY=%s: %q is not a weekday", value, v)
			}
			if n := v[:len(v)-2]; n != "" {
				if err := checkList(name, n, 1, 53, true); err != nil {
					return err
				}
			}
		}
	case "WKST":
		if !weekdays[value] {
			return fmt.Errorf("WKST=%s is not a weekday", value)
		}
	case "RSCALE", "SKIP":
		if value == "" {
			return fmt.Errorf("%s is empty", name)
		}
	default:
		if strings.HasPrefix(name, "X-") {
			return nil
		}
		return errUnknownPart
	}
	return nil
}

// checkList checks a comma-separated list of numbers in [lo, hi], or in
// [-hi, -lo] too when signed.
func checkList(name, value string, lo, hi int, signed bool) error {
	for _, v := range strings.Split(value, ",") {
		n, err := strconv.Atoi(v)
		if err == nil && signed && n < 0 {
			n = -n
		}
		if err != nil || n < lo || n > hi || !signed && strings.HasPrefix(v, "-") {
			return fmt.Errorf("%s=%s: %q is out of range", name, value, v)
		}
	}
	return nil
}

// String writes the rule in the canonical part order with until as the
// UNTIL value ("" keeps the one parsed).
func (r rule) String(until string) string {
	var b strings.Builder
	for _, name := range partOrder {
		for _, p := range r.parts {
			if p.name != name {
				continue
			}
			v := p.value
			if name == "UNTIL" && until != "" {
				v = until
			}
			if b.Len() > 0 {
				b.WriteByte(';')
			}
			b.WriteString(name)
			b.WriteByte('=')
			b.WriteString(v)
		}
	}
	for _, p := range r.parts { // X- parts, in their order
		if strings.HasPrefix(p.name, "X-") {
			b.WriteString(";" + p.name + "=" + p.value)
		}
	}
	return b.String()
}
