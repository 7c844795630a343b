package calendar

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Week is an ISO 8601 week, Monday to Sunday: what a Friday review and a
// week's plan are about. Its year is the ISO week-numbering year, which
// differs from the calendar year for a few days around New Year
// (2027-01-01 is in 2026-W53).
type Week struct {
	Year   int
	Number int // 1 to 52, or 53 in long years
}

// WeekOf returns the ISO week that contains d.
func WeekOf(d Date) Week {
	y, n := d.In(time.UTC).ISOWeek()
	return Week{y, n}
}

// weeksIn returns how many ISO weeks year has: 53 when 28 December, which
// always lies in the last week, is in week 53.
func weeksIn(year int) int {
	_, n := time.Date(year, time.December, 28, 12, 0, 0, 0, time.UTC).ISOWeek()
	return n
}

// Valid reports whether w names a week that exists.
func (w Week) Valid() bool {
	return w.Year >= 1 && w.Year <= 9999 && w.Number >= 1 && w.Number <= weeksIn(w.Year)
}

// Monday returns the first day of w. Week 1 is the week with the year's
// first Thursday in it, so the one that contains 4 January.
func (w Week) Monday() Date {
	return WeekStart(NewDate(w.Year, time.January, 4)).AddDays(7 * (w.Number - 1))
}

// Sunday returns the last day of w.
func (w Week) Sunday() Date { return w.Monday().AddDays(6) }

// Contains reports whether d lies in w.
func (w Week) Contains(d Date) bool { return WeekOf(d) == w }

// AddWeeks returns the week n weeks after w (before, when n is negative).
func (w Week) AddWeeks(n int) Week { return WeekOf(w.Monday().AddDays(7 * n)) }

// Next returns the week after w.
func (w Week) Next() Week { return w.AddWeeks(1) }

// Compare returns -1, 0 or +1 as w is before, equal to or after o.
func (w Week) Compare(o Week) int {
	return cmp.Or(cmp.Compare(w.Year, o.Year), cmp.Compare(w.Number, o.Number))
}

// Span returns the instants w begins and ends at in loc: Monday 00:00 and
// the next Monday 00:00.
func (w Week) Span(loc *time.Location) (from, to time.Time) {
	return w.Monday().In(loc), w.Monday().AddDays(7).In(loc)
}

// String formats w as ISO 8601 writes it: 2026-W48.
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Number) }

// IsZero reports whether w is the zero Week.
func (w Week) IsZero() bool { return w == Week{} }

// weekPattern is the extended ISO 8601 form and the basic one, 2026-W48
// and 2026W48, with the W in either case.
var weekPattern = regexp.MustCompile(`^(\d{4})-?[Ww](\d{2})$`)

// ParseWeek reads an ISO week, 2026-W48 (2026W48 and 2026-w48 too). A
// malformed text or a week the year does not have (2026-W54; 2026 has 53)
// is a *ValidationError on the field "week".
func ParseWeek(s string) (Week, error) {
	m := weekPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return Week{}, &ValidationError{Problems: []Problem{NewProblem("week", "review.week_format",
			"“{{.Value}}” is not a week of the form 2026-W48", map[string]any{"Value": s})}}
	}
	y, _ := strconv.Atoi(m[1]) // the pattern allows digits only
	n, _ := strconv.Atoi(m[2])
	w := Week{y, n}
	if !w.Valid() {
		return Week{}, &ValidationError{Problems: []Problem{NewProblem("week", "review.week_range",
			"{{.Year}} has weeks 1 to {{.Weeks}}: there is no {{.Value}}", map[string]any{"Value": s, "Year": y, "Weeks": weeksIn(y)})}}
	}
	return w, nil
}
