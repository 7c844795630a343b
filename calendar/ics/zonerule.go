package ics

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"anteroom/calendar"
)

// ruleZone turns a VTIMEZONE whose rules go on without end into a zone that
// can be stored by name (calendar.RuleZoneName): its open-ended STANDARD
// and DAYLIGHT rules written as a POSIX TZ string, which gives the same
// offsets as the VTIMEZONE from the last era's start on. A zone without
// daylight saving time is its last offset. ok is false when the rules
// cannot be written so (a rule other than a yearly one on a weekday of a
// week of a month or a fixed date).
func (v *vtimezone) ruleZone(label string) (loc *time.Location, name string, ok bool) {
	var std, dst *observance
	var last *observance
	for i := range v.obs {
		o := &v.obs[i]
		if last == nil || last.start.before(o.start) {
			last = o
		}
		if o.rrule == "" {
			continue
		}
		r, err := parseRule(o.rrule)
		if err != nil || r.until != "" || hasPart(r, "COUNT") {
			continue
		}
		if o.dst {
			dst = pickLater(dst, o)
		} else {
			std = pickLater(std, o)
		}
	}
	var tz string
	switch {
	case std != nil && dst != nil:
		on, ok1 := posixDate(dst)
		off, ok2 := posixDate(std)
		if !ok1 || !ok2 {
			return nil, "", false
		}
		tz = posixName(std) + posixOffset(std.to) + posixName(dst) + posixOffset(dst.to) + "," + on + "," + off
	case std == nil && dst == nil && last != nil && !last.dst:
		tz = posixName(last) + posixOffset(last.to)
	default:
		return nil, "", false
	}
	name = calendar.RuleZoneName(label, tz)
	loc, err := calendar.LoadZone(name)
	if err != nil {
		return nil, "", false
	}
	return loc, name, true
}

// pickLater returns whichever of a and b starts later; a may be nil.
func pickLater(a, b *observance) *observance {
	if a == nil || a.start.before(b.start) {
		return b
	}
	return a
}

func hasPart(r rule, name string) bool {
	for _, p := range r.Parts {
		if p.Name == name {
			return true
		}
	}
	return false
}

// posixName writes an observance's TZNAME as a quoted POSIX zone name.
func posixName(o *observance) string {
	return "<" + sanitizeType(zoneType{offset: o.to, abbr: o.name}).abbr + ">"
}

// posixOffset writes an offset east of UTC the POSIX way: hours west.
func posixOffset(east int) string {
	west := -east
	sign := ""
	if west < 0 {
		sign, west = "-", -west
	}
	s := sign + strconv.Itoa(west/3600)
	if m, sec := west%3600/60, west%60; m != 0 || sec != 0 {
		s += ":" + twoDigits(m)
		if sec != 0 {
			s += ":" + twoDigits(sec)
		}
	}
	return s
}

// posixDate writes when an observance's yearly rule begins it, in the
// offset in force before (as DTSTART is written, RFC 5545 §3.6.5): "Mm.w.d/time"
// for a weekday of a week of a month, "Jn/time" for a fixed date.
func posixDate(o *observance) (string, bool) {
	r, err := parseRule(o.rrule)
	if err != nil {
		return "", false
	}
	month, hour, minute, sec := int(o.start.month), o.start.hour, o.start.min, o.start.sec
	var byday, bymonthday string
	for _, p := range r.Parts {
		n, _ := strconv.Atoi(p.Value)
		switch p.Name {
		case "FREQ":
			if p.Value != "YEARLY" {
				return "", false
			}
		case "INTERVAL":
			if n != 1 {
				return "", false
			}
		case "BYMONTH":
			if strings.Contains(p.Value, ",") || n < 1 || n > 12 {
				return "", false
			}
			month = n
		case "BYDAY":
			byday = p.Value
		case "BYMONTHDAY":
			bymonthday = p.Value
		case "BYHOUR":
			hour = n
		case "BYMINUTE":
			minute = n
		case "BYSECOND":
			sec = n
		case "WKST":
		default:
			return "", false
		}
	}
	at := fmt.Sprintf("/%d:%02d:%02d", hour, minute, sec)
	if byday == "" {
		day := o.start.day
		if bymonthday != "" {
			d, err := strconv.Atoi(bymonthday)
			if err != nil || d < 1 {
				return "", false
			}
			day = d
		}
		if month == 2 && day == 29 {
			return "", false
		}
		// Jn counts days 1…365 and never February 29.
		yday := time.Date(2001, time.Month(month), day, 0, 0, 0, 0, time.UTC).YearDay()
		return "J" + strconv.Itoa(yday) + at, true
	}
	wd, ok := weekdayNumber(byday[max(0, len(byday)-2):])
	if !ok {
		return "", false
	}
	week := 0
	if num := byday[:len(byday)-2]; num != "" {
		n, err := strconv.Atoi(num)
		switch {
		case err != nil || bymonthday != "":
			return "", false
		case n >= 1 && n <= 4:
			week = n
		case n == -1:
			week = 5
		default:
			return "", false
		}
	} else {
		// BYMONTHDAY=8,9,…,14;BYDAY=SU: the weekday in a run of seven days.
		days := strings.Split(bymonthday, ",")
		if len(days) != 7 {
			return "", false
		}
		first, err1 := strconv.Atoi(days[0])
		lastDay, err2 := strconv.Atoi(days[6])
		switch {
		case err1 != nil || err2 != nil:
			return "", false
		case first < 0 && lastDay == -1 || first == -7:
			week = 5
		case first >= 1 && first <= 22 && (first-1)%7 == 0:
			week = (first-1)/7 + 1
		default:
			return "", false
		}
	}
	return fmt.Sprintf("M%d.%d.%d", month, week, wd) + at, true
}

// weekdayNumber maps an RFC 5545 weekday to POSIX's 0 (Sunday) … 6.
func weekdayNumber(s string) (int, bool) {
	for i, d := range []string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"} {
		if s == d {
			return i, true
		}
	}
	return 0, false
}
