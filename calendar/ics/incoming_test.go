package ics_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/ics"
)

const inviteFile = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\n" +
	"BEGIN:VEVENT\r\nUID:s@x\r\nDTSTAMP:20261101T080000Z\r\nSEQUENCE:2\r\n" +
	"DTSTART;TZID=China Standard Time:20261123T090000\r\nDURATION:PT1H\r\n" +
	"RRULE:FREQ=WEEKLY;COUNT=3\r\nEXDATE;TZID=Asia/Shanghai:20261130T090000\r\n" +
	"SUMMARY:周一例会\\, 第一会议室\r\nCLASS:CONFIDENTIAL\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nUID:s@x\r\nRECURRENCE-ID;TZID=Asia/Shanghai:20261207T090000\r\n" +
	"DTSTART;TZID=Asia/Shanghai:20261207T150000\r\nSUMMARY:改到下午\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nUID:f@x\r\nDTSTART:20261124T100000\r\nDTEND:20261124T110000\r\nEND:VEVENT\r\n" +
	"BEGIN:VTODO\r\nSUMMARY:准备材料\r\nDUE;VALUE=DATE:20261125\r\nPRIORITY:2\r\nEND:VTODO\r\n" +
	"BEGIN:VFREEBUSY\r\nUID:fb@x\r\nEND:VFREEBUSY\r\n" +
	"END:VCALENDAR\r\n"

func TestReadForImportMapsWhatTheFileSays(t *testing.T) {
	items, todos, notes, err := ics.ReadForImport(strings.NewReader(inviteFile), "invite.ics", shanghai)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 || len(todos) != 1 || len(notes) != 1 {
		t.Fatalf("%d items, %d todos, %d notes", len(items), len(todos), len(notes))
	}
	s, o, f := items[0], items[1], items[2]
	at := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, shanghai) }
	if e := s.Engagement; e.UID != "s@x" || e.Title != "周一例会, 第一会议室" || !e.Start.Equal(at(23, 9)) || !e.End.Equal(at(23, 10)) ||
		e.ZoneName != "Asia/Shanghai" || e.Classification != calendar.ClassConfidential || e.Sequence != 2 ||
		e.RRule != "FREQ=WEEKLY;COUNT=3" || len(e.ExDates) != 1 || !e.ExDates[0].Equal(at(30, 9)) || e.Source != calendar.SourceImported {
		t.Errorf("series: %+v", e)
	}
	if s.Method != "REQUEST" || s.Line != 5 || !s.DTStamp.Equal(time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("series metadata: %q line %d %v", s.Method, s.Line, s.DTStamp)
	}
	if e := o.Engagement; !e.RecurrenceID.Equal(time.Date(2026, 12, 7, 9, 0, 0, 0, shanghai)) || e.Title != "改到下午" {
		t.Errorf("override: %+v", e)
	}
	// No DTEND: a moment, booked for a quarter of an hour. A floating
	// time, read in the leader's zone. No CLASS: internal.
	if e := f.Engagement; e.Title != ics.UntitledTitle || e.Classification != calendar.ClassInternal || e.ZoneName != "Asia/Shanghai" ||
		!e.Start.Equal(at(24, 10)) {
		t.Errorf("floating item: %+v", e)
	}
	codes := map[string]bool{}
	for _, w := range f.Warnings {
		codes[w.Code] = true
		if w.English == "" || w.Line == 0 || strings.Contains(w.Text(), "{{") {
			t.Errorf("warning without its English or line: %+v %q", w, w.Text())
		}
	}
	if !codes["import.title_missing"] || !codes["import.zone_floating"] {
		t.Errorf("warnings %v", codes)
	}
	if o.Engagement.End.Sub(o.Engagement.Start) != 15*time.Minute || len(o.Warnings) == 0 || o.Warnings[0].Code != "import.no_length" {
		t.Errorf("moment: %v–%v, %+v", o.Engagement.Start, o.Engagement.End, o.Warnings)
	}
	if td := todos[0]; td.Title != "准备材料" || td.Priority != 2 || td.UID == "" || !td.Due.Equal(time.Date(2026, 11, 25, 0, 0, 0, 0, shanghai)) {
		t.Errorf("todo %+v", td)
	}
	if notes[0].Code != "import.skipped_freebusy" || notes[0].Line == 0 {
		t.Errorf("note %+v", notes[0])
	}
	// Reading again gives the same to-do UID: a re-import finds it.
	_, again, _, _ := ics.ReadForImport(strings.NewReader(inviteFile), "invite.ics", shanghai)
	if again[0].UID != todos[0].UID {
		t.Errorf("derived to-do UID unstable: %s, %s", todos[0].UID, again[0].UID)
	}
}

func TestReadForImportStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, _, err := ics.ReadForImportContext(ctx, strings.NewReader(inviteFile), "x.ics", shanghai)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled before: %v", err)
	}
	// Cancelled while the file is read.
	var b bytes.Buffer
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n")
	for i := 0; i < 5000; i++ {
		b.WriteString("BEGIN:VEVENT\r\nUID:" + strings.Repeat("u", 8) + string(rune('a'+i%26)) + "\r\nDTSTART:20261123T090000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	ctx, cancel = context.WithCancel(context.Background())
	r := &cancelAfter{r: bytes.NewReader(b.Bytes()), cancel: cancel}
	if _, _, _, err := ics.ReadForImportContext(ctx, r, "big.ics", shanghai); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled midway: %v", err)
	}
}

// cancelAfter cancels its context once everything has been read.
type cancelAfter struct {
	r      *bytes.Reader
	cancel context.CancelFunc
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if err != nil {
		c.cancel()
	}
	return n, err
}

func TestReadForImportNamesFileAndLine(t *testing.T) {
	bad := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:2026112\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	_, _, _, err := ics.ReadForImport(strings.NewReader(bad), "bad.ics", shanghai)
	var pe *ics.ParseError
	if !errors.As(err, &pe) || pe.File != "bad.ics" || pe.Line != 4 {
		t.Fatalf("%v", err)
	}
}

// TestReadForImportFromAFileKeepsNothingOfIt reads files the way the
// command line does (mapped, on Unix) and then uses everything read, and
// reads again through the zone cache: nothing may point into the file.
func TestReadForImportFromAFileKeepsNothingOfIt(t *testing.T) {
	dir := t.TempDir()
	file := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nMETHOD:PUBLISH\r\n" +
		"BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\nBEGIN:STANDARD\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0400\r\n" +
		"TZOFFSETTO:-0500\r\nTZNAME:CUST\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\n" +
		"DTSTART:16010101T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:CUSTD\r\nRRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\n" +
		"END:DAYLIGHT\r\nEND:VTIMEZONE\r\n" +
		"BEGIN:VEVENT\r\nUID:a@x\r\nDTSTART;TZID=Customized Time Zone:20261123T090000\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n" +
		"SUMMARY:Call\r\nLOCATION:Room\r\nX-UNKNOWN;FOO=\"bar\":baz\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:b@x\r\nDTSTART;TZID=Europe/Berlin:20261124T090000\r\nDTEND;TZID=Nowhere/Else:20261124T100000\r\nSUMMARY:Berlin\r\nEND:VEVENT\r\n" +
		"BEGIN:VTODO\r\nSUMMARY:Todo\r\nEND:VTODO\r\nBEGIN:VJOURNAL\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n"
	var all []string
	for i := range 2 {
		path := filepath.Join(dir, fmt.Sprintf("f%d.ics", i))
		if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		items, todos, notes, err := ics.ReadForImport(f, path, shanghai)
		f.Close()
		if err != nil || len(items) != 2 {
			t.Fatalf("%d items, %v", len(items), err)
		}
		all = append(all, fmt.Sprint(items, todos, notes))
		for _, it := range items {
			for _, w := range it.Warnings {
				all = append(all, w.String())
			}
			all = append(all, it.Engagement.Start.String(), it.Engagement.End.Format(time.RFC1123Z))
		}
	}
	// A broken file's error, read from a file, is whole too.
	bad := filepath.Join(dir, "bad.ics")
	if err := os.WriteFile(bad, []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;X=\"q:20261123\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(bad)
	defer f.Close()
	if _, _, _, err := ics.ReadForImport(f, bad, shanghai); err == nil {
		t.Fatal("no error")
	} else {
		all = append(all, err.Error(), fmt.Sprint(err.(*ics.ParseError).Params))
	}
	if len(strings.Join(all, "")) == 0 {
		t.Fatal("nothing read")
	}
}
