package ics

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"anteroom/calendar"
)

// encodeByGoIcal is Encode as it was: the whole export as go-ical's
// model, written by go-ical's encoder through the folding writer.
func encodeByGoIcal(cal ExportCalendar) ([]byte, error) {
	var buf bytes.Buffer
	model, err := ExportModel(cal)
	if err != nil {
		return nil, err
	}
	fw := newFoldingWriter(&buf)
	if len(model.Children) == 0 {
		writeEmpty(fw, model)
	} else if err := goical.NewEncoder(fw).Encode(model); err != nil {
		return nil, fmt.Errorf("ics: encode: %w", err)
	}
	if err := fw.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// randomExport is a calendar of n generated items of every shape Encode
// meets: timed in several zones, UTC and unknown ones, all-day, series
// with RDATEs and EXDATEs, overrides, parties whose names need quoting or
// RFC 6868, text with line breaks, commas and control characters.
func randomExport(r *rand.Rand, n int) ExportCalendar {
	pick := func(s ...string) string { return s[r.IntN(len(s))] }
	texts := []string{"", "县委常委会", "议题：一、传达；二、研究,三\\其他", "第一行\r\n第二行\n第三行\r末行", "tab\there\x01\x7f",
		strings.Repeat("各部门汇报本周重点工作，", 9)}
	names := []string{"", "王秘书", "Li, Wei", "Dr. \"Q\" Smith", "a;b:c", "^caret^", "line\nbreak"}
	zones := []string{"Asia/Shanghai", "America/New_York", "Europe/London", "UTC", "", "Not/AZone", "Etc/UTC"}
	cal := ExportCalendar{Name: pick("", "张书记", "A, B; C\nD"), Stamp: time.Date(2026, 12, 6, 8, 0, 0, 123, time.UTC),
		Privacy: Privacy(pick("", string(PrivacyFull), string(PrivacyLimited), string(PrivacyBusy)))}
	base := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		start := base.Add(time.Duration(r.IntN(8*365*24*4)) * 15 * time.Minute)
		e := ExportEvent{UID: fmt.Sprintf("u%d@bench", i), Sequence: r.IntN(5), Summary: texts[r.IntN(len(texts))],
			Location: texts[r.IntN(len(texts))], Description: texts[r.IntN(len(texts))],
			Start: start, End: start.Add(time.Duration(1+r.IntN(12)) * 15 * time.Minute), ZoneName: zones[r.IntN(len(zones))],
			Status:      []calendar.Status{"", calendar.StatusConfirmed, calendar.StatusTentative, calendar.StatusCancelled}[r.IntN(4)],
			Class:       []calendar.Classification{"", calendar.ClassPublic, calendar.ClassInternal, calendar.ClassConfidential}[r.IntN(4)],
			Transparent: r.IntN(5) == 0, Kind: calendar.Kind(pick("", "meeting", "visit")), Organiser: pick("", "办公室", "a,b")}
		if r.IntN(2) == 0 {
			e.Created, e.LastModified = start.Add(-time.Hour), start.Add(-time.Minute)
		}
		if r.IntN(6) == 0 {
			d := calendar.DateOf(start)
			e.AllDay, e.StartDay, e.EndDay = true, d, d.AddDays(1+r.IntN(3))
		}
		switch r.IntN(4) {
		case 0:
			e.RRule = pick("FREQ=WEEKLY", "FREQ=DAILY;COUNT=5", "FREQ=MONTHLY;BYDAY=1MO")
			if r.IntN(2) == 0 {
				e.SeriesEnd = start.AddDate(0, 3, 0)
			}
			for range r.IntN(3) {
				e.RDates = append(e.RDates, start.AddDate(0, 0, 1+r.IntN(60)))
			}
			for range r.IntN(3) {
				e.ExDates = append(e.ExDates, start.AddDate(0, 0, 7*(1+r.IntN(8))))
			}
		case 1:
			e.RecurrenceID = start.Add(-time.Hour)
		}
		if r.IntN(60) == 0 { // a raw value go-ical refuses
			e.RRule = "FREQ=DAILY\nBAD"
		}
		if r.IntN(3) == 0 {
			e.Organizer = Party{Name: names[r.IntN(len(names))], Address: pick("", "office@example.cn"), Role: pick("", "CHAIR"), Status: pick("", "ACCEPTED")}
		}
		for range r.IntN(3) {
			e.Attendees = append(e.Attendees, Party{Name: names[r.IntN(len(names))], Address: pick("", "a@example.cn", "b,c@example.cn"),
				Role: pick("", "REQ-PARTICIPANT", "x:y"), Status: pick("", "NEEDS-ACTION")})
		}
		cal.Events = append(cal.Events, e)
	}
	return cal
}

// Encode writes the bytes go-ical's encoder wrote of the same export, and
// fails where it failed, on every shape of item at every privacy level.
func TestEncodeWritesWhatGoIcalWrites(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 3))
	for round := range 300 {
		cal := randomExport(r, r.IntN(12))
		want, wantErr := encodeByGoIcal(cal)
		var got bytes.Buffer
		gotErr := Encode(&got, cal)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("round %d: error %v, go-ical's %v", round, gotErr, wantErr)
		}
		if wantErr == nil && !bytes.Equal(got.Bytes(), want) {
			g, w := strings.Split(got.String(), "\r\n"), strings.Split(string(want), "\r\n")
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Fatalf("round %d, line %d:\n%q\ngo-ical wrote\n%q", round, i+1, g[i], w[i])
				}
			}
			t.Fatalf("round %d: %d lines, go-ical wrote %d", round, len(g), len(w))
		}
	}
	// without a UID nothing is written
	cal := randomExport(r, 3)
	cal.Events[1].UID = ""
	var got bytes.Buffer
	_, wantErr := encodeByGoIcal(cal)
	if err := Encode(&got, cal); fmt.Sprint(err) != fmt.Sprint(wantErr) || got.Len() != 0 {
		t.Errorf("an item without UID: %v and %d bytes; go-ical: %v", err, got.Len(), wantErr)
	}
}
