package ics_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/ics"
)

func TestExportEngagementsWritesSeriesAsSeries(t *testing.T) {
	leader := calendar.Leader{ID: 1, Name: "张书记", ZoneName: "Asia/Shanghai"}
	at := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, shanghai).UTC() } // as stored
	midnight := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, shanghai).UTC() }
	series := calendar.Engagement{ID: 1, UID: "s@anteroom", LeaderID: 1, Title: "周一例会", Start: at(23, 9), End: at(23, 10),
		ZoneName: "Asia/Shanghai", RRule: "FREQ=WEEKLY;COUNT=4", ExDates: []time.Time{at(30, 9)},
		Status: calendar.StatusConfirmed, Classification: calendar.ClassPublic, Sequence: 2}
	override := series
	override.ID, override.SeriesID, override.RecurrenceID = 2, 1, time.Date(2026, 12, 7, 9, 0, 0, 0, shanghai).UTC()
	override.RRule, override.ExDates = "", nil
	override.Start, override.End = override.RecurrenceID.Add(6*time.Hour), override.RecurrenceID.Add(7*time.Hour)
	override.Title = "周一例会（下午）"
	trip := calendar.Engagement{ID: 3, UID: "t@anteroom", LeaderID: 1, Title: "出差", AllDay: true,
		StartDay: calendar.NewDate(2026, 11, 24), EndDay: calendar.NewDate(2026, 11, 25), Start: midnight(24), End: midnight(25),
		RRule: "FREQ=DAILY;COUNT=3", ExDates: []time.Time{midnight(25)},
		Status: calendar.StatusConfirmed, Classification: calendar.ClassConfidential}
	var b bytes.Buffer
	err := ics.ExportEngagements(&b, []calendar.Engagement{series, override, trip}, map[int64]calendar.Leader{1: leader},
		ics.PrivacyFull, time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	text := b.String()
	for _, want := range []string{
		"RRULE:FREQ=WEEKLY;COUNT=4\r\n", "EXDATE;TZID=Asia/Shanghai:20261130T090000\r\n",
		"RECURRENCE-ID;TZID=Asia/Shanghai:20261207T090000\r\n", "DTSTART;TZID=Asia/Shanghai:20261207T150000\r\n",
		"EXDATE;VALUE=DATE:20261125\r\n", "DTSTART;VALUE=DATE:20261124\r\n", "X-WR-CALNAME:张书记\r\n", "SEQUENCE:2\r\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("export lacks %q:\n%s", want, text)
		}
	}
	cal, err := ics.Decode(strings.NewReader(text), "export.ics", ics.Options{Zone: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	if len(cal.Events) != 3 || !cal.Events[1].RecurrenceID.Equal(override.RecurrenceID) || !cal.Events[0].Start.Equal(series.Start) {
		t.Fatalf("read back: %+v", cal.Events)
	}
	if ex := cal.Events[2].ExDates; len(ex) != 1 || !ex[0].Equal(midnight(25)) {
		t.Fatalf("all-day EXDATE read back as %v", ex)
	}
	// Busy: the confidential trip shows no title.
	b.Reset()
	if err := ics.ExportEngagements(&b, []calendar.Engagement{trip}, map[int64]calendar.Leader{1: leader}, ics.PrivacyLimited, time.Now()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "出差") || !strings.Contains(b.String(), "SUMMARY:"+ics.BusyTitle) {
		t.Fatalf("limited export of a confidential item:\n%s", b.String())
	}
	// An item whose leader is not given is refused.
	if err := ics.ExportEngagements(&b, []calendar.Engagement{trip}, nil, ics.PrivacyFull, time.Now()); err == nil {
		t.Fatal("no leader, no error")
	}
}
