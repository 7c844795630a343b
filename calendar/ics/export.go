package ics

import (
	"time"

	"anteroom/calendar"
)

// ExportCalendar is what Encode writes: the items of one export and what
// the file says about itself.
type ExportCalendar struct {
	Name    string    // X-WR-CALNAME, e.g. "张书记 2026-W48"; "" for none
	Stamp   time.Time // DTSTAMP of every item: when the export was made (RFC 5545 §3.8.7.2)
	Privacy Privacy   // applied to every item by Redact; "" means full
	Events  []ExportEvent
}

// levelAndStamp are the privacy level and the DTSTAMP the export writes:
// full when none is set, and now, in whole UTC seconds, when no stamp is.
func (cal ExportCalendar) levelAndStamp() (Privacy, time.Time) {
	level, stamp := cal.Privacy, cal.Stamp
	if level == "" {
		level = PrivacyFull
	}
	if stamp.IsZero() {
		stamp = time.Now()
	}
	return level, stamp.UTC().Truncate(time.Second)
}

// ExportEvent is one item to write. Times are written in ZoneName with a
// VTIMEZONE for it; all-day items as DATE values.
type ExportEvent struct {
	UID          string // stable across exports (RFC 5545 §3.8.4.7)
	Sequence     int    // grows when the item changes (RFC 5545 §3.8.7.4)
	RecurrenceID time.Time
	Created      time.Time
	LastModified time.Time

	Summary     string
	Location    string
	Description string

	Start, End       time.Time
	ZoneName         string // IANA zone to write the times in; "" or an unknown zone writes UTC
	AllDay           bool
	StartDay, EndDay calendar.Date // all-day items; EndDay exclusive

	Status      calendar.Status
	Class       calendar.Classification
	Transparent bool

	RRule string // RFC 5545 §3.3.10 RECUR, written as given
	// SeriesEnd is the end of a series' last occurrence, zero for one
	// without end: its VTIMEZONE must cover the zone's changes till then.
	SeriesEnd time.Time
	RDates    []time.Time
	ExDates   []time.Time

	Organizer Party
	Attendees []Party

	Kind      calendar.Kind // X-ANTEROOM-KIND; "" writes none
	Organiser string        // X-ANTEROOM-ORGANISER, the organising office; "" writes none
}

// FromEngagement returns the export form of a stored engagement: a
// single item, a series with its rule and dates (RFC 5545 §3.8.5), or an
// override of one occurrence with its RECURRENCE-ID (§3.8.4.4). The
// instants of an all-day series' dates are written as the dates they have
// in their own location; ExportEngagements puts them in the leader's zone.
func FromEngagement(e calendar.Engagement) ExportEvent {
	ev := ExportEvent{
		UID:          e.UID,
		Sequence:     e.Sequence,
		RecurrenceID: e.RecurrenceID,
		Created:      e.Created,
		LastModified: e.Updated,
		Summary:      e.Title,
		Location:     e.Location,
		Description:  e.Notes,
		Start:        e.Start,
		End:          e.End,
		ZoneName:     e.ZoneName,
		AllDay:       e.AllDay,
		StartDay:     e.StartDay,
		EndDay:       e.EndDay,
		Status:       e.Status,
		Class:        e.Classification,
		Kind:         e.Kind,
		Organiser:    e.Organiser,
	}
	if !e.IsOccurrence() {
		ev.RRule, ev.RDates, ev.ExDates, ev.SeriesEnd = e.RRule, e.RDates, e.ExDates, e.SeriesEnd
	}
	return ev
}
