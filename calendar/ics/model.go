package ics

import (
	"time"

	"anteroom/calendar"
)

// Calendar is what one file says. A file may hold several VCALENDAR
// objects (concatenated iTIP messages, one per holiday); their items are
// listed together and each remembers its own METHOD.
type Calendar struct {
	File        string // the name given to Decode
	Method      string // METHOD of the first VCALENDAR, upper case ("" when none)
	ProdID      string
	XWRTimezone string // X-WR-TIMEZONE as written (a hint for floating times)
	XWRCalName  string
	XWRCalDesc  string
	Charset     string // encoding the bytes were read in: "UTF-8", "GB18030", "Shift_JIS", "windows-1252"

	Events   []Event
	Todos    []Todo
	Skipped  []Note    // components that are not imported, with the reason
	Warnings []Warning // about the file as a whole
}

// Event is one VEVENT: a single item, a recurring series, or one
// overridden occurrence of a series (RecurrenceID set).
//
// Timed events have Start and End in the zone they were resolved in
// (ZoneName). All-day events have StartDay and EndDay (end exclusive, RFC
// 5545 §3.6.1) and Start/End at midnight of those days in Options.Zone, as
// calendar.Engagement keeps them. The same convention holds for
// RecurrenceID, RDates and ExDates: a DATE value is midnight of that day in
// Options.Zone.
type Event struct {
	Line   int    // line of BEGIN:VEVENT
	Method string // METHOD of the enclosing VCALENDAR: PUBLISH, REQUEST, CANCEL, REPLY…

	UID           string
	RecurrenceID  time.Time // zero unless this is an override of one occurrence
	ThisAndFuture bool      // RECURRENCE-ID;RANGE=THISANDFUTURE (RFC 5545 §3.2.13)
	Sequence      int
	DTStamp       time.Time // UTC; zero when absent
	LastModified  time.Time // UTC; zero when absent

	Summary     string
	Location    string
	Description string

	Start, End       time.Time
	AllDay           bool
	StartDay, EndDay calendar.Date
	// ZoneName is the IANA name of Start's zone, which time.LoadLocation
	// accepts: "UTC" for UTC times; "" for all-day events and for zones
	// that have no IANA name (known only from the file's VTIMEZONE, or an
	// offset such as +05:45), which Start.Location() still holds.
	ZoneName string

	Status      calendar.Status
	Class       calendar.Classification // "" when the event has no CLASS (RFC default: PUBLIC)
	Transparent bool                    // TRANSP:TRANSPARENT: shown, but does not block the slot

	RRule   string      // normalized (RFC 5545 §3.3.10); UNTIL in UTC when DTSTART has a zone
	RDates  []time.Time // PERIOD values give their start
	ExDates []time.Time

	Organizer Party // zero when none
	Attendees []Party

	Kind      calendar.Kind // X-ANTEROOM-KIND when Anteroom wrote the item; "" otherwise
	Organiser string        // X-ANTEROOM-ORGANISER

	Warnings []Warning
	// Fault is what keeps the event from being imported as the file has
	// it (an end before its start): a guess would put a wrong time on
	// the calendar. Nil when none.
	Fault *Warning
}

// Recurring reports whether the event is a series: it has an RRULE or RDATEs.
func (e Event) Recurring() bool { return e.RRule != "" || len(e.RDates) > 0 }

// Party is an ORGANIZER or ATTENDEE.
type Party struct {
	Name    string // CN
	Address string // cal-address without "mailto:"
	Role    string // ROLE, e.g. REQ-PARTICIPANT
	Status  string // PARTSTAT, e.g. ACCEPTED
}

// Todo is a VTODO: kept and listed, not placed in the calendar.
type Todo struct {
	Line     int
	UID      string
	Summary  string
	Due      time.Time // zero when none; a DATE is midnight in Options.Zone
	DueDay   calendar.Date
	AllDay   bool // Due is a DATE
	Priority int  // 1 highest … 9 lowest, 0 undefined (RFC 5545 §3.8.1.9)
	Status   string
	Warnings []Warning
}

// Note says which component was not imported and why.
type Note struct {
	Line      int
	Component string // VFREEBUSY, VJOURNAL, X-…
	UID       string
	Summary   string
	Reason    Warning
}
