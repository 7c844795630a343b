package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// chinese reports whether the UI speaks Chinese; dates are then written the
// Chinese way (2026年11月23日 周一) rather than the English one (Mon 23 Nov).
func chinese() bool { return strings.HasPrefix(string(lang.SystemLocale()), "zh") }

var weekdayKeys = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

// weekdayShort returns the localized short weekday name (周一, Mon).
func weekdayShort(d time.Weekday) string { return lang.L(weekdayKeys[d]) }

// dayHeader labels a day column: "11月23日 周一" or "Mon 23 Nov".
func dayHeader(d calendar.Date) string {
	if chinese() {
		return fmt.Sprintf("%d月%d日 %s", d.Month, d.Day, weekdayShort(d.Weekday()))
	}
	return fmt.Sprintf("%s %d %s", weekdayShort(d.Weekday()), d.Day, d.Month.String()[:3])
}

// longDate is a full date: "2026年11月23日 周一" or "Mon 23 Nov 2026".
func longDate(d calendar.Date) string {
	if chinese() {
		return fmt.Sprintf("%d年%d月%d日 %s", d.Year, d.Month, d.Day, weekdayShort(d.Weekday()))
	}
	return fmt.Sprintf("%s %d %s %d", weekdayShort(d.Weekday()), d.Day, d.Month.String()[:3], d.Year)
}

// weekTitle names the week shown: its dates and ISO week number.
func weekTitle(monday calendar.Date) string {
	sunday := monday.AddDays(6)
	_, week := monday.In(time.UTC).ISOWeek()
	var span string
	switch {
	case chinese():
		span = fmt.Sprintf("%d年%d月%d日 – %d月%d日", monday.Year, monday.Month, monday.Day, sunday.Month, sunday.Day)
	case monday.Month == sunday.Month:
		span = fmt.Sprintf("%d – %d %s %d", monday.Day, sunday.Day, monday.Month.String()[:3], sunday.Year)
	default:
		span = fmt.Sprintf("%d %s – %d %s %d", monday.Day, monday.Month.String()[:3], sunday.Day, sunday.Month.String()[:3], sunday.Year)
	}
	return span + " · " + lang.L("Week {{.N}}", map[string]any{"N": week})
}

// clock formats a time of day; both languages use the 24-hour clock.
func clock(t time.Time) string { return t.Format("15:04") }

// spanText describes when an engagement happens, in loc.
func spanText(e calendar.Engagement, loc *time.Location) string {
	if e.AllDay {
		last := e.EndDay.AddDays(-1)
		if last == e.StartDay {
			return longDate(e.StartDay) + " · " + lang.L("All day")
		}
		return longDate(e.StartDay) + " – " + longDate(last)
	}
	s, en := e.Start.In(loc), e.End.In(loc)
	if calendar.DateOf(s) == calendar.DateOf(en) {
		return longDate(calendar.DateOf(s)) + " " + clock(s) + "–" + clock(en)
	}
	return longDate(calendar.DateOf(s)) + " " + clock(s) + " – " + longDate(calendar.DateOf(en)) + " " + clock(en)
}

// kindLabel, statusLabel and classLabel translate the domain's enums.
func kindLabel(k calendar.Kind) string {
	switch k {
	case calendar.KindMeeting:
		return lang.L("Meeting")
	case calendar.KindVisit:
		return lang.L("Visit")
	case calendar.KindActivity:
		return lang.L("Activity")
	case calendar.KindBlocked:
		return lang.L("Blocked")
	}
	return string(k)
}

func statusLabel(s calendar.Status) string {
	switch s {
	case calendar.StatusConfirmed:
		return lang.L("Confirmed")
	case calendar.StatusTentative:
		return lang.L("Tentative")
	case calendar.StatusCancelled:
		return lang.L("Cancelled")
	}
	return string(s)
}

func classLabel(c calendar.Classification) string {
	switch c {
	case calendar.ClassPublic:
		return lang.L("Public")
	case calendar.ClassInternal:
		return lang.L("Internal")
	case calendar.ClassConfidential:
		return lang.L("Confidential")
	}
	return string(c)
}
