package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"anteroom/calendar"
)

// monthTitle names a month: "2026年11月" or "November 2026".
func monthTitle(year int, month time.Month) string {
	if chinese() {
		return fmt.Sprintf("%d年%d月", year, month)
	}
	return fmt.Sprintf("%s %d", month, year)
}

// monthDayLabel is a day's number in a month cell; the first of a month
// also names the month ("12月1日", "1 Dec"), so a six-week grid reads.
func monthDayLabel(d calendar.Date) string {
	if d.Day != 1 {
		return strconv.Itoa(d.Day)
	}
	if chinese() {
		return fmt.Sprintf("%d月%d日", d.Month, d.Day)
	}
	return fmt.Sprintf("%d %s", d.Day, d.Month.String()[:3])
}

// weekdayNarrow is the shortest weekday name, for the mini-month's
// columns: "一" or "Mo".
func weekdayNarrow(wd time.Weekday) string {
	s := weekdayShort(wd)
	if chinese() {
		return strings.TrimPrefix(s, "周")
	}
	if r := []rune(s); len(r) > 2 {
		return string(r[:2])
	}
	return s
}
