package calendar

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	rrule "github.com/teambition/rrule-go"
)

// Limits that keep every rule cheap to expand. RFC 5545 sets none; an
// office calendar needs nothing beyond them.
const (
	maxInterval = 1000 // INTERVAL
	maxCount    = 5000 // COUNT: a daily meeting for thirteen years
	maxPerMonth = 127  // occurrences in a series' first month: four a day
	probeDays   = 31
)

// RuleError says why a recurrence rule is refused and which part of it is
// at fault. It converts to the Problem the editor shows on the "rrule" field.
type RuleError struct {
	Part    string // "FREQ", "BYMINUTE", … or "RRULE" for the whole value
	Code    string // translatable message key, "validation.rrule_…"
	Message string // English fallback
	Args    map[string]any
}

func (e *RuleError) Error() string { return "RRULE " + e.Part + ": " + e.Message }

// Unwrap lets callers test errors.Is(err, ErrInvalid).
func (e *RuleError) Unwrap() error { return ErrInvalid }

// Problem returns the error as a validation problem on the "rrule" field.
func (e *RuleError) Problem() Problem {
	args := map[string]any{"Part": e.Part}
	for k, v := range e.Args {
		args[k] = v
	}
	return Problem{Field: "rrule", Code: e.Code, Message: e.Message, Args: args}
}

func ruleErr(part, code, format string, args map[string]any) *RuleError {
	msg := format
	for k, v := range args {
		msg = strings.ReplaceAll(msg, "{{."+k+"}}", fmt.Sprint(v))
	}
	msg = strings.ReplaceAll(msg, "{{.Part}}", part)
	return &RuleError{Part: part, Code: code, Message: msg, Args: args}
}

// rule is a parsed RRULE value whose parts have passed the checks of
// RFC 5545 §3.3.10 that need no start date.
type rule struct {
	text      string        // normalized: upper case, no "RRULE:" prefix
	opt       rrule.ROption // UNTIL and DTSTART unset; see untilF
	parts     map[string]string
	untilF    time.Time // UNTIL as a wall-clock time in floating UTC; zero when absent
	untilDate bool      // UNTIL was a DATE: the whole day counts
	untilUTC  bool      // UNTIL was a UTC date-time (…Z)
}

// NormalizeRRule trims an RRULE value, drops a leading "RRULE:" and upper-cases it.
func NormalizeRRule(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 6 && strings.EqualFold(s[:6], "RRULE:") {
		s = s[6:]
	}
	return strings.Trim(strings.ToUpper(s), "; ")
}

// intRange bounds the values of one numeric rule part (§3.3.10 grammar).
type intRange struct {
	min, max int
	signed   bool // -max…-min is allowed too
}

var partRanges = map[string]intRange{
	"BYSECOND":   {0, 59, false}, // the grammar allows 60, a leap second, which rrule-go cannot expand
	"BYMINUTE":   {0, 59, false},
	"BYHOUR":     {0, 23, false},
	"BYMONTHDAY": {1, 31, true},
	"BYYEARDAY":  {1, 366, true},
	"BYWEEKNO":   {1, 53, true},
	"BYMONTH":    {1, 12, false},
	"BYSETPOS":   {1, 366, true},
}

var weekdayCodes = []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}

// parseRule reads an RRULE value. UNTIL without "Z" is read as a wall-clock
// time in the series' zone, as RFC 5545 §3.3.10 requires for floating and
// DATE values (and as real-world files use it even with a TZID).
func parseRule(text string) (*rule, error) {
	text = NormalizeRRule(text)
	if text == "" {
		return nil, ruleErr("RRULE", "validation.rrule_empty", "the repeat rule is empty", nil)
	}
	r := &rule{text: text, parts: map[string]string{}}
	for _, item := range strings.Split(text, ";") {
		key, value, ok := strings.Cut(item, "=")
		if !ok || key == "" || value == "" {
			return nil, ruleErr("RRULE", "validation.rrule_syntax", "“{{.Value}}” is not NAME=VALUE", map[string]any{"Value": item})
		}
		if _, dup := r.parts[key]; dup {
			return nil, ruleErr(key, "validation.rrule_duplicate", "{{.Part}} is given twice", nil)
		}
		r.parts[key] = value
		if err := checkPart(key, value); err != nil {
			return nil, err
		}
	}
	freq, ok := r.parts["FREQ"]
	if !ok {
		return nil, ruleErr("FREQ", "validation.rrule_required", "{{.Part}} is required", nil)
	}
	// §3.3.10: "The UNTIL or COUNT rule parts are OPTIONAL, but they MUST NOT occur in the same 'recur'."
	if _, c := r.parts["COUNT"]; c {
		if _, u := r.parts["UNTIL"]; u {
			return nil, ruleErr("COUNT", "validation.rrule_count_until", "COUNT and UNTIL cannot both be given", nil)
		}
	}
	if err := checkApplicable(freq, r.parts); err != nil {
		return nil, err
	}
	// UNTIL is read here, not by rrule-go, which takes a local value as UTC.
	withoutUntil := make([]string, 0, len(r.parts))
	for _, item := range strings.Split(text, ";") {
		if !strings.HasPrefix(item, "UNTIL=") {
			withoutUntil = append(withoutUntil, item)
		}
	}
	opt, err := rrule.StrToROption(strings.Join(withoutUntil, ";"))
	if err != nil {
		return nil, ruleErr("RRULE", "validation.rrule_invalid", "the repeat rule is not valid: {{.Detail}}", map[string]any{"Detail": err.Error()})
	}
	r.opt = *opt
	if u, ok := r.parts["UNTIL"]; ok {
		r.untilF, r.untilDate, r.untilUTC = parseUntil(u)
	}
	return r, nil
}

