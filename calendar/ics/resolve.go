package ics

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"anteroom/calendar"
)

// utcZone is where times written in UTC (with "Z") are read.
var utcZone = zoneInfo{loc: time.UTC, name: "UTC"}

// eventContext resolves the times of one event and gathers its warnings,
// each zone warning once.
type eventContext struct {
	d    *decoder
	cal  int
	warn []Warning
	seen map[*Warning]bool
}

// at returns the instant of a DATE-TIME value, or midnight of a DATE in
// the leader's zone, and the zone it was read in.
func (x *eventContext) at(t rawTime) (time.Time, *zoneInfo) {
	if !t.c.hasTime {
		return t.c.date().In(x.d.res.def.loc), &x.d.res.def
	}
	if t.c.utc {
		return t.c.asUTC(), &utcZone
	}
	var z *zoneInfo
	if t.hasTZID {
		z = x.d.res.zone(t.tzid, x.cal)
	} else {
		z = x.d.res.floating(x.cal)
	}
	if z.warn != nil && !x.seen[z.warn] {
		if x.seen == nil {
			x.seen = map[*Warning]bool{}
		}
		x.seen[z.warn] = true
		w := *z.warn
		w.Line = t.line
		x.warn = append(x.warn, w)
	}
	return t.c.in(z.loc), z
}

// event resolves one VEVENT.
func (d *decoder) event(b *eventBuilder) Event {
	x := eventContext{d: d, cal: b.cal}
	e := Event{
		Line:        b.line,
		Method:      d.cals[b.cal].method,
		UID:         b.uid,
		Summary:     unescapeText(b.summary),
		Location:    unescapeText(b.location),
		Description: unescapeText(b.description),
		Organizer:   b.organizer,
		Attendees:   b.attendees,
		Kind:        readKind(b.kind),
		Organiser:   unescapeText(b.organiser),
		Transparent: strings.EqualFold(strings.TrimSpace(b.transp), "TRANSPARENT"),
	}
	if b.has(propDTSTAMP) {
		e.DTStamp = b.dtstamp.asUTC()
	}
	if b.has(propLASTMODIFIED) {
		e.LastModified = b.lastModified.asUTC()
	}
	if b.has(propSEQUENCE) {
		n, ok := parseSequence(b.sequence)
		if !ok {
			// A SEQUENCE is a non-negative integer (RFC 5545 §3.8.7.4): an
			// unreadable one counts as the first version.
			x.warn = append(x.warn, Warning{Line: b.line, Code: "import.sequence_invalid", Args: args("Value", b.sequence)})
			n = 0
		}
		e.Sequence = n
	}
	e.Status = eventStatus(b.status, e.Method, &x, b.line)
	e.Class = classification(b.class, &x, b.line)
	if b.sensitive || d.cals[b.cal].sensitive {
		e.Class = calendar.ClassConfidential // a producer's own mark (sensitivity.go)
	}
	if b.has(propDTSTART) {
		d.placeEvent(&e, b, &x)
	}
	if b.has(propRECURRENCEID) {
		rid := b.recurrenceID
		if !rid.c.hasTime && b.has(propDTSTART) && b.dtstart.c.hasTime {
			rid = d.res.occurrenceOn(b, rid)
		}
		e.RecurrenceID, _ = x.at(rid)
		e.ThisAndFuture = b.thisAndFuture
	}
	for _, t := range b.rdates {
		at, _ := x.at(t)
		e.RDates = append(e.RDates, at)
	}
	shape := seriesShape{dtstart: b.dtstart, rule: b.rrule, rdates: b.rdates}
	timed := b.has(propDTSTART) && b.dtstart.c.hasTime
	for _, t := range b.exdates {
		if timed && !t.c.hasTime {
			// A date excludes every occurrence that starts on it.
			for _, s := range shape.startsOn(t.c) {
				at, _ := x.at(s)
				e.ExDates = append(e.ExDates, at)
			}
			continue
		}
		at, _ := x.at(t)
		e.ExDates = append(e.ExDates, at)
	}
	if e.UID == "" {
		e.UID = derivedUID(b)
		x.warn = append(x.warn, Warning{Line: b.line, Code: "import.uid_missing"})
	}
	e.Warnings = append(b.warnings, x.warn...)
	return e
}

