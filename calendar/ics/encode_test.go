package ics_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"anteroom/calendar"
	"anteroom/calendar/ics"
)

var exportStamp = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

// exportSample is a week of items that exercise the writer: zones with
// and without DST, all-day items, recurrences with exceptions, overrides,
// Chinese and long texts, text that needs escaping, people.
func exportSample() []ics.ExportEvent {
	ny, berlin, sydney := mustZone("America/New_York"), mustZone("Europe/Berlin"), mustZone("Australia/Sydney")
	at := func(loc *time.Location, d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, loc) }
	return []ics.ExportEvent{
		{UID: "weekly@anteroom", Sequence: 2, Summary: "周一例会, 第一会议室", Location: "第一会议室; 三楼",
			Description: "各部门汇报本周重点工作\n请提前十分钟到场\\准时开始", Start: at(shanghai, 23, 8, 30), End: at(shanghai, 23, 9, 30),
			ZoneName: "Asia/Shanghai", Status: calendar.StatusConfirmed, Class: calendar.ClassInternal,
			RRule: "FREQ=WEEKLY;UNTIL=20270101T000000Z;BYDAY=MO", ExDates: []time.Time{at(shanghai, 30, 8, 30)},
			RDates:  []time.Time{at(shanghai, 25, 14, 0)},
			Created: time.Date(2026, 1, 5, 3, 0, 0, 0, time.UTC), LastModified: time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC)},
		{UID: "weekly@anteroom", Sequence: 3, Summary: "周一例会（改期）", RecurrenceID: at(shanghai, 23, 8, 30),
			Start: at(shanghai, 24, 8, 30), End: at(shanghai, 24, 9, 30), ZoneName: "Asia/Shanghai", Class: calendar.ClassInternal},
		{UID: "visit@anteroom", Summary: strings.Repeat("会见华东电力公司总经理一行并商谈新能源项目合作事宜，", 6), Location: "第二接待室",
			Start: at(ny, 2, 1, 30), End: at(ny, 2, 3, 0), ZoneName: "America/New_York", Class: calendar.ClassPublic, Status: calendar.StatusTentative,
			Organizer: ics.Party{Name: "王秘书 \"办公室\"", Address: "wang@example.cn"},
			Attendees: []ics.Party{{Name: "Li, Director", Address: "li@example.cn", Role: "REQ-PARTICIPANT", Status: "ACCEPTED"}}},
		{UID: "trip@anteroom", Summary: "赴省城出差：全省经济工作会议", AllDay: true, StartDay: calendar.NewDate(2026, 11, 25),
			EndDay: calendar.NewDate(2026, 11, 27), Class: calendar.ClassConfidential},
		{UID: "holiday@anteroom", Summary: "植树节", AllDay: true, StartDay: calendar.NewDate(2026, 3, 12), EndDay: calendar.NewDate(2026, 3, 13),
			RRule: "FREQ=YEARLY;UNTIL=20300312", ExDates: []time.Time{calendar.NewDate(2027, 3, 12).In(shanghai)}, Class: calendar.ClassPublic},
		{UID: "berlin@anteroom", Summary: "Videokonferenz", Start: at(berlin, 1, 2, 30), End: at(berlin, 1, 3, 30), ZoneName: "Europe/Berlin",
			Status: calendar.StatusCancelled, Transparent: true},
		{UID: "sydney@anteroom", Summary: "Call", Start: at(sydney, 3, 9, 0), End: at(sydney, 3, 9, 45), ZoneName: "Australia/Sydney"},
		{UID: "utc@anteroom", Summary: "UTC", Start: at(time.UTC, 4, 9, 0), End: at(time.UTC, 4, 9, 45), ZoneName: "UTC"},
		{UID: "unknown-zone@anteroom", Summary: "zone unknown to the writer", Start: at(shanghai, 5, 9, 0), End: at(shanghai, 5, 10, 0), ZoneName: "Nowhere/Else"},
	}
}