// checkPart checks one part's value against the §3.3.10 grammar.
func checkPart(key, value string) error {
	bad := func() error {
		return ruleErr(key, "validation.rrule_value", "{{.Part}}={{.Value}} is not valid", map[string]any{"Value": value})
	}
	switch key {
	case "FREQ":
		if _, err := rrule.StrToFreq(value); err != nil {
			return bad()
		}
	case "INTERVAL", "COUNT":
		limit := maxInterval
		if key == "COUNT" {
			limit = maxCount
		}
		n, err := strconv.Atoi(value)
		if err != nil {
			return bad()
		}
		if n < 1 || n > limit {
			return ruleErr(key, "validation.rrule_range", "{{.Part}} must be between {{.Min}} and {{.Max}}", map[string]any{"Min": 1, "Max": limit})
		}
	case "UNTIL":
		if t, _, _ := parseUntil(value); t.IsZero() {
			return bad()
		}
	case "WKST":
		if !slices.Contains(weekdayCodes, value) {
			return bad()
		}
	case "BYDAY":
		for _, v := range strings.Split(value, ",") {
			if len(v) < 2 || !slices.Contains(weekdayCodes, v[len(v)-2:]) {
				return bad()
			}
			if n := v[:len(v)-2]; n != "" {
				k, err := strconv.Atoi(n)
				if err != nil || k == 0 || k < -53 || k > 53 {
					return ruleErr(key, "validation.rrule_range", "{{.Part}} must be between {{.Min}} and {{.Max}}", map[string]any{"Min": 1, "Max": 53})
				}
			}
		}
	default:
		rg, ok := partRanges[key]
		if !ok {
			// BYEASTER and X- names are rrule-go's or vendors', not RFC 5545's.
			return ruleErr(key, "validation.rrule_unknown", "{{.Part}} is not a rule part Anteroom knows", nil)
		}
		for _, v := range strings.Split(value, ",") {
			n, err := strconv.Atoi(v)
			if err != nil {
				return bad()
			}
			if !(n >= rg.min && n <= rg.max) && !(rg.signed && n <= -rg.min && n >= -rg.max) {
				return ruleErr(key, "validation.rrule_range", "{{.Part}} must be between {{.Min}} and {{.Max}}", map[string]any{"Min": rg.min, "Max": rg.max})
			}
		}
	}
	return nil
}

// checkApplicable enforces the table of RFC 5545 §3.3.10 that says which
// BYxxx parts each FREQ allows, and the notes beneath it.
func checkApplicable(freq string, parts map[string]string) error {
	notWith := func(part string) error {
		return ruleErr(part, "validation.rrule_not_with_freq", "{{.Part}} cannot be used with FREQ={{.Freq}}", map[string]any{"Freq": freq})
	}
	if _, ok := parts["BYWEEKNO"]; ok && freq != "YEARLY" {
		return notWith("BYWEEKNO")
	}
	if _, ok := parts["BYYEARDAY"]; ok && (freq == "DAILY" || freq == "WEEKLY" || freq == "MONTHLY") {
		return notWith("BYYEARDAY")
	}
	if _, ok := parts["BYMONTHDAY"]; ok && freq == "WEEKLY" {
		return notWith("BYMONTHDAY")
	}
	if days, ok := parts["BYDAY"]; ok {
		// Note 1 and 2: a numeric BYDAY only within a MONTHLY or YEARLY
		// rule, and not in a YEARLY rule with BYWEEKNO.
		_, weekno := parts["BYWEEKNO"]
		numeric := strings.ContainsAny(days, "0123456789")
		if numeric && (freq != "MONTHLY" && freq != "YEARLY" || weekno) {
			return notWith("BYDAY")
		}
	}
	if _, ok := parts["BYSETPOS"]; ok {
		// "It MUST only be used in conjunction with another BYxxx rule part."
		other := false
		for k := range parts {
			if strings.HasPrefix(k, "BY") && k != "BYSETPOS" {
				other = true
			}
		}
		if !other {
			return ruleErr("BYSETPOS", "validation.rrule_setpos_alone", "BYSETPOS needs another BY… part", nil)
		}
	}
	return nil
}

