package ics_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"anteroom/calendar"
	"anteroom/calendar/ics"
)

// seedFuzz adds every corpus file and the decoder's table tests as seeds.
func seedFuzz(f *testing.F) {
	if dir := fuzzCorpusDir(); dir != "" {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".ics") {
				if data, err := os.ReadFile(path); err == nil {
					f.Add(data)
				}
			}
			return nil
		})
	}
	for _, c := range decodeCases {
		f.Add([]byte(c.src))
	}
}

// FuzzDecode feeds the reader every corpus file, the table tests' sources
// and the seeds under testdata/fuzz/FuzzDecode, mutated. Whatever the
// bytes, Decode must not panic, must fail only with a *ParseError that
// names the file and a line of it, and what it reads must survive
// Encode and Decode again unchanged.
func FuzzDecode(f *testing.F) {
	seedFuzz(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		cal, err := ics.Decode(bytes.NewReader(data), "fuzz.ics", ics.Options{Zone: shanghai})
		if err != nil {
			var pe *ics.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T: %v", err, err)
			}
			if errors.Is(err, ics.ErrInternal) {
				t.Fatalf("%v\n%s", err, pe.Stack)
			}
			if pe.File != "fuzz.ics" || pe.Line < 0 || pe.Line > bytes.Count(data, []byte{'\n'})+bytes.Count(data, []byte{'\r'})+1 || pe.Key == "" {
				t.Fatalf("bad error %+v", pe)
			}
			return
		}
		checkCalendar(t, cal)
		roundTrip(t, cal)
	})
}

// fuzzCorpusDir finds the corpus without failing the fuzz target when it
// is absent.
func fuzzCorpusDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			corpus := filepath.Join(dir, "..", "shared", "ics-corpus")
			if _, err := os.Stat(corpus); err == nil {
				return corpus
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// checkCalendar checks what every decoded calendar must satisfy.
func checkCalendar(t *testing.T, cal *ics.Calendar) {
	t.Helper()
	for _, e := range cal.Events {
		for _, s := range []string{e.UID, e.Summary, e.Location, e.Description, e.RRule, e.ZoneName} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q", s)
			}
		}
		if e.UID == "" {
			t.Fatal("event without UID")
		}
		if e.AllDay && !e.StartDay.Before(e.EndDay) {
			t.Fatalf("all-day %s–%s", e.StartDay, e.EndDay)
		}
		if !e.AllDay && e.End.Before(e.Start) {
			t.Fatalf("end %v before start %v", e.End, e.Start)
		}
		for _, w := range e.Warnings {
			if w.Code == "" || w.Message() == w.Code {
				t.Fatalf("warning without a message: %+v", w)
			}
		}
	}
}

// exportOf turns a decoded event back into an export item.
func exportOf(e ics.Event) ics.ExportEvent {
	return ics.ExportEvent{UID: e.UID, Sequence: e.Sequence, RecurrenceID: e.RecurrenceID, Summary: e.Summary, Location: e.Location,
		Description: e.Description, Start: e.Start, End: e.End, ZoneName: e.ZoneName, AllDay: e.AllDay, StartDay: e.StartDay,
		EndDay: e.EndDay, Status: e.Status, Class: e.Class, Transparent: e.Transparent, RRule: e.RRule, RDates: e.RDates,
		ExDates: e.ExDates, Organizer: e.Organizer, Attendees: e.Attendees}
}

// roundTrip encodes what was decoded, decodes it again and compares.
func roundTrip(t *testing.T, cal *ics.Calendar) {
	t.Helper()
	var items []ics.ExportEvent
	var kept []ics.Event
	for _, e := range cal.Events {
		if e.Start.IsZero() || e.Start.Year() < 1 || e.End.Year() > 9999 {
			continue // a CANCEL by UID alone; years a DATE-TIME cannot hold
		}
		items = append(items, exportOf(e))
		kept = append(kept, e)
	}
	if len(items) == 0 {
		return
	}
	var buf bytes.Buffer
	if err := ics.Encode(&buf, ics.ExportCalendar{Events: items}); err != nil {
		t.Fatal(err)
	}
	again, err := ics.Decode(&buf, "again.ics", ics.Options{Zone: shanghai})
	if err != nil {
		t.Fatalf("re-reading the export: %v\n%s", err, buf.String())
	}
	if len(again.Events) != len(kept) {
		t.Fatalf("%d events, then %d", len(kept), len(again.Events))
	}
	for i, want := range kept {
		got := again.Events[i]
		if got.UID != want.UID || got.Summary != want.Summary || got.Location != want.Location || got.Description != want.Description ||
			got.RRule != want.RRule || got.AllDay != want.AllDay || got.Sequence != want.Sequence || got.Class != want.Class {
			t.Fatalf("changed in the round trip:\n%+v\n%+v\n%s", want, got, buf.String())
		}
		if want.AllDay {
			if got.StartDay != want.StartDay || got.EndDay != want.EndDay {
				t.Fatalf("days %s–%s, then %s–%s", want.StartDay, want.EndDay, got.StartDay, got.EndDay)
			}
		} else if !got.Start.Equal(want.Start) || !got.End.Equal(want.End) {
			t.Fatalf("times %v–%v, then %v–%v\n%s", want.Start, want.End, got.Start, got.End, buf.String())
		}
		if len(got.RDates) != len(want.RDates) || len(got.ExDates) != len(want.ExDates) {
			t.Fatalf("recurrence dates changed: %v %v, then %v %v", want.RDates, want.ExDates, got.RDates, got.ExDates)
		}
		if !sameMoment(want.AllDay, got.RecurrenceID, want.RecurrenceID) {
			t.Fatalf("RECURRENCE-ID %v, then %v", want.RecurrenceID, got.RecurrenceID)
		}
	}
}

// sameMoment compares two times as instants, or as dates for all-day items.
func sameMoment(allDay bool, a, b time.Time) bool {
	if allDay {
		return a.IsZero() == b.IsZero() && calendar.DateOf(a) == calendar.DateOf(b)
	}
	return a.Equal(b)
}
