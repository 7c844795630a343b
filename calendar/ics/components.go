package ics

import (
	"strings"
)

// frameKind says what the reader does with the properties of a component.
type frameKind uint8

const (
	frameCalendar frameKind = iota
	frameEvent
	frameTodo
	frameTimezone
	frameObservance
	frameNote // a calendar component that is not imported: noted
	frameSkip // ignored with everything inside
)

// frame is an open component.
type frame struct {
	name     string
	line     int
	kind     frameKind
	implicit bool // a VCALENDAR assumed around a component found outside one
}

// calInfo is what a VCALENDAR says about the items in it.
type calInfo struct {
	method      string
	xwrTimezone string
	sensitive   bool // X-CALENDARSERVER-ACCESS hides the calendar's items (sensitivity.go)
}

// maxDepth bounds component nesting; real files use four levels.
const maxDepth = 16

// decoder reads the component structure (RFC 5545 §3.4, §3.6) line by
// line and collects the properties of each item. It runs twice over a
// file (see decode): first to learn the zones, since a VTIMEZONE may
// follow the items that use it, then to read the items, each resolved as
// soon as it ends.
type decoder struct {
	cal    *Calendar
	lines  *lineReader
	res    *resolver
	opt    Options
	params []param

	scan bool               // first pass: zones, calendars and years only
	each func(*Event) error // receives each event; nil collects them in cal.Events

	stack   []frame
	cals    []calInfo // filled by the first pass
	calN    int       // how many VCALENDARs were begun so far
	events  int       // VEVENTs counted by the first pass
	junk    int
	sawItem bool
	read    int // events and to-dos read (second pass)
	fault   int // first line read only by repair (a line without its colon joined to the one before); 0 when none

	ev   eventBuilder
	todo todoBuilder
	tz   *vtimezone
	obs  observance
	note Note
}

func (d *decoder) run() error {
	for {
		line, no, ok := d.lines.read(!d.scan)
		if !ok {
			break
		}
		if d.scan {
			if len(d.stack) > 0 && !d.scanWants(line) {
				continue
			}
			line = d.lines.full(line)
		}
		if len(d.stack) == 0 {
			d.topLevel(line, no)
			continue
		}
		cl, lerr := parseContentLine(line, d.params)
		d.params = cl.params
		if lerr != nil {
			if d.scan {
				return nil
			}
			return syntaxError(no, lerr.code, lerr.kv...)
		}
		if d.lines.repaired {
			d.noteFault(no)
			d.warn(Warning{Line: no, Code: "import.fold_repaired"})
		}
		var err error
		switch cl.name {
		case "BEGIN":
			err = d.begin(componentName(cl.value), no)
		case "END":
			err = d.end(componentName(cl.value), no)
		default:
			if cl.repaired != "" {
				d.warn(Warning{Line: no, Code: cl.repaired, Args: args("Name", cl.name)})
			}
			err = d.property(&cl, no)
		}
		if err != nil {
			if d.scan {
				return nil
			}
			return err
		}
	}
	if d.scan {
		return nil
	}
	if n := len(d.stack); n > 0 {
		f := d.stack[n-1]
		return syntaxError(d.lines.no, "import.error.unclosed", "Component", f.name, "Begin", f.line)
	}
	if d.calN == 0 {
		return syntaxError(0, "import.error.not_icalendar")
	}
	if d.junk > 0 {
		d.cal.Warnings = append(d.cal.Warnings, Warning{Code: "import.junk_ignored", Args: args("Count", d.junk)})
	}
	if d.read == 0 && d.fault > 0 {
		// Nothing could be read, and something was there: an error, not
		// an empty calendar.
		return syntaxError(d.fault, "import.error.nothing_readable")
	}
	if !d.sawItem {
		d.cal.Warnings = append(d.cal.Warnings, Warning{Code: "import.calendar_empty"})
	}
	return nil
}

// componentName normalizes the value of BEGIN or END.
func componentName(v string) string { return upper(strings.TrimSpace(v)) }

// topLevel handles a line outside any component: BEGIN:VCALENDAR, a
// calendar component written without one (RFC 2445 examples pasted
// together), or junk such as a line after END:VCALENDAR, which is counted
// and ignored.
func (d *decoder) topLevel(line string, no int) {
	cl, lerr := parseContentLine(line, d.params)
	d.params = cl.params
	if lerr != nil || cl.name != "BEGIN" {
		d.junk++
		return
	}
	switch comp := componentName(cl.value); comp {
	case "VCALENDAR":
		d.newCalendar()
		d.stack = append(d.stack, frame{name: comp, line: no, kind: frameCalendar})
	case "VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE":
		if d.calN == 0 {
			d.newCalendar()
		}
		d.cal.Warnings = append(d.cal.Warnings, Warning{Line: no, Code: "import.component_outside", Args: args("Component", comp)})
		d.stack = append(d.stack, frame{name: "VCALENDAR", line: no, kind: frameCalendar, implicit: true})
		_ = d.begin(comp, no) // always allowed inside VCALENDAR
	default:
		d.junk++
	}
}

