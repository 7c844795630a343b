package calendar

import (
	"time"
)

// Engagement is anything on a leader's calendar: a meeting, a visit, an
// activity or blocked time.
//
// A timed engagement is a pair of instants plus the zone it was entered in,
// so it shows at the right hour for a leader anywhere. An all-day engagement
// is a range of civil dates, end exclusive (RFC 5545 §3.6.1), and never
// shifts across zones.
type Engagement struct {
	ID       int64
	UID      string // stable across edits, exports and imports (RFC 5545 §3.8.4.7)
	LeaderID int64

	Kind      Kind
	Title     string
	Location  string
	Notes     string
	Organiser string // the office that organises it (主办单位), for the week's plan; optional

	Start    time.Time // instant; for all-day items, midnight of StartDay in the leader's zone
	End      time.Time // instant; for all-day items, midnight of EndDay in the leader's zone
	ZoneName string    // zone the times were entered in
	AllDay   bool
	StartDay Date // all-day items only
	EndDay   Date // all-day items only, exclusive

	// A recurring series is one engagement (RFC 5545 §3.8.5): Start and End
	// are its first occurrence, the rule and the dates say where the others
	// fall. Agenda expands it into occurrences.
	RRule     string      // RRULE value (§3.8.5.3), e.g. "FREQ=WEEKLY;BYDAY=MO"; empty when it does not repeat
	RDates    []time.Time // extra occurrence starts (§3.8.5.2)
	ExDates   []time.Time // occurrence starts taken out (§3.8.5.1)
	SeriesEnd time.Time   // end of the last occurrence, set on save; zero when the series never ends

	// An occurrence of a series, as Agenda returns it, or an override stored
	// for one occurrence (§3.8.4.4 RECURRENCE-ID): SeriesID is the series'
	// ID and RecurrenceID the start the rule gave the occurrence. An
	// occurrence as the rule made it has ID 0; an override has its own ID
	// and shares the series' UID.
	SeriesID     int64
	RecurrenceID time.Time

	Status         Status
	Classification Classification
	Source         Source
	Sequence       int // grows on every change that matters to attendees (RFC 5545 §3.8.7.4)
	Created        time.Time
	Updated        time.Time
}

// IsSeries reports whether the engagement repeats: it has a rule or extra dates.
func (e Engagement) IsSeries() bool { return e.RRule != "" || len(e.RDates) > 0 }

// IsOccurrence reports whether the engagement is one occurrence of a
// series, as the rule made it (ID 0) or overridden (its own ID).
func (e Engagement) IsOccurrence() bool { return e.SeriesID != 0 }

// Duration returns the engagement's length.
func (e Engagement) Duration() time.Duration { return e.End.Sub(e.Start) }

// Cancelled reports whether the engagement no longer holds its slot.
func (e Engagement) Cancelled() bool { return e.Status == StatusCancelled }

// Overlaps reports whether the engagement's half-open interval meets [from, to).
func (e Engagement) Overlaps(from, to time.Time) bool {
	return e.Start.Before(to) && e.End.After(from)
}

// Anchor recomputes Start and End of an all-day engagement from its dates in
// loc, the leader's zone, so that interval queries find it on the right days.
func (e *Engagement) Anchor(loc *time.Location) {
	if !e.AllDay {
		return
	}
	e.Start = e.StartDay.In(loc)
	e.End = e.EndDay.In(loc)
}

// EnteredLocation returns the zone the engagement was entered in, or loc
// when it names none or an unknown one.
func (e Engagement) EnteredLocation(fallback *time.Location) *time.Location {
	if e.ZoneName == "" {
		return fallback
	}
	loc, err := loadZone(e.ZoneName)
	if err != nil {
		return fallback
	}
	return loc
}
