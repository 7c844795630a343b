package ics_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"anteroom/calendar/ics"
)

// TestPathologicalZones bounds the work per distinct zone name: many
// zones known only from the file, and many unknown ones.
func TestPathologicalZones(t *testing.T) {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "BEGIN:VTIMEZONE\r\nTZID:Z%d\r\nBEGIN:STANDARD\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0%d00\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:+0%d17\r\nRRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n", i, i%10, i%10)
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%d\r\nDTSTART;TZID=Z%d:%04d0301T090000\r\nEND:VEVENT\r\n", i, i, 1990+i%50)
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:u%d\r\nDTSTART;TZID=Unknown/Zone%d:20260301T090000\r\nEND:VEVENT\r\n", i, i)
	}
	b.WriteString("END:VCALENDAR\r\n")
	start := time.Now()
	cal, err := ics.Decode(strings.NewReader(b.String()), "zones.ics", ics.Options{Zone: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	limit := 5 * time.Second
	if raceEnabled {
		limit *= 10
	}
	if d := time.Since(start); d > limit || len(cal.Events) != 600 {
		t.Errorf("%d events in %v", len(cal.Events), d)
	} else {
		t.Logf("600 events in 600 zones: %v", d)
	}
}
