package ics_test

import (
	"strings"
	"testing"

	"anteroom/calendar"
	"anteroom/calendar/ics"
)

// TestSensitivityMarksMakeItemsConfidential: CLASS:PRIVATE, an unknown
// CLASS and the private marks of Outlook, Apple Calendar Server and
// Oracle Calendar make an item confidential, whatever CLASS says beside
// them; marks that say "normal" leave CLASS to decide; an override without
// CLASS leaves its classification to its series.
func TestSensitivityMarksMakeItemsConfidential(t *testing.T) {
	conf, internal, public := calendar.ClassConfidential, calendar.ClassInternal, calendar.ClassPublic
	for _, c := range []struct {
		calProps, props string
		recurrence      bool
		want            calendar.Classification
	}{
		{props: "CLASS:PRIVATE", want: conf},
		{props: "CLASS:CONFIDENTIAL", want: conf},
		{props: "CLASS:X-SECRET", want: conf},
		{props: "CLASS:PUBLIC", want: public},
		{props: "", want: internal},
		{props: "X-MICROSOFT-CDO-SENSITIVITY:0", want: internal},
		{props: "X-MICROSOFT-CDO-SENSITIVITY:0\r\nCLASS:PUBLIC", want: public},
		{props: "X-MICROSOFT-CDO-SENSITIVITY:1", want: conf},
		{props: "X-MICROSOFT-CDO-SENSITIVITY:2\r\nCLASS:PUBLIC", want: conf},
		{props: "X-MICROSOFT-CDO-SENSITIVITY:3", want: conf},
		{props: "X-CALENDARSERVER-ACCESS:RESTRICTED\r\nCLASS:PUBLIC", want: conf},
		{props: "X-CALENDARSERVER-ACCESS:PUBLIC\r\nCLASS:PUBLIC", want: public},
		{calProps: "X-CALENDARSERVER-ACCESS:PRIVATE", props: "CLASS:PUBLIC", want: conf},
		{calProps: "X-CALENDARSERVER-ACCESS:CONFIDENTIAL", want: conf},
		{props: "X-ORACLE-CLASS:NORMAL\r\nCLASS:PUBLIC", want: public},
		{props: "X-ORACLE-CLASS:PERSONAL\r\nCLASS:PUBLIC", want: conf},
		{props: "X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nCLASS:PUBLIC", want: public}, // busy, not private
		{props: "", recurrence: true, want: ""},                                  // its series decides
		{props: "X-MICROSOFT-CDO-SENSITIVITY:2", recurrence: true, want: conf},
	} {
		var b strings.Builder
		b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n")
		if c.calProps != "" {
			b.WriteString(c.calProps + "\r\n")
		}
		b.WriteString("BEGIN:VEVENT\r\nUID:u@x\r\nDTSTAMP:20261101T080000Z\r\nDTSTART:20261123T090000Z\r\nDTEND:20261123T100000Z\r\nSUMMARY:s\r\n")
		if c.recurrence {
			b.WriteString("RECURRENCE-ID:20261122T090000Z\r\n")
		}
		if c.props != "" {
			b.WriteString(c.props + "\r\n")
		}
		b.WriteString("END:VEVENT\r\nEND:VCALENDAR\r\n")
		items, _, _, err := ics.ReadForImport(strings.NewReader(b.String()), "mark.ics", shanghai)
		if err != nil || len(items) != 1 {
			t.Fatalf("%q %q: %v, %d items", c.calProps, c.props, err, len(items))
		}
		if got := items[0].Engagement.Classification; got != c.want {
			t.Errorf("calendar %q, item %q (override %v): %q, want %q", c.calProps, c.props, c.recurrence, got, c.want)
		}
	}
}