// placeEvent sets the event's start, end and recurrence rule.
//
// An all-day event (DTSTART a DATE) ends at DTEND, or DURATION in whole
// days later, or one day later (RFC 5545 §3.6.1). A timed event ends at
// DTEND, or DURATION later (nominal days on the wall clock, then exact
// hours, §3.3.6), or at its start.
func (d *decoder) placeEvent(e *Event, b *eventBuilder, x *eventContext) {
	start := b.dtstart
	if !start.c.hasTime {
		e.AllDay = true
		e.StartDay = start.c.date()
		e.EndDay = e.StartDay.AddDays(1)
		switch {
		case b.has(propDTEND):
			end := b.dtend.c
			e.EndDay = end.date()
			if end.hasTime && (end.hour != 0 || end.min != 0 || end.sec != 0) {
				e.EndDay = e.EndDay.AddDays(1)
			}
		case b.has(propDURATION):
			e.EndDay = e.StartDay.AddDays(b.duration.wholeDays())
		}
		if b.has(propDTEND) && e.EndDay.Before(e.StartDay) {
			e.Fault = endBeforeStart(b, e.StartDay.String(), b.dtend.c.date().String())
		}
		if !e.StartDay.Before(e.EndDay) {
			if e.Fault == nil && (b.has(propDTEND) || !b.duration.zero()) {
				x.warn = append(x.warn, Warning{Line: b.line, Code: "import.end_before_start"})
			}
			e.EndDay = e.StartDay.AddDays(1)
		}
		e.Start, e.End = e.StartDay.In(d.res.def.loc), e.EndDay.In(d.res.def.loc)
	} else {
		var z *zoneInfo
		e.Start, z = x.at(start)
		e.ZoneName = z.name
		e.End = e.Start
		switch {
		case b.has(propDTEND) && b.dtend.c.hasTime && !b.dtend.hasTZID && !b.dtend.c.utc && (start.hasTZID || start.c.utc):
			// A floating end of a zoned start (khal's
			// event_dt_mixed_awareness, from ownCloud) means the start's
			// zone: DTEND takes DTSTART's type (RFC 5545 §3.8.2.2).
			e.End = b.dtend.c.in(e.Start.Location())
		case b.has(propDTEND) && b.dtend.c.hasTime:
			e.End, _ = x.at(b.dtend)
		case b.has(propDTEND):
			e.End = b.dtend.c.date().In(z.loc)
		case b.has(propDURATION):
			e.End = b.duration.after(civilOf(e.Start), z.loc)
		}
		if e.End.Before(e.Start) {
			// Typically a 12-hour clock read wrong (15:00 to 03:30): which
			// end was meant cannot be known.
			if b.has(propDTEND) {
				e.Fault = endBeforeStart(b, e.Start.Format("2006-01-02 15:04"), e.End.In(e.Start.Location()).Format("2006-01-02 15:04"))
			} else {
				x.warn = append(x.warn, Warning{Line: b.line, Code: "import.end_before_start"})
			}
			e.End = e.Start
		}
	}
	if len(b.rrule.Parts) > 0 {
		e.RRule = d.normalizeRule(b, e, x)
	}
}

// endBeforeStart is the fault of an event whose DTEND is before its
// DTSTART, on the DTEND line.
func endBeforeStart(b *eventBuilder, start, end string) *Warning {
	line := b.dtend.line
	if line == 0 {
		line = b.line
	}
	return &Warning{Line: line, Code: "import.needs_time", Args: args("Start", start, "End", end)}
}

