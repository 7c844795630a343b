package calendar

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Clock is a time of day in minutes after midnight, 0 to 1440; 24:00 ends a day.
type Clock int

// NewClock returns the time of day h:m.
func NewClock(h, m int) Clock { return Clock(h*60 + m) }

// ParseClock reads "HH:MM", 00:00 to 24:00.
func ParseClock(s string) (Clock, error) {
	var h, m int
	if len(s) != 5 || s[2] != ':' {
		return 0, fmt.Errorf("%w: time of day %q is not HH:MM", ErrInvalid, s)
	}
	if _, err := fmt.Sscanf(s, "%02d:%02d", &h, &m); err != nil || h > 24 || m > 59 || h == 24 && m > 0 {
		return 0, fmt.Errorf("%w: time of day %q is not HH:MM", ErrInvalid, s)
	}
	return NewClock(h, m), nil
}

// String formats c as HH:MM.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

// On returns the instant of c on day d in loc. A time DST skips moves
// forward by the gap; 24:00 is the next midnight.
func (c Clock) On(d Date, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, int(c)/60, int(c)%60, 0, 0, loc)
}

// ClockRange is a stretch of a day, [Start, End).
type ClockRange struct {
	Start, End Clock
}

// String formats r as HH:MM-HH:MM.
func (r ClockRange) String() string { return r.Start.String() + "-" + r.End.String() }

// ParseHours reads a day's hours as "08:30-12:00,14:00-17:30"; an empty
// string is no hours.
func ParseHours(s string) ([]ClockRange, error) {
	var out []ClockRange
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		a, b, ok := strings.Cut(part, "-")
		if !ok {
			return nil, fmt.Errorf("%w: hours %q are not HH:MM-HH:MM", ErrInvalid, part)
		}
		start, err := ParseClock(strings.TrimSpace(a))
		if err != nil {
			return nil, err
		}
		end, err := ParseClock(strings.TrimSpace(b))
		if err != nil {
			return nil, err
		}
		out = append(out, ClockRange{start, end})
	}
	return out, nil
}

// FormatHours writes hours as ParseHours reads them.
func FormatHours(hours []ClockRange) string {
	s := make([]string, len(hours))
	for i, h := range hours {
		s[i] = h.String()
	}
	return strings.Join(s, ",")
}

// checkHours reports what is wrong with a day's hours, or "" when they are
// in order, within the day and apart.
func checkHours(hours []ClockRange) string {
	for i, h := range hours {
		switch {
		case h.Start < 0 || h.End > 24*60:
			return "hours must lie within the day"
		case h.End <= h.Start:
			return "each stretch must end after it starts"
		case i > 0 && h.Start < hours[i-1].End:
			return "stretches must be in order and must not overlap"
		}
	}
	return ""
}

// OverrideKind says how a date departs from the weekly hours.
type OverrideKind string

// Kinds of date override.
const (
	DayOff       OverrideKind = "day_off" // 休: a public holiday or another day off
	Workday      OverrideKind = "workday" // 班: a make-up workday (调休) on a day normally off
	SpecialHours OverrideKind = "hours"   // other hours that day
)

// DateOverride replaces the weekly hours on one date.
type DateOverride struct {
	Date  Date
	Kind  OverrideKind
	Hours []ClockRange // SpecialHours; for a Workday, empty means the usual workday hours
	Title string       // e.g. "国庆节" or "上班(补春节假期)"
}

// KindRule holds the rules that depend on an engagement's kind.
type KindRule struct {
	Buffer     time.Duration // kept free before and after
	NoticeDays int           // working days of notice needed; 0 for none
}

// Availability is a leader's available time and booking rules: working
// hours per weekday, date overrides, and buffers, notice and reception caps.
type Availability struct {
	LeaderID  int64
	Week      [7][]ClockRange // by time.Weekday: Week[time.Monday] …
	Overrides []DateOverride  // one per date, in date order
	Rules     map[Kind]KindRule
	// Reception caps count every visit that is not cancelled, however it
	// was booked; 0 means no cap.
	WeeklyVisitCap int // per ISO week
	DailyVisitCap  int
}

// DefaultAvailability is a new leader's: Monday to Friday 08:30–12:00 and
// 14:00–17:30, visits with 10 minutes' buffer and a working day's notice,
// at most 6 visits a week.
func DefaultAvailability(leaderID int64) Availability {
	a := Availability{LeaderID: leaderID, WeeklyVisitCap: 6, Rules: map[Kind]KindRule{
		KindVisit: {Buffer: 10 * time.Minute, NoticeDays: 1},
	}}
	for d := time.Monday; d <= time.Friday; d++ {
		a.Week[d] = []ClockRange{{NewClock(8, 30), NewClock(12, 0)}, {NewClock(14, 0), NewClock(17, 30)}}
	}
	return a
}

// Buffer returns the time kept free around engagements of kind k.
func (a Availability) Buffer(k Kind) time.Duration { return a.Rules[k].Buffer }

