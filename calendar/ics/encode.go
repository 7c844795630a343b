package ics

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	goical "github.com/emersion/go-ical"

	"anteroom/calendar"
)

// ProdID identifies Anteroom as the producer of a file (RFC 5545 §3.7.3).
const ProdID = "-//Anteroom//Anteroom//ZH"

// Encode writes cal as an iCalendar file (RFC 5545): VERSION 2.0, PRODID,
// METHOD:PUBLISH (RFC 5546 §3.2.1: a schedule published, not an
// invitation), a VTIMEZONE for every zone a time is written in, and one
// VEVENT per item, redacted to cal.Privacy. Every item has its UID,
// SEQUENCE and DTSTAMP. It writes what go-ical's encoder writes of
// ExportModel, through a writer that folds lines at 75 octets; lines end
// in CRLF. The VTIMEZONEs go through go-ical; the VEVENTs, which are
// most of a file, are written directly (see eventWriter).
func Encode(w io.Writer, cal ExportCalendar) error {
	for i := range cal.Events {
		// Redact keeps the UID: refuse before anything is written
		if cal.Events[i].UID == "" {
			return fmt.Errorf("ics: export item %d (%q) has no UID", i, cal.Events[i].Summary)
		}
	}
	fw := newFoldingWriter(w)
	if len(cal.Events) == 0 {
		// go-ical refuses a calendar without components; an empty export
		// is still a file of its own properties.
		model, err := ExportModel(cal)
		if err != nil {
			return err
		}
		writeEmpty(fw, model)
		return fw.Flush()
	}
	level, stamp := cal.levelAndStamp()
	stampText := stamp.Format(utcLayout)
	ew := &eventWriter{b: make([]byte, 0, 64<<10)}
	ew.b = append(ew.b, "BEGIN:VCALENDAR\r\n"...)
	ew.prop(goical.PropCalendarScale, "GREGORIAN")
	ew.prop(goical.PropMethod, "PUBLISH")
	ew.prop(goical.PropProductID, ProdID)
	ew.prop(goical.PropVersion, "2.0")
	if cal.Name != "" {
		ew.text("X-WR-CALNAME", cal.Name)
	}
	fw.Write(ew.b)
	zones := exportZones(cal.Events)
	byName := make(map[string]*time.Location, len(zones))
	enc := goical.NewEncoder(fw)
	for _, z := range zones {
		tz := &goical.Calendar{Component: vtimezoneComponent(z.loc, z.from, z.to)}
		if err := enc.Encode(tz); err != nil {
			return fmt.Errorf("ics: encode: %w", err)
		}
		byName[z.name] = z.loc
	}
	for i := range cal.Events {
		e := Redact(cal.Events[i], level)
		ew.b = ew.b[:0]
		ew.event(&e, byName[e.ZoneName], stampText)
		if ew.err != nil {
			return fmt.Errorf("ics: encode: %w", ew.err)
		}
		fw.Write(ew.b)
	}
	fw.Write([]byte("END:VCALENDAR\r\n"))
	return fw.Flush()
}

// ExportModel is the export as go-ical's model: what Encode writes and
// what a CalDAV client sends.
func ExportModel(cal ExportCalendar) (*goical.Calendar, error) {
	level, stamp := cal.levelAndStamp()

	model := goical.NewCalendar()
	setRaw(model.Props, goical.PropVersion, "2.0")
	setRaw(model.Props, goical.PropProductID, ProdID)
	setRaw(model.Props, goical.PropCalendarScale, "GREGORIAN")
	setRaw(model.Props, goical.PropMethod, "PUBLISH")
	if cal.Name != "" {
		setText(model.Props, "X-WR-CALNAME", cal.Name)
	}
	zones := exportZones(cal.Events)
	byName := make(map[string]*time.Location, len(zones))
	for _, z := range zones {
		model.Children = append(model.Children, vtimezoneComponent(z.loc, z.from, z.to))
		byName[z.name] = z.loc
	}
	for i := range cal.Events {
		e := Redact(cal.Events[i], level)
		if e.UID == "" {
			return nil, fmt.Errorf("ics: export item %d (%q) has no UID", i, cal.Events[i].Summary)
		}
		model.Children = append(model.Children, eventComponent(&e, byName[e.ZoneName], stamp))
	}
	return model, nil
}

