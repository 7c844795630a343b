package ics

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"anteroom/calendar/imports"
)

// TestConverterKeepsABoundedShareOfStrings reads a file whose every event
// has a description of its own: the converter shares the strings items
// repeat, and must not keep every one it met (a streamed import holds no
// items, so they would be all it holds).
func TestConverterKeepsABoundedShareOfStrings(t *testing.T) {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n")
	const n = 3 * internedAtMost
	for i := range n {
		b.WriteString("BEGIN:VEVENT\r\nUID:u" + strconv.Itoa(i) + "\r\nDTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\n")
		b.WriteString("SUMMARY:s\r\nLOCATION:room 1\r\nDESCRIPTION:notes " + strconv.Itoa(i) + "\r\nEND:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	c := newConverter(time.UTC)
	var got []imports.Incoming
	conv := c.startConverting(func(in imports.Incoming) { got = append(got, in) }, "many.ics", false)
	if _, err := DecodeEach(strings.NewReader(b.String()), "many.ics", Options{Zone: time.UTC}, func(e *Event) error {
		conv.add(e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := conv.finish(); err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("%d items, want %d", len(got), n)
	}
	if len(c.names) > internedAtMost {
		t.Fatalf("the converter keeps %d strings for sharing, want at most %d", len(c.names), internedAtMost)
	}
	for i, in := range got {
		if want := "notes " + strconv.Itoa(i); in.Engagement.Notes != want || in.Engagement.Location != "room 1" {
			t.Fatalf("item %d: notes %q, location %q; want %q, room 1", i, in.Engagement.Notes, in.Engagement.Location, want)
		}
	}
}
