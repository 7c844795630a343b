package ics

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"anteroom/calendar"
)

// ExportEngagements writes items, stored engagements as
// calendar.Service.ExportItems returns them, as one iCalendar file for
// other offices (see Encode): METHOD:PUBLISH, a series as its rule with its
// overrides, each item redacted to privacy, DTSTAMP now. leaders holds the
// leader of every item: an all-day item's dates, and the zone of a timed
// item entered without one, are the leader's. The calendar is named after
// the leaders (X-WR-CALNAME).
func ExportEngagements(w io.Writer, items []calendar.Engagement, leaders map[int64]calendar.Leader, privacy Privacy, now time.Time) error {
	cal := ExportCalendar{Stamp: now, Privacy: privacy, Events: make([]ExportEvent, 0, len(items))}
	used := map[int64]calendar.Leader{}
	locs := map[int64]*time.Location{}
	for _, e := range items {
		l, ok := leaders[e.LeaderID]
		if !ok {
			return fmt.Errorf("export %q: leader %d: %w", e.Title, e.LeaderID, calendar.ErrNotFound)
		}
		loc, ok := locs[l.ID]
		if !ok {
			var err error
			if loc, err = l.Location(); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			locs[l.ID], used[l.ID] = loc, l
		}
		ev := FromEngagement(e)
		var startAsRDate bool
		if ev.RRule, startAsRDate = calendar.PortableRule(e, loc); startAsRDate {
			ev.RDates = append([]time.Time{e.Start}, ev.RDates...)
		}
		if ev.ZoneName == "" {
			ev.ZoneName = l.ZoneName
		}
		if e.AllDay {
			// Dates are the leader's days: the instants are their midnights there.
			ev.RecurrenceID = inZone(ev.RecurrenceID, loc)
			ev.RDates = mapTimes(ev.RDates, loc)
			ev.ExDates = mapTimes(ev.ExDates, loc)
		}
		cal.Events = append(cal.Events, ev)
	}
	cal.Name = calendarName(used)
	if err := Encode(w, cal); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// calendarName names an export after its leaders, in their display order.
func calendarName(leaders map[int64]calendar.Leader) string {
	ls := make([]calendar.Leader, 0, len(leaders))
	for _, l := range leaders {
		ls = append(ls, l)
	}
	slices.SortFunc(ls, func(a, b calendar.Leader) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID))
	})
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.Name
	}
	return strings.Join(names, "、")
}

// inZone returns t in loc; the zero time stays zero.
func inZone(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(loc)
}

// mapTimes returns ts in loc, copied.
func mapTimes(ts []time.Time, loc *time.Location) []time.Time {
	if len(ts) == 0 {
		return nil
	}
	out := make([]time.Time, len(ts))
	for i, t := range ts {
		out[i] = t.In(loc)
	}
	return out
}
