package ics

import (
	"strings"
	"testing"
	"time"
)

func shapesFile(events ...string) string {
	return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + strings.Join(events, "\r\n") + "\r\nEND:VCALENDAR\r\n"
}

func shapesEvent(props ...string) string {
	return "BEGIN:VEVENT\r\n" + strings.Join(props, "\r\n") + "\r\nEND:VEVENT"
}

// TestFirstPassKeepsOnlyTheShapesOverridesAskFor: of a file's timed
// items, the second pass needs the shape only of a series that an
// override with a DATE RECURRENCE-ID names, whether the override comes
// before or after it; only those are ever kept.
func TestFirstPassKeepsOnlyTheShapesOverridesAskFor(t *testing.T) {
	file := shapesFile(
		shapesEvent("UID:moved@x", "RECURRENCE-ID;VALUE=DATE:20261012", "DTSTART;TZID=Europe/Berlin:20261013T150000", "DTEND;TZID=Europe/Berlin:20261013T160000"),
		shapesEvent("UID:moved@x", "DTSTART;TZID=Europe/Berlin:20261005T100000", "DTEND;TZID=Europe/Berlin:20261005T110000", "RRULE:FREQ=WEEKLY;COUNT=3"),
		shapesEvent("UID:plain@x", "DTSTART;TZID=Europe/Berlin:20261005T120000", "DTEND;TZID=Europe/Berlin:20261005T130000", "RRULE:FREQ=WEEKLY"),
		shapesEvent("UID:single@x", "DTSTART:20261006T080000Z", "DTEND:20261006T090000Z"),
		shapesEvent("UID:later@x", "DTSTART:20261007T080000Z", "DTEND:20261007T090000Z", "RRULE:FREQ=DAILY;BYHOUR=8,17"),
		shapesEvent("UID:later@x", "RECURRENCE-ID;VALUE=DATE:20261009", "DTSTART:20261009T170000Z", "DTEND:20261009T180000Z"),
	)
	res := newResolver(time.UTC)
	scan := &decoder{cal: &Calendar{}, lines: newLineReader(file), res: res, scan: true}
	scan.run()
	if len(res.series) != 0 {
		t.Fatalf("the first pass kept %d shapes, want none: it would keep one for every timed item", len(res.series))
	}
	res.findShapesForOverrides(scan.lines, Options{Zone: time.UTC})
	if len(res.series) != 2 {
		t.Fatalf("kept the shapes of %d series, want the 2 that overrides name: %v", len(res.series), res.series)
	}
	for _, uid := range []string{"moved@x", "later@x"} {
		if _, ok := res.series[uid]; !ok {
			t.Fatalf("the shape of %s, which an override names, was forgotten", uid)
		}
	}

	cal, err := DecodeBytes([]byte(file), "shapes.ics", Options{Zone: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	rids := map[string]string{}
	for _, e := range cal.Events {
		if !e.RecurrenceID.IsZero() {
			rids[e.UID] = e.RecurrenceID.UTC().Format(time.RFC3339)
		}
	}
	// Berlin 10:00 in October is 08:00 UTC; the later series' occurrence
	// at 17:00 is the one at the override's own hour.
	if rids["moved@x"] != "2026-10-12T08:00:00Z" || rids["later@x"] != "2026-10-09T17:00:00Z" {
		t.Fatalf("RECURRENCE-IDs %v, want moved@x at 2026-10-12T08:00:00Z and later@x at 2026-10-09T17:00:00Z", rids)
	}
}
