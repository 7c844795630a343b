package ics

import (
	"time"
)

// duration is a DURATION value (RFC 5545 §3.3.6) kept in its two kinds:
// days and weeks are nominal (a day is whatever the wall clock makes it,
// 23 or 25 hours across a DST change), hours, minutes and seconds exact.
type duration struct {
	neg  bool
	days int   // weeks × 7 + days
	secs int64 // hours, minutes, seconds
}

// Limits that keep every duration placeable by package time.
const (
	maxDurationDays = 366 * 1000
	maxDurationSecs = int64(maxDurationDays) * 86400
)

// parseDuration reads
//
//	dur-value = (["+"] / "-") "P" (dur-date / dur-time / dur-week)
//
// and, as producers write them, also combinations the grammar does not
// allow such as "P1W2D", "PT1W" and "-PT1W1D2H3M4S". Values beyond a thousand years are refused.
func parseDuration(s string) (duration, bool) {
	var d duration
	if s == "" {
		return d, false
	}
	switch s[0] {
	case '-':
		d.neg = true
		s = s[1:]
	case '+':
		s = s[1:]
	}
	if s == "" || s[0] != 'P' && s[0] != 'p' {
		return d, false
	}
	s = s[1:]
	inTime, any := false, false
	for s != "" {
		if s[0] == 'T' || s[0] == 't' {
			if inTime {
				return d, false
			}
			inTime = true
			s = s[1:]
			continue
		}
		n, i := int64(0), 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			n = n*10 + int64(s[i]-'0')
			if n > maxDurationSecs {
				return d, false
			}
			i++
		}
		if i == 0 || i == len(s) {
			return d, false
		}
		unit := s[i] | 0x20 // lower case
		s = s[i+1:]
		switch {
		case unit == 'w': // "PT1W" as some producers write a week
			d.days += int(n) * 7
		case unit == 'd': // "PT1W1D2H" as Outlook writes it
			d.days += int(n)
		case unit == 'h' && inTime:
			d.secs += n * 3600
		case unit == 'm' && inTime:
			d.secs += n * 60
		case unit == 's' && inTime:
			d.secs += n
		default:
			return d, false
		}
		if d.days > maxDurationDays || d.secs > maxDurationSecs {
			return d, false
		}
		any = true
	}
	return d, any
}

// after returns the end of a span that starts at the wall clock c in loc
// and lasts d: nominal days are added to the wall clock, then exact
// seconds to the instant (RFC 5545 §3.3.6).
func (d duration) after(c civil, loc *time.Location) time.Time {
	t := c.addDays(d.days).in(loc)
	return t.Add(time.Duration(d.secs) * time.Second)
}

// wholeDays returns d in days, rounding a part day up: what an all-day
// item's DURATION means.
func (d duration) wholeDays() int {
	return d.days + int((d.secs+86399)/86400)
}

// zero reports whether d is no time at all.
func (d duration) zero() bool { return d.days == 0 && d.secs == 0 }