func encode(t *testing.T, cal ics.ExportCalendar) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := ics.Encode(&buf, cal); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestEncodeRoundTrip: what Encode writes, Decode reads back with the same
// instants, days, texts and identity.
func TestEncodeRoundTrip(t *testing.T) {
	in := exportSample()
	data := encode(t, ics.ExportCalendar{Name: "局长日程 2026-W48", Stamp: exportStamp, Events: in})
	cal, err := ics.DecodeBytes(data, "export.ics", ics.Options{Zone: shanghai})
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if len(cal.Events) != len(in) || cal.Method != "PUBLISH" || cal.XWRCalName != "局长日程 2026-W48" || cal.ProdID != ics.ProdID {
		t.Fatalf("%d events, method %q, name %q, prodid %q", len(cal.Events), cal.Method, cal.XWRCalName, cal.ProdID)
	}
	for i, want := range in {
		got := cal.Events[i]
		if want.Class == calendar.ClassInternal {
			// Internal goes out as CLASS:PRIVATE, which reads back as
			// confidential: never less strict than it left.
			want.Class = calendar.ClassConfidential
		}
		if len(got.Warnings) > 0 {
			t.Errorf("%s: warnings %v", want.UID, got.Warnings)
		}
		if got.UID != want.UID || got.Sequence != want.Sequence || got.Summary != want.Summary || got.Location != want.Location ||
			got.Description != want.Description || got.Class != want.Class || got.Transparent != want.Transparent ||
			got.RRule != want.RRule || !got.DTStamp.Equal(exportStamp) {
			t.Errorf("%s: got %+v\nwant %+v", want.UID, got, want)
		}
		if want.Status != "" && got.Status != want.Status {
			t.Errorf("%s: status %q", want.UID, got.Status)
		}
		if want.AllDay {
			if !got.AllDay || got.StartDay != want.StartDay || got.EndDay != want.EndDay {
				t.Errorf("%s: days %s–%s", want.UID, got.StartDay, got.EndDay)
			}
		} else if !got.Start.Equal(want.Start) || !got.End.Equal(want.End) || !got.RecurrenceID.Equal(want.RecurrenceID) {
			t.Errorf("%s: %v–%v (rid %v), want %v–%v", want.UID, got.Start, got.End, got.RecurrenceID, want.Start, want.End)
		}
		if want.ZoneName != "" && want.ZoneName != "Nowhere/Else" && got.ZoneName != want.ZoneName {
			t.Errorf("%s: zone %q, want %q", want.UID, got.ZoneName, want.ZoneName)
		}
		if len(got.RDates) != len(want.RDates) || len(got.ExDates) != len(want.ExDates) {
			t.Errorf("%s: rdates %v exdates %v", want.UID, got.RDates, got.ExDates)
			continue
		}
		for j := range want.ExDates {
			if !got.ExDates[j].Equal(want.ExDates[j]) {
				t.Errorf("%s: EXDATE %v, want %v", want.UID, got.ExDates[j], want.ExDates[j])
			}
		}
		for j := range want.RDates {
			if !got.RDates[j].Equal(want.RDates[j]) {
				t.Errorf("%s: RDATE %v, want %v", want.UID, got.RDates[j], want.RDates[j])
			}
		}
		if len(got.Attendees) != len(want.Attendees) || got.Organizer != want.Organizer {
			t.Errorf("%s: organizer %+v attendees %+v", want.UID, got.Organizer, got.Attendees)
		}
	}
}

// TestEncodeIsValid checks the form of the output: CRLF everywhere, lines
// of at most 75 octets, the required calendar and event properties, one
// VTIMEZONE per zone used, METHOD:PUBLISH.
func TestEncodeIsValid(t *testing.T) {
	data := string(encode(t, ics.ExportCalendar{Stamp: exportStamp, Events: exportSample()}))
	if strings.Contains(strings.ReplaceAll(data, "\r\n", ""), "\n") || !strings.HasSuffix(data, "END:VCALENDAR\r\n") {
		t.Error("a line does not end in CRLF")
	}
	for _, l := range strings.Split(data, "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
	}
	for _, want := range []string{"VERSION:2.0\r\n", "PRODID:" + ics.ProdID + "\r\n", "METHOD:PUBLISH\r\n", "CALSCALE:GREGORIAN\r\n",
		"TZID:America/New_York\r\n", "TZID:Asia/Shanghai\r\n", "TZID:Europe/Berlin\r\n", "TZID:Australia/Sydney\r\n"} {
		if !strings.Contains(data, want) {
			t.Errorf("missing %q", want)
		}
	}
	if n := strings.Count(data, "BEGIN:VTIMEZONE"); n != 4 {
		t.Errorf("%d VTIMEZONEs, want 4", n)
	}
	if n, m := strings.Count(data, "BEGIN:VEVENT"), strings.Count(data, "DTSTAMP:20261120T090000Z"); n != len(exportSample()) || m != n {
		t.Errorf("%d events, %d DTSTAMPs", n, m)
	}
	if strings.Contains(data, "METHOD:REQUEST") {
		t.Error("an export must not be an invitation")
	}
}