// normalizeRule writes the event's RRULE with UNTIL of DTSTART's type
// (RFC 5545 §3.3.10): a date for all-day series, otherwise a UTC
// date-time, a local UNTIL being read in DTSTART's zone. A Gregorian
// RSCALE is dropped; another is kept and reported.
func (d *decoder) normalizeRule(b *eventBuilder, e *Event, x *eventContext) string {
	r := b.rrule
	if r.rscale != "" && r.rscale != "GREGORIAN" {
		x.warn = append(x.warn, Warning{Line: b.rruleLine, Code: "import.rrule_rscale", Args: args("Value", r.rscale)})
	}
	if r.rscale == "GREGORIAN" {
		parts := r.Parts[:0:0]
		for _, p := range r.Parts {
			if p.Name != "RSCALE" && p.Name != "SKIP" {
				parts = append(parts, p)
			}
		}
		r.Parts = parts
	}
	if r.until == "" {
		return r.String("")
	}
	u, _ := parseCivil(r.until)
	var until string
	switch {
	case e.AllDay && u.hasTime:
		x.warn = append(x.warn, Warning{Line: b.rruleLine, Code: "import.until_type", Args: args("Value", r.until)})
		day := u.date()
		if u.utc {
			day = calendar.DateOf(u.asUTC().In(d.res.def.loc))
		}
		until = formatDate(day)
	case e.AllDay:
		until = r.until
	default:
		if !u.hasTime {
			x.warn = append(x.warn, Warning{Line: b.rruleLine, Code: "import.until_type", Args: args("Value", r.until)})
			u.hour, u.min, u.sec, u.hasTime = 23, 59, 59, true
		}
		var at time.Time
		if u.utc || e.Start.Location() == time.UTC {
			at = u.asUTC()
		} else {
			at = u.in(e.Start.Location())
		}
		until = at.UTC().Format("20060102T150405Z")
	}
	return r.String(until)
}

// formatDate writes a DATE value.
func formatDate(d calendar.Date) string {
	return d.In(time.UTC).Format("20060102")
}

// eventStatus maps STATUS (RFC 5545 §3.8.1.11); an iTIP CANCEL cancels
// whatever the status says (RFC 5546 §3.2.5).
func eventStatus(s, method string, x *eventContext, line int) calendar.Status {
	if method == "CANCEL" {
		return calendar.StatusCancelled
	}
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "", "CONFIRMED":
		return calendar.StatusConfirmed
	case "TENTATIVE":
		return calendar.StatusTentative
	case "CANCELLED", "CANCELED":
		return calendar.StatusCancelled
	}
	x.warn = append(x.warn, Warning{Line: line, Code: "import.status_unknown", Args: args("Value", s)})
	return calendar.StatusConfirmed
}

// classification maps CLASS (RFC 5545 §3.8.1.3): PUBLIC is public,
// PRIVATE and CONFIDENTIAL confidential. A PRIVATE item is one its owner
// hides from everyone the calendar is shared with (Outlook, Google,
// Apple), so no other office may see what it is. Unknown values are read
// as PRIVATE, as the RFC requires.
func classification(s string, x *eventContext, line int) calendar.Classification {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "":
		return ""
	case "PUBLIC":
		return calendar.ClassPublic
	case "PRIVATE", "CONFIDENTIAL":
		return calendar.ClassConfidential
	}
	x.warn = append(x.warn, Warning{Line: line, Code: "import.class_unknown", Args: args("Value", s)})
	return calendar.ClassConfidential
}

// derivedUID makes a stable UID for an event that has none, from what
// identifies it in the file, so importing the file again finds the same
// item.
func derivedUID(b *eventBuilder) string {
	h := sha256.New()
	for _, s := range []string{b.summary, b.location, b.dtstart.tzid, b.dtend.tzid} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, t := range []rawTime{b.dtstart, b.dtend, b.recurrenceID} {
		h.Write([]byte(t.c.asUTC().Format(time.RFC3339)))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16]) + "@import.anteroom"
}
