package calendar

import (
	"cmp"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Rule names a booking rule; every finding names the one it breaks.
type Rule string

// The rules Check applies.
const (
	RuleOverlap      Rule = "overlap"       // another engagement at the same time
	RuleBlocked      Rule = "blocked"       // blocked time (kind blocked): trips, protected time
	RuleOutsideHours Rule = "outside_hours" // outside the day's working hours
	RuleHoliday      Rule = "holiday"       // on a day off: a public holiday
	RuleBuffer       Rule = "buffer"        // too close to another engagement
	RuleNotice       Rule = "notice"        // booked at shorter notice than the kind needs
	RuleWeeklyCap    Rule = "weekly_cap"    // more visits in the ISO week than the cap
	RuleDailyCap     Rule = "daily_cap"     // more visits on the day than the cap
	RuleUnconfirmed  Rule = "unconfirmed"   // not yet confirmed with the other desks through the server
	RulePast         Rule = "past"          // booked, or moved, into time already gone
)

// Severity says whether a finding stops a booking.
type Severity string

// Severities, the stronger first.
const (
	SeverityBlock Severity = "block" // saving needs an explicit override with a reason
	SeverityWarn  Severity = "warn"  // shown; saving goes ahead
)

// Finding is one reason a booking does not fit. Code is a message key the
// UI and CLI translate with Args(); Message() is the English text. Both are
// rendered on demand: Check decides, whoever shows a finding pays for its
// words.
type Finding struct {
	Rule     Rule
	Severity Severity
	Code     string
	Other    *Engagement // the clashing engagement or occurrence, when there is one
	At       time.Time   // start of the occurrence checked: for a series, which one

	span  *Span   // a span engine's Other, until it is made (NameOthers, or on demand)
	en    *Engine // the engine that found it: the series its span may be an occurrence of
	names *namer  // makes Other on demand for a finding CheckManyUnnamed left unnamed

	loc   *time.Location
	date  Date // the day a day rule is about; for notice, the earliest day
	title string
	where string // the other desk, or the server that could not be asked
	hours []ClockRange
	n     [3]int32 // Gap, Minutes | Count, Cap, Week | Days
}

// Args returns the values the message's placeholders name.
func (f Finding) Args() map[string]any {
	a := map[string]any{}
	if o := f.Named(); o != nil {
		a["Title"], a["When"] = o.Title, when(o, f.loc)
	}
	switch f.Code {
	case "conflict.overlap_other_desk":
		a["Desk"] = f.where
	case "conflict.unconfirmed":
		a["Server"] = f.where
	}
	switch f.Rule {
	case RuleBuffer:
		a["Gap"], a["Minutes"] = f.n[0], f.n[1]
	case RuleHoliday:
		a["Date"], a["Title"] = f.date.String(), f.title
	case RuleOutsideHours:
		a["Date"] = f.date.String()
		if f.hours != nil {
			a["Hours"] = FormatHours(f.hours)
		}
	case RuleNotice:
		a["Days"], a["Earliest"] = f.n[0], f.date.String()
	case RuleWeeklyCap:
		a["Count"], a["Cap"], a["Week"] = f.n[0], f.n[1], f.n[2]
	case RuleDailyCap:
		a["Count"], a["Cap"], a["Date"] = f.n[0], f.n[1], f.date.String()
	case RulePast:
		a["Date"], a["Time"] = f.date.String(), f.At.In(f.loc).Format("15:04")
	}
	return a
}

// Message returns the finding in English; translations use Code and Args.
func (f Finding) Message() string { return Fill(englishFindings[f.Code], f.Args()) }

// englishFindings are the English fallbacks of the finding codes; the
// translations live in assets/translations.
var englishFindings = map[string]string{
	"conflict.overlap":            "overlaps “{{.Title}}” ({{.When}})",
	"conflict.overlap_tentative":  "overlaps “{{.Title}}” ({{.When}}); one of them is tentative",
	"conflict.blocked":            "falls in blocked time “{{.Title}}” ({{.When}})",
	"conflict.buffer":             "only {{.Gap}} of the {{.Minutes}} minutes kept free next to “{{.Title}}” ({{.When}})",
	"conflict.holiday":            "{{.Date}} is a day off: {{.Title}}",
	"conflict.non_working_day":    "{{.Date}} is not a working day",
	"conflict.outside_hours":      "outside the working hours of {{.Date}} ({{.Hours}})",
	"conflict.notice":             "needs {{.Days}} working day(s) of notice: book from {{.Earliest}} on",
	"conflict.weekly_cap":         "visit {{.Count}} in week {{.Week}}, over the cap of {{.Cap}}",
	"conflict.daily_cap":          "visit {{.Count}} on {{.Date}}, over the cap of {{.Cap}}",
	"conflict.overlap_other_desk": "overlaps “{{.Title}}” ({{.When}}), booked on the desk {{.Desk}}",
	"conflict.past":               "starts {{.Date}} {{.Time}}, before now",
	"conflict.unconfirmed":        "saved here but not yet confirmed with the other desks: {{.Server}} could not be reached; the next sync checks it again",
}

// when names when o is, in loc: "2026-11-23 10:00–11:00" or, all day,
// "2026-11-25 – 2026-11-26".
func when(o *Engagement, loc *time.Location) string {
	if o.AllDay {
		first, last := o.StartDay, o.EndDay.AddDays(-1)
		if last == first {
			return first.String()
		}
		return first.String() + " – " + last.String()
	}
	s, e := o.Start.In(loc), o.End.In(loc)
	if DateOf(s) != DateOf(e) {
		return s.Format("2006-01-02 15:04") + " – " + e.Format("2006-01-02 15:04")
	}
	return s.Format("2006-01-02 15:04") + "–" + e.Format("15:04")
}

// fill replaces each {{.Name}} in template with args' value.
// Fill fills a message's {{.Name}} placeholders with args, for English texts.
func Fill(template string, args map[string]any) string {
	for k, v := range args {
		template = strings.ReplaceAll(template, "{{."+k+"}}", fmt.Sprint(v))
	}
	return template
}

// Blocking reports whether any finding blocks the booking.
func Blocking(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SeverityBlock {
			return true
		}
	}
	return false
}