// eventComponent is one VEVENT; loc is nil when times are written in UTC.
func eventComponent(e *ExportEvent, loc *time.Location, stamp time.Time) *goical.Component {
	c := goical.NewComponent(goical.CompEvent)
	p := c.Props
	setText(p, goical.PropUID, e.UID)
	setRaw(p, goical.PropDateTimeStamp, stamp.Format(utcLayout))
	setRaw(p, goical.PropSequence, strconv.Itoa(e.Sequence))
	if !e.Created.IsZero() {
		setRaw(p, goical.PropCreated, e.Created.UTC().Format(utcLayout))
	}
	if !e.LastModified.IsZero() {
		setRaw(p, goical.PropLastModified, e.LastModified.UTC().Format(utcLayout))
	}
	if !e.RecurrenceID.IsZero() {
		p.Add(timeProp(goical.PropRecurrenceID, e.RecurrenceID, e.AllDay, loc))
	}
	if e.AllDay {
		p.Add(dateProp(goical.PropDateTimeStart, e.StartDay))
		p.Add(dateProp(goical.PropDateTimeEnd, e.EndDay))
	} else {
		p.Add(timeProp(goical.PropDateTimeStart, e.Start, false, loc))
		p.Add(timeProp(goical.PropDateTimeEnd, e.End, false, loc))
	}
	if e.RRule != "" {
		setRaw(p, goical.PropRecurrenceRule, e.RRule)
	}
	for _, t := range e.RDates {
		p.Add(timeProp(goical.PropRecurrenceDates, t, e.AllDay, loc))
	}
	for _, t := range e.ExDates {
		p.Add(timeProp(goical.PropExceptionDates, t, e.AllDay, loc))
	}
	setText(p, goical.PropSummary, e.Summary)
	if e.Location != "" {
		setText(p, goical.PropLocation, e.Location)
	}
	if e.Description != "" {
		setText(p, goical.PropDescription, e.Description)
	}
	if s := statusText(e.Status); s != "" {
		setRaw(p, goical.PropStatus, s)
	}
	if cl := classText(e.Class); cl != "" {
		setRaw(p, goical.PropClass, cl)
	}
	if e.Transparent {
		setRaw(p, goical.PropTransparency, "TRANSPARENT")
	} else {
		setRaw(p, goical.PropTransparency, "OPAQUE")
	}
	if e.Organizer.Address != "" {
		p.Add(partyProp(goical.PropOrganizer, e.Organizer))
	}
	for _, a := range e.Attendees {
		if a.Address != "" {
			p.Add(partyProp(goical.PropAttendee, a))
		}
	}
	if e.Kind != "" {
		setRaw(p, kindProperty, string(e.Kind))
	}
	if e.Organiser != "" {
		setText(p, organiserProperty, e.Organiser)
	}
	return c
}

const (
	utcLayout   = "20060102T150405Z"
	localLayout = "20060102T150405"
	dateLayout  = "20060102"
)

// setRaw sets a property whose value needs no escaping.
func setRaw(p goical.Props, name, value string) {
	p.Set(&goical.Prop{Name: name, Params: goical.Params{}, Value: value})
}

// setText sets a TEXT property, escaped as RFC 5545 §3.3.11 says.
func setText(p goical.Props, name, text string) {
	setRaw(p, name, string(appendEscaped(nil, text)))
}

// timeProp is a DATE-TIME in loc with its TZID, or in UTC when loc is
// nil; asDate writes the civil date of t instead (all-day series).
func timeProp(name string, t time.Time, asDate bool, loc *time.Location) *goical.Prop {
	if asDate {
		return dateProp(name, calendar.DateOf(t))
	}
	prop := &goical.Prop{Name: name, Params: goical.Params{}}
	if loc == nil {
		prop.Value = t.UTC().Format(utcLayout)
		return prop
	}
	prop.Params.Set(goical.ParamTimezoneID, loc.String())
	prop.Value = t.In(loc).Format(localLayout)
	return prop
}

// dateProp is a DATE value (RFC 5545 §3.3.4).
func dateProp(name string, d calendar.Date) *goical.Prop {
	prop := &goical.Prop{Name: name, Params: goical.Params{}, Value: d.In(time.UTC).Format(dateLayout)}
	prop.Params.Set(goical.ParamValue, "DATE")
	return prop
}

// partyProp is an ORGANIZER or ATTENDEE as a mailto: address.
func partyProp(name string, pt Party) *goical.Prop {
	prop := &goical.Prop{Name: name, Params: goical.Params{}, Value: "mailto:" + pt.Address}
	if pt.Name != "" {
		prop.Params.Set(goical.ParamCommonName, paramValue(pt.Name))
	}
	if pt.Role != "" {
		prop.Params.Set(goical.ParamRole, paramValue(pt.Role))
	}
	if pt.Status != "" {
		prop.Params.Set(goical.ParamParticipationStatus, paramValue(pt.Status))
	}
	return prop
}

// paramValue encodes what a parameter value cannot hold as RFC 6868 says;
// the encoder quotes a value holding ":", ";" or ",".
func paramValue(v string) string {
	if strings.ContainsAny(v, "\"^\r\n") {
		return caretEncoder.Replace(v)
	}
	return v
}

// caretEncoder applies RFC 6868 to a parameter value.
var caretEncoder = strings.NewReplacer("^", "^^", "\"", "^'", "\r\n", "^n", "\n", "^n", "\r", "^n")

// writeEmpty writes a calendar without components: its properties as
// go-ical orders them, by name.
func writeEmpty(w io.Writer, model *goical.Calendar) {
	names := make([]string, 0, len(model.Props))
	for name := range model.Props {
		names = append(names, name)
	}
	sort.Strings(names)
	io.WriteString(w, "BEGIN:VCALENDAR\r\n")
	for _, name := range names {
		for _, prop := range model.Props[name] {
			io.WriteString(w, prop.Name+":"+prop.Value+"\r\n")
		}
	}
	io.WriteString(w, "END:VCALENDAR\r\n")
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

// openSeriesHorizon is how far the VTIMEZONE of a series without end
// describes its zone: the end of the changes the time zone database lists
// one by one (2037), past which the zone's current rule holds.
var openSeriesHorizon = time.Date(2037, 12, 31, 0, 0, 0, 0, time.UTC)

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
		last := e.SeriesEnd
		if e.RRule != "" && last.IsZero() {
			// A series without end meets every change the zone has
			// listed; after the last the zone's rule, if any, goes on.
			last = openSeriesHorizon
		}
		for _, t := range append([]time.Time{e.Start, e.End, e.RecurrenceID, last}, append(e.RDates, e.ExDates...)...) {
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
