package ics

import (
	"time"

	"anteroom/calendar"
)

// civil is a DATE or DATE-TIME value as written (RFC 5545 §3.3.4, §3.3.5):
// a wall-clock reading, with or without a time, and UTC when it ends in Z.
type civil struct {
	year, day, hour, min, sec int
	month                     time.Month
	hasTime                   bool
	utc                       bool
}

// parseCivil reads "YYYYMMDD", "YYYYMMDDTHHMMSS" or "YYYYMMDDTHHMMSSZ"
// (a lower-case t or z is accepted, and "YYYYMMDDZ" is read as a date).
// Field ranges are checked; a leap
// second (60) is allowed as the RFC does.
func parseCivil(s string) (civil, bool) {
	var c civil
	if len(s) == 9 && (s[8] == 'Z' || s[8] == 'z') {
		s = s[:8] // a DATE written with a UTC mark (DAVx5, Google birthdays)
	}
	if len(s) != 8 && len(s) != 15 && len(s) != 16 {
		return c, false
	}
	y, ok1 := digits(s[0:4])
	mo, ok2 := digits(s[4:6])
	d, ok3 := digits(s[6:8])
	if !ok1 || !ok2 || !ok3 || mo < 1 || mo > 12 || d < 1 || d > daysIn(time.Month(mo), y) {
		return c, false
	}
	c.year, c.month, c.day = y, time.Month(mo), d
	if len(s) == 8 {
		return c, true
	}
	if s[8] != 'T' && s[8] != 't' {
		return c, false
	}
	h, ok1 := digits(s[9:11])
	mi, ok2 := digits(s[11:13])
	sec, ok3 := digits(s[13:15])
	if !ok1 || !ok2 || !ok3 || h > 23 || mi > 59 || sec > 60 {
		return c, false
	}
	if len(s) == 16 {
		if s[15] != 'Z' && s[15] != 'z' {
			return c, false
		}
		c.utc = true
	}
	c.hour, c.min, c.sec, c.hasTime = h, mi, sec, true
	return c, true
}

// digits parses s, all ASCII digits, as a non-negative number.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

// daysIn returns the number of days of month m in year y (proleptic Gregorian).
func daysIn(m time.Month, y int) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// date returns c's civil date.
func (c civil) date() calendar.Date { return calendar.Date{Year: c.year, Month: c.month, Day: c.day} }

// asUTC returns c read as if it were a UTC wall clock.
func (c civil) asUTC() time.Time {
	return time.Date(c.year, c.month, c.day, c.hour, c.min, c.sec, 0, time.UTC)
}

// in returns the instant c names in loc, following RFC 5545 §3.3.5: a
// wall-clock time skipped by a forward DST transition is read with the
// offset from before the transition (02:30 on the spring-forward day in New
// York is 07:30Z, shown as 03:30 EDT), and one that occurs twice is the
// first occurrence.
func (c civil) in(loc *time.Location) time.Time {
	if c.utc || loc == time.UTC {
		return c.asUTC()
	}
	t := time.Date(c.year, c.month, c.day, c.hour, c.min, c.sec, 0, loc)
	naive := c.asUTC().Unix()
	before := offsetAt(loc, naive-86400)
	after := offsetAt(loc, naive+86400)
	if before == after && offsetAt(loc, naive-int64(before)) == before {
		return t
	}
	a, b := naive-int64(before), naive-int64(after)
	aOK := offsetAt(loc, a) == before
	bOK := offsetAt(loc, b) == after
	switch {
	case aOK && bOK:
		return time.Unix(min(a, b), 0).In(loc)
	case aOK:
		return time.Unix(a, 0).In(loc)
	case bOK:
		return time.Unix(b, 0).In(loc)
	}
	return time.Unix(a, 0).In(loc) // in the gap: the offset before the transition
}

// offsetAt returns loc's UTC offset in seconds at the unix time sec.
func offsetAt(loc *time.Location, sec int64) int {
	_, off := time.Unix(sec, 0).In(loc).Zone()
	return off
}

// addDays returns c moved by n calendar days, keeping its wall-clock time.
func (c civil) addDays(n int) civil {
	t := time.Date(c.year, c.month, c.day+n, 12, 0, 0, 0, time.UTC)
	c.year, c.month, c.day = t.Date()
	return c
}

// civilOf returns the wall clock of t in its own location.
func civilOf(t time.Time) civil {
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	return civil{year: y, month: mo, day: d, hour: h, min: mi, sec: s, hasTime: true}
}
