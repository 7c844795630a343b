package calendar

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	rrule "github.com/teambition/rrule-go"

	rrulegrammar "anteroom/calendar/rrule"
)

// Limits that keep every rule cheap to expand. RFC 5545 sets none; an
// office calendar needs nothing beyond them.
const (
	maxInterval = 1000 // INTERVAL
	maxCount    = 5000 // COUNT: a daily meeting for thirteen years
	// Occurrences in a series' first month: every 20 minutes through an
	// office day (RFC 5545 §3.8.5.3) is 744. Ten years of it stay within
	// what one query expands (maxOccurrences); a more frequent series
	// without COUNT or UNTIL would not.
	maxPerMonth = 800
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

// parseRule reads an RRULE value with the one grammar (package
// calendar/rrule) and holds it to what Anteroom stores and expands: no
// parts it does not expand, INTERVAL and COUNT within limits, no leap
// second or leap month, and the BYxxx parts RFC 5545 §3.3.10 allows with
// the rule's FREQ. UNTIL without "Z" is read as a wall-clock time in the
// series' zone, as RFC 5545 §3.3.10 requires for floating and DATE values
// (and as real-world files use it even with a TZID).
func parseRule(text string) (*rule, error) {
	text = NormalizeRRule(text)
	if text == "" {
		return nil, ruleErr("RRULE", "validation.rrule_empty", "the repeat rule is empty", nil)
	}
	for _, item := range strings.Split(text, ";") {
		if key, value, ok := strings.Cut(item, "="); !ok || key == "" || value == "" || strings.ContainsAny(item, " \t") {
			return nil, ruleErr("RRULE", "validation.rrule_syntax", "“{{.Value}}” is not NAME=VALUE", map[string]any{"Value": item})
		}
	}
	g, err := rrulegrammar.Parse(text)
	if err != nil {
		var ge *rrulegrammar.Error
		if !errors.As(err, &ge) {
			return nil, err
		}
		return nil, narrowed(ge)
	}
	if len(g.Ignored) > 0 {
		return nil, ruleErr(g.Ignored[0].Name, "validation.rrule_unknown", "{{.Part}} is not a rule part Anteroom knows", nil)
	}
	r := &rule{text: text, parts: map[string]string{}}
	for _, p := range g.Parts {
		if err := checkExpandable(p.Name, p.Value); err != nil {
			return nil, err
		}
		r.parts[p.Name] = p.Value
	}
	if err := checkApplicable(r.parts["FREQ"], r.parts); err != nil {
		return nil, err
	}
	opt, err := g.Option()
	if err != nil {
		var ge *rrulegrammar.Error
		if errors.As(err, &ge) {
			return nil, ruleErr(ge.Part, ge.Code, "the repeat rule is not valid: {{.Detail}}", ge.Args)
		}
		return nil, err
	}
	r.opt = opt
	if u, ok := r.parts["UNTIL"]; ok {
		r.untilF, r.untilDate, r.untilUTC = parseUntil(u)
		if r.untilF.IsZero() {
			return nil, ruleErr("UNTIL", "validation.rrule_value", "{{.Part}}={{.Value}} is not valid", map[string]any{"Value": u})
		}
	}
	return r, nil
}

// narrowed is a fault of the grammar as Anteroom states it: ranges are
// Anteroom's where they are narrower than the grammar's.
func narrowed(ge *rrulegrammar.Error) error {
	if ge.Code == "validation.rrule_range" {
		if rg, ok := expandableRanges[ge.Part]; ok {
			return ruleErr(ge.Part, ge.Code, "{{.Part}} must be between {{.Min}} and {{.Max}}", map[string]any{"Min": rg[0], "Max": rg[1]})
		}
	}
	return ruleErr(ge.Part, ge.Code, ge.Message, ge.Args)
}

// expandableRanges are the bounds Anteroom holds INTERVAL, COUNT and the
// parts rrule-go cannot expand in full to.
var expandableRanges = map[string][2]int{
	"INTERVAL": {1, maxInterval},
	"COUNT":    {1, maxCount},
	"BYSECOND": {0, 59}, // the grammar allows 60, a leap second, which rrule-go cannot expand
	"BYMONTH":  {1, 12}, // no RFC 7529 leap months
}

// checkExpandable refuses what the grammar allows and Anteroom does not
// expand: RSCALE, SKIP and X- parts, and values beyond expandableRanges.
func checkExpandable(key, value string) error {
	switch key {
	case "RSCALE", "SKIP":
		return ruleErr(key, "validation.rrule_unknown", "{{.Part}} is not a rule part Anteroom knows", nil)
	}
	if strings.HasPrefix(key, "X-") {
		return ruleErr(key, "validation.rrule_unknown", "{{.Part}} is not a rule part Anteroom knows", nil)
	}
	rg, ok := expandableRanges[key]
	if !ok {
		return nil
	}
	for _, v := range strings.Split(value, ",") {
		n, err := strconv.Atoi(v)
		if err != nil {
			return ruleErr(key, "validation.rrule_value", "{{.Part}}={{.Value}} is not valid", map[string]any{"Value": value})
		}
		if n < rg[0] || n > rg[1] {
			return ruleErr(key, "validation.rrule_range", "{{.Part}} must be between {{.Min}} and {{.Max}}", map[string]any{"Min": rg[0], "Max": rg[1]})
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
