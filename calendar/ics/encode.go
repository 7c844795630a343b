package ics

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"

	"anteroom/calendar"
)

// ProdID identifies Anteroom as the producer of a file (RFC 5545 §3.7.3).
const ProdID = "-//Anteroom//Anteroom//ZH"

// Encode writes cal as an iCalendar file (RFC 5545): VERSION 2.0, PRODID,
// METHOD:PUBLISH (RFC 5546 §3.2.1: a schedule published, not an
// invitation), a VTIMEZONE for every zone a time is written in, and one
// VEVENT per item, redacted to cal.Privacy. Every item has its UID,
// SEQUENCE and DTSTAMP; lines are folded at 75 octets and end in CRLF.
func Encode(w io.Writer, cal ExportCalendar) error {
	level := cal.Privacy
	if level == "" {
		level = PrivacyFull
	}
	stamp := cal.Stamp
	if stamp.IsZero() {
		stamp = time.Now()
	}
	stamp = stamp.UTC().Truncate(time.Second)

	lw := newLineWriter(w)
	lw.prop("BEGIN", "VCALENDAR")
	lw.prop("VERSION", "2.0")
	lw.prop("PRODID", ProdID)
	lw.prop("CALSCALE", "GREGORIAN")
	lw.prop("METHOD", "PUBLISH")
	if cal.Name != "" {
		lw.textProp("X-WR-CALNAME", cal.Name)
	}
	zones := exportZones(cal.Events)
	for _, z := range zones {
		writeVTimezone(lw, z.loc, z.from, z.to)
	}
	byName := make(map[string]*time.Location, len(zones))
	for _, z := range zones {
		byName[z.name] = z.loc
	}
	for i := range cal.Events {
		e := Redact(cal.Events[i], level)
		if e.UID == "" {
			return fmt.Errorf("ics: export item %d (%q) has no UID", i, cal.Events[i].Summary)
		}
		writeEvent(lw, &e, byName[e.ZoneName], stamp)
	}
	lw.prop("END", "VCALENDAR")
	return lw.flush()
}

// writeEvent writes one VEVENT; loc is nil when times are written in UTC.
func writeEvent(lw *lineWriter, e *ExportEvent, loc *time.Location, stamp time.Time) {
	lw.prop("BEGIN", "VEVENT")
	lw.textProp("UID", e.UID)
	lw.start("DTSTAMP")
	lw.timeValue(stamp, utcLayout)
	lw.prop("SEQUENCE", strconv.Itoa(e.Sequence))
	if !e.Created.IsZero() {
		lw.start("CREATED")
		lw.timeValue(e.Created.UTC(), utcLayout)
	}
	if !e.LastModified.IsZero() {
		lw.start("LAST-MODIFIED")
		lw.timeValue(e.LastModified.UTC(), utcLayout)
	}
	if !e.RecurrenceID.IsZero() {
		writeTime(lw, "RECURRENCE-ID", e.RecurrenceID, e.AllDay, loc)
	}
	if e.AllDay {
		writeDate(lw, "DTSTART", e.StartDay)
		writeDate(lw, "DTEND", e.EndDay)
	} else {
		writeTime(lw, "DTSTART", e.Start, false, loc)
		writeTime(lw, "DTEND", e.End, false, loc)
	}
	if e.RRule != "" {
		lw.prop("RRULE", e.RRule)
	}
	for _, t := range e.RDates {
		writeTime(lw, "RDATE", t, e.AllDay, loc)
	}
	for _, t := range e.ExDates {
		writeTime(lw, "EXDATE", t, e.AllDay, loc)
	}
	lw.textProp("SUMMARY", e.Summary)
	if e.Location != "" {
		lw.textProp("LOCATION", e.Location)
	}
	if e.Description != "" {
		lw.textProp("DESCRIPTION", e.Description)
	}
	if s := statusText(e.Status); s != "" {
		lw.prop("STATUS", s)
	}
	if c := classText(e.Class); c != "" {
		lw.prop("CLASS", c)
	}
	if e.Transparent {
		lw.prop("TRANSP", "TRANSPARENT")
	} else {
		lw.prop("TRANSP", "OPAQUE")
	}
	if e.Organizer.Address != "" {
		writeParty(lw, "ORGANIZER", e.Organizer)
	}
	for _, a := range e.Attendees {
		if a.Address != "" {
			writeParty(lw, "ATTENDEE", a)
		}
	}
	lw.prop("END", "VEVENT")
}