// NoticeDays returns the working days of notice kind k needs.
func (a Availability) NoticeDays(k Kind) int { return a.Rules[k].NoticeDays }

// Override returns the override on d, if any.
func (a Availability) Override(d Date) (DateOverride, bool) {
	i, ok := slices.BinarySearchFunc(a.Overrides, d, func(o DateOverride, d Date) int { return o.Date.Compare(d) })
	if !ok {
		return DateOverride{}, false
	}
	return a.Overrides[i], true
}

// SetOverride adds o, replacing any override on the same date.
func (a *Availability) SetOverride(o DateOverride) {
	i, ok := slices.BinarySearchFunc(a.Overrides, o.Date, func(x DateOverride, d Date) int { return x.Date.Compare(d) })
	if ok {
		a.Overrides[i] = o
		return
	}
	a.Overrides = slices.Insert(a.Overrides, i, o)
}

// RemoveOverride drops the override on d, if any.
func (a *Availability) RemoveOverride(d Date) {
	a.Overrides = slices.DeleteFunc(a.Overrides, func(o DateOverride) bool { return o.Date == d })
}

// WorkdayHours returns the usual hours of a working day, which a make-up
// workday takes: those of the first weekday, Monday on, that has any.
func (a Availability) WorkdayHours() []ClockRange {
	for i := range 7 {
		if h := a.Week[(int(time.Monday)+i)%7]; len(h) > 0 {
			return h
		}
	}
	return nil
}

// HoursOn returns the working hours on d, after overrides. A day off has
// none.
func (a Availability) HoursOn(d Date) []ClockRange {
	o, ok := a.Override(d)
	if !ok {
		return a.Week[d.Weekday()]
	}
	return o.hours(a)
}

func (o DateOverride) hours(a Availability) []ClockRange {
	switch o.Kind {
	case DayOff:
		return nil
	case Workday:
		if len(o.Hours) > 0 {
			return o.Hours
		}
		return a.WorkdayHours()
	}
	return o.Hours
}

var weekdayFields = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// Validate checks the settings and names each problem's field: "hours.mon",
// "override.2026-10-01", "buffer.visit", "notice.visit", "weekly_cap",
// "daily_cap".
func (a Availability) Validate() error {
	var ps []Problem
	add := func(field, code, msg string, args map[string]any) {
		ps = append(ps, Problem{Field: field, Code: code, Message: msg, Args: args})
	}
	for d, hours := range a.Week {
		if msg := checkHours(hours); msg != "" {
			add("hours."+weekdayFields[d], "validation.hours_invalid", msg, map[string]any{"Value": FormatHours(hours)})
		}
	}
	for i, o := range a.Overrides {
		field := "override." + o.Date.String()
		switch {
		case o.Date.IsZero():
			add(field, "validation.date_required", "start and end dates are required", nil)
		case i > 0 && !a.Overrides[i-1].Date.Before(o.Date):
			add(field, "validation.override_order", "overrides must be one per date, in date order", nil)
		case o.Kind != DayOff && o.Kind != Workday && o.Kind != SpecialHours:
			add(field, "validation.override_kind_unknown", "unknown kind of override", map[string]any{"Value": string(o.Kind)})
		case o.Kind == SpecialHours && len(o.Hours) == 0:
			add(field, "validation.override_hours_required", "special hours need at least one stretch", nil)
		default:
			if msg := checkHours(o.Hours); msg != "" {
				add(field, "validation.hours_invalid", msg, map[string]any{"Value": FormatHours(o.Hours)})
			}
		}
	}
	for _, k := range Kinds {
		r := a.Rules[k]
		if r.Buffer < 0 || r.Buffer > 24*time.Hour || r.Buffer%time.Minute != 0 {
			add("buffer."+string(k), "validation.buffer_range", "a buffer is whole minutes, at most a day", map[string]any{"Value": r.Buffer.String()})
		}
		if r.NoticeDays < 0 || r.NoticeDays > 60 {
			add("notice."+string(k), "validation.notice_range", "notice is 0 to 60 working days", map[string]any{"Value": r.NoticeDays})
		}
	}
	for k := range a.Rules {
		if !k.Valid() {
			add("kind", "validation.kind_unknown", "unknown kind", map[string]any{"Value": string(k)})
		}
	}
	if a.WeeklyVisitCap < 0 || a.WeeklyVisitCap > 1000 {
		add("weekly_cap", "validation.cap_range", "a cap is 0 (none) to 1000", map[string]any{"Value": a.WeeklyVisitCap})
	}
	if a.DailyVisitCap < 0 || a.DailyVisitCap > 1000 {
		add("daily_cap", "validation.cap_range", "a cap is 0 (none) to 1000", map[string]any{"Value": a.DailyVisitCap})
	}
	if len(ps) > 0 {
		return &ValidationError{Problems: ps}
	}
	return nil
}
