package ics

import (
	"strconv"
	"strings"
)

// rawTime is a DATE or DATE-TIME value with the TZID it was written in,
// kept until the file's VTIMEZONEs are known.
type rawTime struct {
	c       civil
	tzid    string
	hasTZID bool
	line    int
}

// Properties whose repetition matters, as bits of eventBuilder.seen.
const (
	propDTSTART = 1 << iota
	propDTEND
	propDURATION
	propRECURRENCEID
	propUID
	propDTSTAMP
	propSUMMARY
	propLOCATION
	propDESCRIPTION
	propSEQUENCE
	propSTATUS
	propCLASS
	propTRANSP
	propORGANIZER
	propLASTMODIFIED
)

// eventBuilder collects the properties of one VEVENT (RFC 5545 §3.6.1).
// Values are checked as they are read, so an error names their line;
// times are resolved when the event ends (see resolve.go).
type eventBuilder struct {
	line int
	cal  int
	seen uint32

	uid, summary, location, description string
	status, class, transp, sequence     string

	dtstart, dtend, recurrenceID rawTime
	dtstamp, lastModified        civil
	duration                     duration
	thisAndFuture                bool

	rrule     rule
	rruleLine int
	rdates    []rawTime
	periods   []period // the RDATEs that are PERIODs, with their ends
	exdates   []rawTime

	organizer Party
	attendees []Party
	warnings  []Warning
	sensitive bool // a producer's X- property hides the item (sensitivity.go)

	kind, organiser string // Anteroom's own properties (anteroom_props.go)
}

func (b *eventBuilder) has(p uint32) bool { return b.seen&p != 0 }

// once marks p seen and reports whether it was new.
func (b *eventBuilder) once(p uint32) bool {
	if b.seen&p != 0 {
		return false
	}
	b.seen |= p
	return true
}

// add reads one property of the event. A property that may occur once
// (RFC 5545 §3.6.1) and occurs again is ignored with a warning.
func (b *eventBuilder) add(cl *contentLine, no int) error {
	switch cl.name {
	case "UID":
		if b.single(propUID, cl, no) {
			b.uid = unescapeText(strings.TrimSpace(cl.value)) // TEXT (RFC 5545 §3.8.4.7)
		}
	case "SUMMARY":
		if b.once(propSUMMARY) {
			b.summary = cl.value
		}
	case "LOCATION":
		if b.once(propLOCATION) {
			b.location = cl.value
		}
	case "DESCRIPTION":
		if b.once(propDESCRIPTION) {
			b.description = cl.value
		}
	case "STATUS":
		if b.once(propSTATUS) {
			b.status = cl.value
		}
	case "CLASS":
		if b.once(propCLASS) {
			b.class = cl.value
		}
	case "TRANSP":
		if b.once(propTRANSP) {
			b.transp = cl.value
		}
	case "SEQUENCE":
		if b.once(propSEQUENCE) {
			b.sequence = cl.value
		}
	case "DTSTART", "RECURRENCE-ID":
		t, err := readTime(cl, no)
		if err != nil {
			return err // without a readable start the item cannot be placed
		}
		if cl.name == "DTSTART" && b.single(propDTSTART, cl, no) {
			b.dtstart = t
		}
		if cl.name == "RECURRENCE-ID" && b.single(propRECURRENCEID, cl, no) {
			b.recurrenceID = t
			if r, ok := cl.param("RANGE"); ok && strings.EqualFold(r, "THISANDFUTURE") {
				b.thisAndFuture = true
			}
		}
	case "DTEND":
		t, err := readTime(cl, no)
		if err != nil {
			// DTEND has a defined default when absent (RFC 5545 §3.6.1).
			b.ignore(cl, no)
			return nil
		}
		if b.single(propDTEND, cl, no) {
			b.dtend = t
		}
	case "DURATION":
		dur, ok := parseDuration(strings.TrimSpace(cl.value))
		if !ok {
			return badValue(no, cl.name, cl.value, "DURATION (RFC 5545 §3.3.6)")
		}
		if dur.neg && !dur.zero() {
			b.warnings = append(b.warnings, Warning{Line: no, Code: "import.duration_negative", Args: args("Value", cl.value)})
			return nil
		}
		if b.single(propDURATION, cl, no) {
			b.duration = dur
		}
	case "DTSTAMP", "LAST-MODIFIED":
		c, ok := parseCivil(strings.TrimSpace(cl.value))
		if !ok {
			b.ignore(cl, no) // used only to order updates
			return nil
		}
		if cl.name == "DTSTAMP" && b.single(propDTSTAMP, cl, no) {
			b.dtstamp = c
		}
		if cl.name == "LAST-MODIFIED" && b.once(propLASTMODIFIED) {
			b.lastModified = c
		}
	case "RRULE":
		r, err := parseRule(cl.value)
		if err != nil {
			return syntaxError(no, "import.error.bad_rrule", "Value", quoteShort(cl.value), "Detail", err.Error())
		}
		if len(b.rrule.Parts) > 0 {
			if r.String("") != b.rrule.String("") {
				b.warnings = append(b.warnings, Warning{Line: no, Code: "import.rrule_extra", Args: args("Value", cl.value)})
			}
			return nil
		}
		for _, u := range r.ignored {
			b.warnings = append(b.warnings, Warning{Line: no, Code: "import.rrule_part_ignored", Args: args("Value", u)})
		}
		b.rrule, b.rruleLine = r, no
	case "RDATE", "EXDATE":
		list, err := readTimeList(cl, no)
		if err != nil {
			return err
		}
		if cl.name == "RDATE" {
			b.rdates = append(b.rdates, list...)
			b.periods = append(b.periods, readPeriods(cl, no)...)
		} else {
			b.exdates = append(b.exdates, list...)
		}
	case "ORGANIZER":
		if b.once(propORGANIZER) {
			b.organizer = readParty(cl)
		}
	case "ATTENDEE":
		b.attendees = append(b.attendees, readParty(cl))
	case sensitivityProperty, accessProperty, oracleClassProperty:
		b.sensitive = b.sensitive || sensitive(cl.name, cl.value)
	case kindProperty:
		b.kind = cl.value
	case organiserProperty:
		b.organiser = cl.value
	}
	return nil
}