// newCalendar starts the next VCALENDAR: the first pass records it, the
// second finds what the first recorded.
func (d *decoder) newCalendar() {
	d.calN++
	if d.calN > len(d.cals) {
		d.cals = append(d.cals, calInfo{})
	}
}

// calIndex returns the index of the VCALENDAR being read.
func (d *decoder) calIndex() int { return d.calN - 1 }

// begin opens a component, checking where it may appear (RFC 5545 §3.6).
func (d *decoder) begin(comp string, no int) error {
	parent := d.stack[len(d.stack)-1]
	if len(d.stack) >= maxDepth {
		return syntaxError(no, "import.error.nesting", "Component", comp, "Parent", parent.name)
	}
	f := frame{name: comp, line: no, kind: frameSkip}
	if parent.kind == frameSkip || parent.kind == frameNote {
		d.stack = append(d.stack, f)
		return nil
	}
	allowed := true
	switch comp {
	case "VCALENDAR":
		allowed = false
	case "VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE", "VAVAILABILITY":
		allowed = parent.kind == frameCalendar
	case "VALARM":
		allowed = parent.kind == frameEvent || parent.kind == frameTodo
	case "STANDARD", "DAYLIGHT":
		allowed = parent.kind == frameTimezone
	case "":
		allowed = false
	}
	if !allowed {
		return syntaxError(no, "import.error.nesting", "Component", comp, "Parent", parent.name)
	}
	switch {
	case comp == "VEVENT":
		f.kind = frameEvent
		d.ev = eventBuilder{line: no, cal: d.calIndex()}
	case comp == "VTODO":
		f.kind = frameTodo
		d.todo = todoBuilder{line: no, cal: d.calIndex()}
	case comp == "VTIMEZONE":
		f.kind = frameTimezone
		d.tz = &vtimezone{line: no, cal: d.calIndex()}
	case comp == "STANDARD" || comp == "DAYLIGHT":
		f.kind = frameObservance
		d.obs = observance{line: no, dst: comp == "DAYLIGHT"}
	case parent.kind == frameCalendar:
		f.kind = frameNote
		d.note = Note{Line: no, Component: comp}
	}
	d.stack = append(d.stack, f)
	return nil
}

// end closes the innermost component and finishes what was built in it.
func (d *decoder) end(comp string, no int) error {
	top := d.stack[len(d.stack)-1]
	if top.name != comp {
		if top.implicit {
			return syntaxError(no, "import.error.unexpected_end", "Got", comp)
		}
		return syntaxError(no, "import.error.end_mismatch", "Got", comp, "Want", top.name, "Begin", top.line)
	}
	d.stack = d.stack[:len(d.stack)-1]
	var err error
	switch top.kind {
	case frameEvent:
		if d.scan {
			d.events++
			d.res.addSeries(&d.ev)
		} else {
			err = d.endEvent()
		}
	case frameTodo:
		d.sawItem = true
		if !d.scan {
			d.read++
			d.cal.Todos = append(d.cal.Todos, d.todoOf(&d.todo))
		}
	case frameTimezone:
		d.tz.cal = d.calIndex()
		d.res.addVTimezone(d.tz)
	case frameObservance:
		d.endObservance()
	case frameNote:
		d.sawItem = true
		if !d.scan {
			d.cal.Skipped = append(d.cal.Skipped, d.noteReason())
		}
	}
	if n := len(d.stack); n > 0 && d.stack[n-1].implicit {
		d.stack = d.stack[:n-1]
	}
	return err
}

// endEvent keeps a finished VEVENT for resolution. An event without
// DTSTART cannot be placed and is noted as skipped (RFC 5545 §3.6.1 makes
// DTSTART optional only in iTIP messages), except in an iTIP CANCEL, which
// names the item to cancel by its UID (RFC 5546 §3.2.5): that one is kept,
// with zero times.
func (d *decoder) endEvent() error {
	d.sawItem = true
	if !d.ev.has(propDTSTART) && d.cals[d.ev.cal].method != "CANCEL" {
		d.cal.Skipped = append(d.cal.Skipped, Note{Line: d.ev.line, Component: "VEVENT", UID: d.ev.uid,
			Summary: unescapeText(d.ev.summary), Reason: Warning{Line: d.ev.line, Code: "import.skipped_no_start"}})
		return nil
	}
	d.read++
	master := d.event(&d.ev)
	events := append([]Event{master}, d.periodOverrides(&d.ev, master)...)
	for _, e := range events {
		if d.each == nil {
			d.cal.Events = append(d.cal.Events, e)
		} else if err := d.emit(e); err != nil {
			return err
		}
	}
	return nil
}

// emit hands an event to the caller of DecodeEach.
func (d *decoder) emit(e Event) error { return d.each(&e) }

// endObservance adds a STANDARD or DAYLIGHT block to its VTIMEZONE. One
// that lacks what RFC 5545 §3.6.5 requires makes the zone unusable, which
// matters only when no name resolves it (see resolver).
func (d *decoder) endObservance() {
	if d.tz != nil {
		d.tz.obs = append(d.tz.obs, d.obs)
	}
}

