package ics_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/ics"
)

// decodeCorpus reads one corpus file with the leader in Shanghai.
func decodeCorpus(t *testing.T, file string) *ics.Calendar {
	t.Helper()
	cal, err := ics.DecodeFile(filepath.Join(corpusDir(t), file), ics.Options{Zone: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

// eventAt returns the event that begins on line.
func eventAt(t *testing.T, cal *ics.Calendar, line int) ics.Event {
	t.Helper()
	for _, e := range cal.Events {
		if e.Line == line {
			return e
		}
	}
	t.Fatalf("%s: no event on line %d", cal.File, line)
	return ics.Event{}
}

// utc parses an RFC 3339 instant.
func utc(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func sameInstant(t *testing.T, what string, got time.Time, want string) {
	t.Helper()
	if w := utc(t, want); !got.Equal(w) {
		t.Errorf("%s = %s, want %s", what, got.UTC().Format(time.RFC3339), w.UTC().Format(time.RFC3339))
	}
}

func hasWarning(e ics.Event, code string) bool {
	for _, w := range e.Warnings {
		if w.Code == code {
			return true
		}
	}
	return false
}

// TestCorpusInstants checks instants and texts of chosen corpus files
// against what their producers meant.
func TestCorpusInstants(t *testing.T) {
	t.Run("Outlook with a Windows zone", func(t *testing.T) {
		// DTSTART;TZID="W. Europe Standard Time":20211219T130000, TAB folding.
		e := eventAt(t, decodeCorpus(t, "golang-ical/outlook.ics"), 21)
		sameInstant(t, "start", e.Start, "2021-12-19T12:00:00Z")
		sameInstant(t, "end", e.End, "2021-12-19T12:30:00Z")
		if e.ZoneName != "Europe/Berlin" || e.Summary != "Testeintrag" || len(e.Warnings) > 0 {
			t.Errorf("zone %q summary %q warnings %v", e.ZoneName, e.Summary, e.Warnings)
		}
	})
	t.Run("Exchange Windows zones, a value inside the TZID quotes, EXDATE list", func(t *testing.T) {
		cal := decodeCorpus(t, "node-ical/ms_timezones.ics")
		e := eventAt(t, cal, 145) // DTSTART;TZID="W. Europe Standard Time:20200609T090000"
		sameInstant(t, "start", e.Start, "2020-06-09T07:00:00Z")
		if !hasWarning(e, "import.value_in_quotes") {
			t.Errorf("no warning for the value in quotes: %v", e.Warnings)
		}
		if e.RRule != "FREQ=WEEKLY;UNTIL=20210309T080000Z;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR,SA;WKST=MO" {
			t.Errorf("rrule %q", e.RRule)
		}
		p := eventAt(t, cal, 192) // Pacific Standard Time, six EXDATEs
		sameInstant(t, "start", p.Start, "2020-07-07T19:00:00Z")
		if p.ZoneName != "America/Los_Angeles" || len(p.ExDates) != 6 {
			t.Fatalf("zone %q exdates %v", p.ZoneName, p.ExDates)
		}
		sameInstant(t, "last EXDATE", p.ExDates[5], "2020-09-03T19:00:00Z")
	})
	t.Run("zone defined only by the file's VTIMEZONE", func(t *testing.T) {
		// "Customized Time Zone": a 1601 VTIMEZONE with US Eastern rules.
		e := eventAt(t, decodeCorpus(t, "node-ical/bad_ms_tz.ics"), 21)
		sameInstant(t, "start", e.Start, "2020-08-25T14:35:00Z")
		if e.ZoneName != "America/New_York" {
			t.Errorf("zone %q, want the IANA zone with the same rules", e.ZoneName)
		}
		// A zone no IANA zone matches: Nowhere/Middle at -07:41 (kept as the file says).
		n := eventAt(t, decodeCorpus(t, "ical.js/timezone_from_file.ics"), 12)
		if _, off := n.Start.Zone(); off != -(7*3600 + 41*60) {
			t.Errorf("offset %d, want -07:41", off)
		}
		if !hasWarning(n, "import.zone_file_only") {
			t.Errorf("no warning for a zone known only from the file: %v", n.Warnings)
		}
		// TZID " 1", defined after the event that uses it.
		f := eventAt(t, decodeCorpus(t, "node-ical/test_with_int_tzid.ics"), 2)
		sameInstant(t, "start", f.Start, "2023-12-15T14:00:00Z")
	})
	t.Run("folded Chinese text", func(t *testing.T) {
		cal := decodeCorpus(t, "holiday-cn/2025.ics")
		e := eventAt(t, cal, 79)
		if e.Summary != "国庆节、中秋节假期" || !e.AllDay {
			t.Errorf("summary %q all-day %v", e.Summary, e.AllDay)
		}
		if e.StartDay != calendar.NewDate(2025, 10, 1) || e.EndDay != calendar.NewDate(2025, 10, 9) {
			t.Errorf("days %s–%s", e.StartDay, e.EndDay)
		}
		// X-WR-CALDESC is folded between two Chinese characters.
		if want := "中国法定节假日数据，自动每日抓取国务院公告。"; cal.XWRCalDesc != want || cal.XWRCalName != "中国法定节假日" {
			t.Errorf("calendar description %q name %q", cal.XWRCalDesc, cal.XWRCalName)
		}
		// A fold inside a UTF-8 sequence (C2 | A0) joins again.
		b := decodeCorpus(t, "ruby-icalendar/bad_wrapping.ics").Events[0]
		if want := "Event description that puts a UTF-8 multi-octet sequence right\u00a0here."; b.Description != want {
			t.Errorf("description %q, want %q", b.Description, want)
		}
	})
	t.Run("recurring series with overrides, RDATE and EXDATE lists", func(t *testing.T) {
		cal := decodeCorpus(t, "node-ical/example-rrule.ics")
		series := eventAt(t, cal, 9)
		if series.RRule != "FREQ=WEEKLY;UNTIL=20170814T045959Z;BYDAY=TH;WKST=SU" || len(series.ExDates) != 4 {
			t.Fatalf("rrule %q exdates %v", series.RRule, series.ExDates)
		}
		sameInstant(t, "start", series.Start, "2017-06-01T14:00:00Z")
		sameInstant(t, "EXDATE from a folded list", series.ExDates[3], "2017-08-03T14:00:00Z")
		moved := eventAt(t, cal, 21)
		if moved.UID != series.UID {
			t.Errorf("override UID %q, series %q", moved.UID, series.UID)
		}
		sameInstant(t, "RECURRENCE-ID", moved.RecurrenceID, "2017-06-29T14:00:00Z")
		sameInstant(t, "moved start", moved.Start, "2017-07-03T14:00:00Z")

		z := decodeCorpus(t, "ical.js/recur_instances.ics")
		m := eventAt(t, z, 24)
		if len(m.RDates) != 5 || len(m.ExDates) == 0 {
			t.Errorf("rdates %v exdates %v", m.RDates, m.ExDates)
		}
		o := eventAt(t, z, 79)
		sameInstant(t, "RECURRENCE-ID in UTC", o.RecurrenceID, "2012-11-05T18:00:00Z")
	})
	t.Run("CANCEL after REQUEST", func(t *testing.T) {
		cal := decodeCorpus(t, "libical/incoming.ics")
		req := eventAt(t, cal, 31)
		cancel := eventAt(t, cal, 207)
		if req.Method != "REQUEST" || req.Status != calendar.StatusConfirmed || req.Sequence != 2 {
			t.Errorf("request: method %q status %q sequence %d", req.Method, req.Status, req.Sequence)
		}
		sameInstant(t, "request start", req.Start, "1997-07-01T20:00:00Z")
		if cancel.Method != "CANCEL" || cancel.Status != calendar.StatusCancelled || cancel.UID != req.UID {
			t.Errorf("cancel: method %q status %q uid %q", cancel.Method, cancel.Status, cancel.UID)
		}
		if !cancel.Start.IsZero() {
			t.Errorf("a CANCEL without DTSTART has start %v", cancel.Start)
		}
		// The DTEND with a five-digit time is dropped with a warning; the item stays.
		first := eventAt(t, cal, 7)
		if !first.End.Equal(first.Start) || !hasWarning(first, "import.value_ignored") {
			t.Errorf("end %v warnings %v", first.End, first.Warnings)
		}
	})
	t.Run("DURATION across a DST change", func(t *testing.T) {
		// DURATION:P1D from 2012-06-30 06:00 Los Angeles: one nominal day.
		e := eventAt(t, decodeCorpus(t, "ical.js/duration_instead_of_dtend.ics"), 25)
		if got := e.End.Sub(e.Start); got != 24*time.Hour {
			t.Errorf("duration %v", got)
		}
	})
	t.Run("all-day with an UNTIL date-time (Exchange)", func(t *testing.T) {
		e := decodeCorpus(t, "node-ical/exchange_whole_day_moved_recurrence.ics").Events[0]
		if !e.AllDay || !strings.Contains(e.RRule, "UNTIL=20260818;") && !strings.HasSuffix(e.RRule, "UNTIL=20260818") {
			t.Errorf("all-day %v rrule %q", e.AllDay, e.RRule)
		}
	})
	t.Run("Sixt: ORGANIZER without value, VFREEBUSY skipped", func(t *testing.T) {
		cal := decodeCorpus(t, "python-icalendar/issue_348_exception_parsing_value.ics")
		if len(cal.Events) != 1 || len(cal.Skipped) != 1 || cal.Skipped[0].Component != "VFREEBUSY" {
			t.Errorf("events %d skipped %v", len(cal.Events), cal.Skipped)
		}
	})
	t.Run("Latin-1", func(t *testing.T) {
		cal := decodeCorpus(t, "thunderbird-comm-central/importLatin1.ics")
		if cal.Charset != ics.CharsetLatin1 || eventAt(t, cal, 19).Summary != "Event Två" {
			t.Errorf("charset %s summary %q", cal.Charset, eventAt(t, cal, 19).Summary)
		}
	})
}