// single marks p seen and reports whether it was new, warning when not.
func (b *eventBuilder) single(p uint32, cl *contentLine, no int) bool {
	if b.once(p) {
		return true
	}
	b.warnings = append(b.warnings, Warning{Line: no, Code: "import.duplicate_ignored", Args: args("Name", cl.name)})
	return false
}

// ignore notes a value that cannot be read and is not needed.
func (b *eventBuilder) ignore(cl *contentLine, no int) {
	b.warnings = append(b.warnings, Warning{Line: no, Code: "import.value_ignored", Args: args("Name", cl.name, "Value", quoteShort(cl.value))})
}

// readTime reads a DATE or DATE-TIME property with its TZID. The value's
// shape decides its type: "DTSTART:20261001" is a date even without
// VALUE=DATE, as producers write it.
func readTime(cl *contentLine, no int) (rawTime, error) {
	v := strings.TrimSpace(cl.value)
	c, ok := parseCivil(v)
	if !ok {
		return rawTime{}, badValue(no, cl.name, cl.value, "DATE or DATE-TIME (RFC 5545 §3.3.4, §3.3.5)")
	}
	t := rawTime{c: c, line: no}
	t.tzid, t.hasTZID = cl.param("TZID")
	return t, nil
}

// readTimeList reads the comma-separated values of RDATE or EXDATE (RFC
// 5545 §3.8.5.1, §3.8.5.2). A PERIOD ("start/end" or "start/duration")
// gives its start.
func readTimeList(cl *contentLine, no int) ([]rawTime, error) {
	tzid, hasTZID := cl.param("TZID")
	var out []rawTime
	for _, v := range strings.Split(cl.value, ",") {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if i := strings.IndexByte(v, '/'); i >= 0 {
			if _, ok := parseDuration(v[i+1:]); !ok {
				if _, ok := parseCivil(v[i+1:]); !ok {
					return nil, badValue(no, cl.name, v, "PERIOD (RFC 5545 §3.3.9)")
				}
			}
			v = v[:i]
		}
		c, ok := parseCivil(v)
		if !ok {
			return nil, badValue(no, cl.name, v, "DATE, DATE-TIME or PERIOD (RFC 5545 §3.8.5)")
		}
		out = append(out, rawTime{c: c, tzid: tzid, hasTZID: hasTZID, line: no})
	}
	return out, nil
}

// readParty reads an ORGANIZER or ATTENDEE (RFC 5545 §3.8.4.1, §3.8.4.3).
func readParty(cl *contentLine) Party {
	p := Party{Address: strings.TrimSpace(cl.value)}
	if len(p.Address) >= 7 && strings.EqualFold(p.Address[:7], "mailto:") {
		p.Address = p.Address[7:]
	}
	p.Name, _ = cl.param("CN")
	p.Role, _ = cl.param("ROLE")
	p.Status, _ = cl.param("PARTSTAT")
	return p
}

// parseSequence reads SEQUENCE (RFC 5545 §3.8.7.4), a non-negative integer.
func parseSequence(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil && n >= 0
}
