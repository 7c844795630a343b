package calendar

import (
	"fmt"
	"strings"
)

// HolidayItem is one event of a holiday calendar, already read from its
// file: the days it covers, end exclusive as an all-day DTEND (RFC 5545
// §3.6.1), its title, and whether it marks make-up workdays (调休上班)
// rather than days off.
type HolidayItem struct {
	Start, End Date
	Title      string
	Workday    bool
}

// maxHolidayDays bounds one holiday event; the longest PRC holiday, the
// Spring Festival, is eight or nine days.
const maxHolidayDays = 31

// IsMakeUpWorkday tells from a holiday-calendar title whether the event
// marks make-up workdays. Chinese holiday calendars mark them in the
// title: "上班(补春节假期)" (holiday-cn), "春节补班", or a trailing "班" as
// against "休"; English ones say "working day" or "workday".
func IsMakeUpWorkday(title string) bool {
	t := strings.TrimSpace(title)
	t = strings.TrimRight(t, ")）] 】")
	switch {
	case strings.Contains(t, "补班"), strings.Contains(t, "上班"), strings.HasSuffix(t, "班"):
		return true
	}
	lower := strings.ToLower(t)
	return strings.Contains(lower, "working day") || strings.Contains(lower, "workday") ||
		strings.Contains(lower, "make-up work") || strings.Contains(lower, "makeup work")
}

// HolidayOverrides turns holiday events into one override per day: a day
// off for a holiday, a workday with the usual hours for a make-up workday.
// Where events share a day the later one wins.
func HolidayOverrides(items []HolidayItem) ([]DateOverride, error) {
	byDate := map[Date]DateOverride{}
	for _, it := range items {
		n := DaysBetween(it.Start, it.End)
		if it.Start.IsZero() || n < 1 || n > maxHolidayDays {
			return nil, fmt.Errorf("%w: holiday %q from %s to %s: want 1 to %d days", ErrInvalid, it.Title, it.Start, it.End, maxHolidayDays)
		}
		kind := DayOff
		if it.Workday {
			kind = Workday
		}
		for d := it.Start; d.Before(it.End); d = d.AddDays(1) {
			byDate[d] = DateOverride{Date: d, Kind: kind, Title: strings.TrimSpace(it.Title)}
		}
	}
	var a Availability
	for _, o := range byDate {
		a.SetOverride(o)
	}
	return a.Overrides, nil
}