// noteReason finishes the Note of a component that is not imported.
func (d *decoder) noteReason() Note {
	n := d.note
	switch n.Component {
	case "VFREEBUSY":
		n.Reason = Warning{Line: n.Line, Code: "import.skipped_freebusy"}
	case "VJOURNAL":
		n.Reason = Warning{Line: n.Line, Code: "import.skipped_journal"}
	default:
		n.Reason = Warning{Line: n.Line, Code: "import.skipped_component", Args: args("Component", n.Component)}
	}
	return n
}

// warn attaches w to the item being read, or to the file.
func (d *decoder) warn(w Warning) {
	switch d.stack[len(d.stack)-1].kind {
	case frameEvent:
		d.ev.warnings = append(d.ev.warnings, w)
	case frameTodo:
		d.todo.warnings = append(d.todo.warnings, w)
	default:
		d.cal.Warnings = append(d.cal.Warnings, w)
	}
}

// property hands a property to the component it belongs to.
func (d *decoder) property(cl *contentLine, no int) error {
	top := d.stack[len(d.stack)-1]
	switch top.kind {
	case frameCalendar:
		d.calendarProperty(cl)
	case frameEvent, frameTodo:
		if d.scan {
			d.scanTime(cl)
			if top.kind == frameEvent {
				d.scanSeries(cl, no)
			}
			return nil
		}
		if top.kind == frameEvent {
			return d.ev.add(cl, no)
		}
		return d.todo.add(cl, no)
	case frameTimezone:
		if cl.name == "TZID" && d.tz.tzid == "" {
			d.tz.tzid = unescapeText(cl.value)
		}
	case frameObservance:
		return d.obs.add(cl, no)
	case frameNote:
		d.noteProperty(cl)
	}
	return nil
}

// calendarProperty reads the VCALENDAR properties Anteroom uses.
func (d *decoder) calendarProperty(cl *contentLine) {
	c := &d.cals[d.calIndex()]
	first := d.calIndex() == 0
	switch cl.name {
	case "METHOD":
		c.method = upper(strings.TrimSpace(cl.value))
		if first {
			d.cal.Method = c.method
		}
	case accessProperty:
		c.sensitive = c.sensitive || sensitive(cl.name, cl.value)
	case "X-WR-TIMEZONE":
		c.xwrTimezone = unescapeText(strings.TrimSpace(cl.value))
		if first {
			d.cal.XWRTimezone = c.xwrTimezone
		}
	case "PRODID":
		if first {
			d.cal.ProdID = unescapeText(cl.value)
		}
	case "X-WR-CALNAME":
		if first {
			d.cal.XWRCalName = unescapeText(cl.value)
		}
	case "X-WR-CALDESC":
		if first {
			d.cal.XWRCalDesc = unescapeText(cl.value)
		}
	}
}

// noteProperty keeps what a Note shows. The values of a component that is
// not imported are not checked: they cannot harm what is imported.
func (d *decoder) noteProperty(cl *contentLine) {
	switch cl.name {
	case "UID":
		d.note.UID = unescapeText(cl.value)
	case "SUMMARY":
		d.note.Summary = unescapeText(cl.value)
	}
}

// badValue reports a value that does not have its property's type.
func badValue(no int, name, value, typ string) *ParseError {
	return syntaxError(no, "import.error.bad_value", "Name", name, "Value", quoteShort(value), "Type", typ)
}

// scanWants reports whether the first pass needs a line: all lines of
// calendars and time zones, and in other components only BEGIN, END and
// the date-time properties that name a TZID.
func (d *decoder) scanWants(line string) bool {
	switch d.stack[len(d.stack)-1].kind {
	case frameCalendar, frameTimezone, frameObservance:
		return true
	case frameEvent:
		return hasPrefixFold(line, "BEGIN:") || hasPrefixFold(line, "END:") || isTimeProp(line) || isSeriesProp(line)
	case frameTodo:
		return hasPrefixFold(line, "BEGIN:") || hasPrefixFold(line, "END:") || isTimeProp(line)
	}
	return hasPrefixFold(line, "BEGIN:") || hasPrefixFold(line, "END:")
}

// isTimeProp reports whether line is a date-time property with parameters.
func isTimeProp(line string) bool {
	for _, p := range [...]string{"DTSTART;", "DTEND;", "DUE;", "RECURRENCE-ID;", "RDATE;", "EXDATE;"} {
		if hasPrefixFold(line, p) {
			return true
		}
	}
	return false
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// scanTime records the year a date-time property uses its TZID in, for
// matching zones over the right years (see resolver).
func (d *decoder) scanTime(cl *contentLine) {
	switch cl.name {
	case "DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "RDATE", "EXDATE":
	default:
		return
	}
	tzid, ok := cl.param("TZID")
	if !ok {
		return
	}
	for _, v := range strings.Split(cl.value, ",") {
		if c, ok := parseCivil(strings.TrimSpace(strings.SplitN(v, "/", 2)[0])); ok {
			d.res.use(tzid, c.year)
		}
	}
}

// noteFault remembers the first line that could only be read by repair.
func (d *decoder) noteFault(no int) {
	if d.fault == 0 {
		d.fault = no
	}
}