// TestEncodeReadByGoICAL reads the export with go-ical, an independent
// parser: every event's start, in its IANA zone, and every title agree.
func TestEncodeReadByGoICAL(t *testing.T) {
	in := exportSample()
	data := encode(t, ics.ExportCalendar{Stamp: exportStamp, Events: in})
	cal, err := goical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if len(events) != len(in) {
		t.Fatalf("go-ical reads %d events", len(events))
	}
	for i, e := range events {
		start, err := e.DateTimeStart(time.UTC)
		if err != nil {
			t.Errorf("%s: %v", in[i].UID, err)
			continue
		}
		want := in[i].Start
		if in[i].AllDay {
			want = in[i].StartDay.In(time.UTC)
		}
		if !start.Equal(want) {
			t.Errorf("%s: go-ical reads %v, want %v", in[i].UID, start, want)
		}
		if p := e.Props.Get(goical.PropSummary); p == nil || !strings.Contains(in[i].Summary, ",") && mustText(t, p) != in[i].Summary {
			t.Errorf("%s: summary %v", in[i].UID, p)
		}
	}
}

func mustText(t *testing.T, p *goical.Prop) string {
	t.Helper()
	s, err := p.Text()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestEncodeRedacts(t *testing.T) {
	data := string(encode(t, ics.ExportCalendar{Stamp: exportStamp, Privacy: ics.PrivacyBusy, Events: exportSample()}))
	for _, secret := range []string{"例会", "第一会议室", "wang@example.cn", "各部门", "赴省城"} {
		if strings.Contains(data, secret) {
			t.Errorf("a busy export shows %q", secret)
		}
	}
	if n := strings.Count(data, "SUMMARY:"+ics.BusyTitle); n != len(exportSample()) {
		t.Errorf("%d items titled busy", n)
	}
	limited := string(encode(t, ics.ExportCalendar{Stamp: exportStamp, Privacy: ics.PrivacyLimited, Events: exportSample()}))
	if !strings.Contains(limited, "第二接待室") || strings.Contains(limited, "各部门") || strings.Contains(limited, "赴省城") || strings.Contains(limited, "ATTENDEE") {
		t.Error("a limited export shows the wrong parts")
	}
}

func TestEncodeRequiresUID(t *testing.T) {
	var buf bytes.Buffer
	if err := ics.Encode(&buf, ics.ExportCalendar{Events: []ics.ExportEvent{{Summary: "x"}}}); err == nil {
		t.Error("an item without UID was written")
	}
}

// TestEncodeIsGoICALFolded: the file is go-ical's encoding of the export
// model, the same a CalDAV client sends, folded at 75 octets and nothing
// else.
func TestEncodeIsGoICALFolded(t *testing.T) {
	cal := ics.ExportCalendar{Stamp: exportStamp, Events: exportSample(), Name: "张书记的日程; 测试, 长名字" + strings.Repeat("很长", 40)}
	model, err := ics.ExportModel(cal)
	if err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	if err := goical.NewEncoder(&plain).Encode(model); err != nil {
		t.Fatal(err)
	}
	folded := string(encode(t, cal))
	if unfolded := strings.ReplaceAll(folded, "\r\n ", ""); unfolded != plain.String() {
		t.Fatalf("Encode differs from go-ical's encoding once unfolded:\n%s\nwant:\n%s", unfolded, plain.String())
	}
	if folded == plain.String() {
		t.Fatal("nothing was folded, though the name is long")
	}
}
