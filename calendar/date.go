package calendar

import (
	"cmp"
	"fmt"
	"time"
)

// Date is a civil date with no zone: the day of an all-day engagement. A
// holiday on 1 October is on 1 October wherever the leader is, so all-day
// items are kept as dates, never as instants (RFC 5545 §3.3.4 DATE).
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date year-month-day, normalized as time.Date does
// (31 November is 1 December).
func NewDate(year int, month time.Month, day int) Date {
	return DateOf(time.Date(year, month, day, 12, 0, 0, 0, time.UTC))
}

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%w: date %q is not YYYY-MM-DD", ErrInvalid, s)
	}
	return DateOf(t), nil
}

// In returns midnight at the start of d in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays returns the date n days after d (before, when n is negative).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	if !d.plain() || !o.plain() {
		a, b := d.In(time.UTC), o.In(time.UTC) // normalizes 31 November and the like
		return a.Compare(b)
	}
	if c := cmp.Compare(d.Year, o.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(d.Month, o.Month); c != 0 {
		return c
	}
	return cmp.Compare(d.Day, o.Day)
}

// plain reports whether d is a date in every month, so it compares field by field.
func (d Date) plain() bool {
	return d.Month >= time.January && d.Month <= time.December && d.Day >= 1 && d.Day <= 28
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.In(time.UTC).Weekday() }

// String formats d as YYYY-MM-DD.
func (d Date) String() string { return d.In(time.UTC).Format(time.DateOnly) }

// WeekStart returns the Monday of the ISO week that contains d.
func WeekStart(d Date) Date {
	offset := (int(d.Weekday()) + 6) % 7 // Monday → 0 … Sunday → 6
	return d.AddDays(-offset)
}