const (
	utcLayout   = "20060102T150405Z"
	localLayout = "20060102T150405"
	dateLayout  = "20060102"
)

// writeTime writes a DATE-TIME in loc with its TZID, or in UTC when loc
// is nil; asDate writes the civil date of t instead (all-day series).
func writeTime(lw *lineWriter, name string, t time.Time, asDate bool, loc *time.Location) {
	if asDate {
		writeDate(lw, name, calendar.DateOf(t))
		return
	}
	lw.start(name)
	if loc == nil {
		lw.timeValue(t.UTC(), utcLayout)
		return
	}
	lw.param("TZID", loc.String())
	lw.timeValue(t.In(loc), localLayout)
}

// writeDate writes a DATE value (RFC 5545 §3.3.4).
func writeDate(lw *lineWriter, name string, d calendar.Date) {
	lw.start(name)
	lw.param("VALUE", "DATE")
	lw.timeValue(d.In(time.UTC), dateLayout)
}

// writeParty writes an ORGANIZER or ATTENDEE as a mailto: address.
func writeParty(lw *lineWriter, name string, p Party) {
	lw.start(name)
	if p.Name != "" {
		lw.param("CN", p.Name)
	}
	if p.Role != "" {
		lw.param("ROLE", p.Role)
	}
	if p.Status != "" {
		lw.param("PARTSTAT", p.Status)
	}
	lw.value("mailto:" + p.Address)
}

func statusText(s calendar.Status) string {
	switch s {
	case calendar.StatusConfirmed:
		return "CONFIRMED"
	case calendar.StatusTentative:
		return "TENTATIVE"
	case calendar.StatusCancelled:
		return "CANCELLED"
	}
	return ""
}

// classText maps a classification to CLASS. Internal goes out as PRIVATE,
// so that receivers keep it from their own delegates; read back it is
// confidential (classification), never less strict.
func classText(c calendar.Classification) string {
	switch c {
	case calendar.ClassPublic:
		return "PUBLIC"
	case calendar.ClassInternal:
		return "PRIVATE"
	case calendar.ClassConfidential:
		return "CONFIDENTIAL"
	}
	return ""
}

// exportZone is a zone times are written in and the instants written in it.
type exportZone struct {
	name     string
	loc      *time.Location
	from, to time.Time
}

// exportZones returns the zones the timed items are written in, sorted by
// name, each with the span of its instants widened by a year before and
// two after, so the VTIMEZONE covers recurrences that follow.
func exportZones(events []ExportEvent) []exportZone {
	byName := map[string]*exportZone{}
	for i := range events {
		e := &events[i]
		if e.AllDay || e.ZoneName == "" || e.ZoneName == "UTC" || e.ZoneName == "Etc/UTC" {
			continue
		}
		z := byName[e.ZoneName]
		if z == nil {
			loc, ok := loadIANA(e.ZoneName)
			if !ok {
				continue // written in UTC
			}
			z = &exportZone{name: e.ZoneName, loc: loc, from: e.Start, to: e.End}
			byName[e.ZoneName] = z
		}
		for _, t := range append([]time.Time{e.Start, e.End, e.RecurrenceID}, append(e.RDates, e.ExDates...)...) {
			if t.IsZero() {
				continue
			}
			if t.Before(z.from) {
				z.from = t
			}
			if t.After(z.to) {
				z.to = t
			}
		}
	}
	out := make([]exportZone, 0, len(byName))
	for _, z := range byName {
		z.from = z.from.AddDate(-1, 0, 0)
		z.to = z.to.AddDate(2, 0, 0)
		out = append(out, *z)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}
