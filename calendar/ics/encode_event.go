package ics

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"anteroom/calendar"
)

// An export writes its VEVENTs itself, byte for byte as go-ical's encoder
// writes eventComponent's model: go-ical made a map of properties and a
// buffer per property for each event, then sorted them, which cost more
// than reading the events from the database. The properties go out in
// the order of their names and the parameters of theirs, as go-ical's
// sort.Strings puts them; TestEncodeWritesWhatGoIcalWrites holds the two
// to the same bytes.

// errLineBreak is go-ical's refusal of a value holding a line break.
var errLineBreak = errors.New("ical: failed to encode property value: contains a CR or LF")

// errQuote is go-ical's refusal of a parameter value holding a quote.
var errQuote = errors.New("ical: failed to encode param value: contains a double-quote")

// eventWriter appends content lines, unfolded, each ended by CRLF.
type eventWriter struct {
	b   []byte
	err error
}

// prop appends NAME;PARAMS:VALUE, params given as name, value pairs
// sorted by name.
func (w *eventWriter) prop(name, value string, params ...string) {
	w.b = append(w.b, name...)
	for i := 0; i+1 < len(params); i += 2 {
		w.b = append(w.b, ';')
		w.b = append(w.b, params[i]...)
		w.b = append(w.b, '=')
		v := params[i+1]
		switch {
		case strings.ContainsRune(v, '"'):
			w.fail(errQuote)
		case strings.ContainsAny(v, ";:,"):
			w.b = append(append(append(w.b, '"'), v...), '"')
		default:
			w.b = append(w.b, v...)
		}
	}
	w.b = append(w.b, ':')
	if strings.ContainsAny(value, "\r\n") {
		w.fail(errLineBreak)
	}
	w.b = append(w.b, value...)
	w.b = append(w.b, '\r', '\n')
}

// text appends a TEXT property, escaped as setText escapes it.
func (w *eventWriter) text(name, text string) {
	w.b = append(w.b, name...)
	w.b = append(w.b, ':')
	w.b = appendEscaped(w.b, text)
	w.b = append(w.b, '\r', '\n')
}

func (w *eventWriter) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// time appends a DATE-TIME as timeProp makes it: in loc with its TZID,
// in UTC when loc is nil, or the civil date when asDate.
func (w *eventWriter) time(name string, t time.Time, asDate bool, loc *time.Location) {
	switch {
	case asDate:
		w.date(name, calendar.DateOf(t))
	case loc == nil:
		w.prop(name, t.UTC().Format(utcLayout))
	default:
		w.prop(name, t.In(loc).Format(localLayout), "TZID", loc.String())
	}
}

// date appends a DATE as dateProp makes it.
func (w *eventWriter) date(name string, d calendar.Date) {
	w.prop(name, d.In(time.UTC).Format(dateLayout), "VALUE", "DATE")
}

// party appends an ORGANIZER or ATTENDEE as partyProp makes it.
func (w *eventWriter) party(name string, pt Party) {
	params := make([]string, 0, 6)
	if pt.Name != "" {
		params = append(params, "CN", paramValue(pt.Name))
	}
	if pt.Status != "" {
		params = append(params, "PARTSTAT", paramValue(pt.Status))
	}
	if pt.Role != "" {
		params = append(params, "ROLE", paramValue(pt.Role))
	}
	w.prop(name, "mailto:"+pt.Address, params...)
}

// event appends e's VEVENT, e redacted already: what eventComponent
// sets, in go-ical's order.
func (w *eventWriter) event(e *ExportEvent, loc *time.Location, stamp string) {
	w.b = append(w.b, "BEGIN:VEVENT\r\n"...)
	for _, a := range e.Attendees {
		if a.Address != "" {
			w.party("ATTENDEE", a)
		}
	}
	if cl := classText(e.Class); cl != "" {
		w.prop("CLASS", cl)
	}
	if !e.Created.IsZero() {
		w.prop("CREATED", e.Created.UTC().Format(utcLayout))
	}
	if e.Description != "" {
		w.text("DESCRIPTION", e.Description)
	}
	if e.AllDay {
		w.date("DTEND", e.EndDay)
	} else {
		w.time("DTEND", e.End, false, loc)
	}
	w.prop("DTSTAMP", stamp)
	if e.AllDay {
		w.date("DTSTART", e.StartDay)
	} else {
		w.time("DTSTART", e.Start, false, loc)
	}
	for _, t := range e.ExDates {
		w.time("EXDATE", t, e.AllDay, loc)
	}
	if !e.LastModified.IsZero() {
		w.prop("LAST-MODIFIED", e.LastModified.UTC().Format(utcLayout))
	}
	if e.Location != "" {
		w.text("LOCATION", e.Location)
	}
	if e.Organizer.Address != "" {
		w.party("ORGANIZER", e.Organizer)
	}
	for _, t := range e.RDates {
		w.time("RDATE", t, e.AllDay, loc)
	}
	if !e.RecurrenceID.IsZero() {
		w.time("RECURRENCE-ID", e.RecurrenceID, e.AllDay, loc)
	}
	if e.RRule != "" {
		w.prop("RRULE", e.RRule)
	}
	w.prop("SEQUENCE", strconv.Itoa(e.Sequence))
	if s := statusText(e.Status); s != "" {
		w.prop("STATUS", s)
	}
	w.text("SUMMARY", e.Summary)
	if e.Transparent {
		w.prop("TRANSP", "TRANSPARENT")
	} else {
		w.prop("TRANSP", "OPAQUE")
	}
	w.text("UID", e.UID)
	if e.Kind != "" {
		w.prop(kindProperty, string(e.Kind))
	}
	if e.Organiser != "" {
		w.text(organiserProperty, e.Organiser)
	}
	w.b = append(w.b, "END:VEVENT\r\n"...)
}
