package remind

import (
	"time"

	"anteroom/calendar"
)

// DueOn completes r as the reminder of an item due on day, in loc: it
// fires at s.DueAt that day and is missed once the day is over. An
// adapter for items with a due date (materials, follow-ups) needs only
// this besides its key and title.
func DueOn(r Reminder, day calendar.Date, loc *time.Location, s Settings) Reminder {
	r.Starts = day.In(loc)
	// The wall-clock hour, not midnight plus a duration: a zone's
	// daylight-saving day keeps 9:00 at 9:00.
	r.At = time.Date(day.Year, day.Month, day.Day, int(s.DueAt/time.Hour), int(s.DueAt%time.Hour/time.Minute), 0, 0, loc)
	r.Stale = day.AddDays(1).In(loc)
	r.AllDay = true
	return r
}
