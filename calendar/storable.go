package calendar

import "time"

// Dates are kept as ISO 8601 text with four-digit years (RFC 5545 §3.3.4
// has the same form), so a calendar holds days from 0001-01-01 to
// 9999-12-31: an all-day item ends, exclusive, by the last of them, and a
// timed one lies within them in UTC.
var (
	FirstStorableDay = NewDate(1, time.January, 1)
	LastStorableDay  = NewDate(9999, time.December, 31)
)

// storableProblems names the dates or times of e that lie outside what a
// calendar can hold.
func (e Engagement) storableProblems() []Problem {
	outside := func(d Date) bool { return d.Before(FirstStorableDay) || LastStorableDay.Before(d) }
	bad := false
	if e.AllDay {
		bad = outside(e.StartDay) || outside(e.EndDay)
	} else {
		bad = outside(DateOf(e.Start.UTC())) || outside(DateOf(e.End.UTC()))
	}
	if !bad {
		return nil
	}
	return []Problem{{Field: "start", Code: "validation.date_range", Message: "dates must lie between {{.First}} and {{.Last}}",
		Args: map[string]any{"First": FirstStorableDay.String(), "Last": LastStorableDay.String()}}}
}