// parseUntil reads UNTIL as a DATE, a floating DATE-TIME or a UTC DATE-TIME
// and returns it as a time in UTC; a UTC value is converted to the series'
// zone later. The zero time means it is not valid.
func parseUntil(v string) (t time.Time, isDate, isUTC bool) {
	switch len(v) {
	case len(rrule.DateFormat):
		t, err := time.Parse(rrule.DateFormat, v)
		if err != nil {
			return time.Time{}, false, false
		}
		return t, true, false
	case len(rrule.LocalDateTimeFormat):
		t, err := time.Parse(rrule.LocalDateTimeFormat, v)
		if err != nil {
			return time.Time{}, false, false
		}
		return t, false, false
	case len(rrule.DateTimeFormat):
		t, err := time.Parse(rrule.DateTimeFormat, v)
		if err != nil {
			return time.Time{}, false, false
		}
		return t, false, true
	}
	return time.Time{}, false, false
}

// checkReachable refuses the sub-daily rules on which rrule-go never
// returns: it steps the clock by INTERVAL until BYHOUR, BYMINUTE (and
// BYSECOND) match, so when no time of day in the step's residue class
// matches, the search has no end (FREQ=MINUTELY;INTERVAL=2;BYMINUTE=1 from
// an even minute). Stepping by n units keeps the time of day in one class
// modulo gcd(n, units per day); the rule is reachable when a wanted time
// of day falls in that class.
func (r *rule) checkReachable(dtF time.Time) error {
	freq := r.opt.Freq
	if freq < rrule.HOURLY {
		return nil
	}
	hours, minutes, seconds := r.opt.Byhour, r.opt.Byminute, r.opt.Bysecond
	interval := max(r.opt.Interval, 1)
	var unitsPerDay, start int
	switch freq {
	case rrule.HOURLY:
		unitsPerDay, start = 24, dtF.Hour()
		minutes, seconds = []int{0}, []int{0}
	case rrule.MINUTELY:
		unitsPerDay, start = 24*60, dtF.Hour()*60+dtF.Minute()
		seconds = []int{0}
	default:
		unitsPerDay, start = 24*60*60, dtF.Hour()*3600+dtF.Minute()*60+dtF.Second()
	}
	if len(hours) == 0 && (freq == rrule.HOURLY || len(minutes) == 0) && (freq != rrule.SECONDLY || len(seconds) == 0) {
		return nil // every step is a candidate
	}
	g := gcd(interval, unitsPerDay)
	all := func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = i
		}
		return s
	}
	if len(hours) == 0 {
		hours = all(24)
	}
	if len(minutes) == 0 {
		minutes = all(60)
	}
	if len(seconds) == 0 {
		seconds = all(60)
	}
	for _, h := range hours {
		for _, m := range minutes {
			for _, s := range seconds {
				var unit int
				switch freq {
				case rrule.HOURLY:
					unit = h
				case rrule.MINUTELY:
					unit = h*60 + m
				default:
					unit = h*3600 + m*60 + s
				}
				if ((unit-start)%g+g)%g == 0 {
					return nil
				}
			}
		}
	}
	part := "BYHOUR"
	switch {
	case freq == rrule.SECONDLY && len(r.opt.Bysecond) > 0:
		part = "BYSECOND"
	case freq >= rrule.MINUTELY && len(r.opt.Byminute) > 0:
		part = "BYMINUTE"
	}
	return ruleErr(part, "validation.rrule_unreachable",
		"with INTERVAL={{.Interval}} from {{.Start}}, FREQ={{.Freq}} never reaches {{.Part}}",
		map[string]any{"Interval": interval, "Start": dtF.Format("15:04:05"), "Freq": r.parts["FREQ"]})
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