// ErrConflict is returned when a booking has blocking findings and no
// override; the error is a *ConflictError. Compare with errors.Is.
var ErrConflict = errors.New("conflicts with the calendar")

// ConflictError carries the findings that stopped a save.
type ConflictError struct {
	Findings []Finding
}

func (e *ConflictError) Error() string {
	var msgs []string
	for _, f := range e.Findings {
		if f.Severity == SeverityBlock {
			msgs = append(msgs, string(f.Rule)+": "+f.Message())
		}
	}
	return "booking conflicts: " + strings.Join(msgs, "; ")
}

// Unwrap lets callers test errors.Is(err, ErrConflict).
func (e *ConflictError) Unwrap() error { return ErrConflict }

// ruleOrder sorts findings within a severity the way the editor lists them.
var ruleOrder = map[Rule]int{
	RuleBlocked: 0, RuleOverlap: 1, RuleHoliday: 2, RuleOutsideHours: 3, RuleBuffer: 4,
	RuleNotice: 5, RuleWeeklyCap: 6, RuleDailyCap: 7, RuleUnconfirmed: 8, RulePast: 9,
}

func compareFindings(a, b Finding) int {
	if a.Severity != b.Severity {
		if a.Severity == SeverityBlock {
			return -1
		}
		return 1
	}
	if c := ruleOrder[a.Rule] - ruleOrder[b.Rule]; c != 0 {
		return c
	}
	if c := a.At.Compare(b.At); c != 0 {
		return c
	}
	if a.Other != nil && b.Other != nil {
		return a.Other.Start.Compare(b.Other.Start)
	}
	if a.span != nil && b.span != nil {
		return cmp.Compare(a.span.Start, b.span.Start)
	}
	return 0
}
