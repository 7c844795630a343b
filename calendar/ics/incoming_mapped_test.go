package ics

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	"unsafe"

	"anteroom/calendar/imports"
)

// TestMappedFileLeavesNoStringBehind reads a file through its mapping and
// checks that nothing kept afterwards, in the result or in the zone cache,
// points into the mapping, which is gone by then.
func TestMappedFileLeavesNoStringBehind(t *testing.T) {
	var lo, hi uintptr
	testHookMapped = func(b []byte) {
		lo = uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		hi = lo + uintptr(len(b))
	}
	defer func() { testHookMapped = nil }()
	path := filepath.Join(t.TempDir(), "mapped.ics")
	file := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nMETHOD:REQUEST\r\n" +
		"BEGIN:VTIMEZONE\r\nTZID:Custom Zone\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0545\r\nTZOFFSETTO:+0545\r\nTZNAME:CZ\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n" +
		"BEGIN:VEVENT\r\nUID:a@x\r\nDTSTART;TZID=Custom Zone:20261123T090000\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n" +
		"SUMMARY:Call\r\nLOCATION:Room\r\nDESCRIPTION:Notes\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:b@x\r\nRECURRENCE-ID;TZID=Antarctica/Troll:20261124T090000\r\nDTSTART;TZID=Antarctica/Troll:20261124T090000\r\n" +
		"DTEND;TZID=Nowhere/Else:20261124T100000\r\nSUMMARY:Chicago\r\nCLASS:SECRET\r\nEND:VEVENT\r\n" +
		"BEGIN:VTODO\r\nUID:t@x\r\nSUMMARY:Todo\r\nDUE;TZID=Antarctica/Troll:20261124T090000\r\nEND:VTODO\r\nBEGIN:VJOURNAL\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n"
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, todos, notes, err := ReadForImport(f, path, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if lo == 0 {
		t.Skip("the file was not mapped here")
	}
	check := func(what, s string) {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); len(s) > 0 && p >= lo && p < hi {
			t.Errorf("%s %q points into the mapped file", what, s)
		}
	}
	checkTime := func(what string, ts ...time.Time) {
		for _, tm := range ts {
			check(what+" zone", tm.Location().String())
			name, _ := tm.Zone()
			check(what+" zone abbreviation", name)
		}
	}
	checkMsg := func(m imports.Message) {
		check("message code", m.Code)
		for k, v := range m.Args {
			if s, ok := v.(string); ok {
				check("message argument "+k, s)
			}
		}
	}
	for _, in := range items {
		e := in.Engagement
		for what, s := range map[string]string{"UID": e.UID, "title": e.Title, "location": e.Location, "notes": e.Notes,
			"rrule": e.RRule, "zone": e.ZoneName, "method": in.Method} {
			check(what, s)
		}
		checkTime("time", e.Start, e.End, e.RecurrenceID, in.DTStamp)
		for _, w := range in.Warnings {
			checkMsg(w)
		}
	}
	for _, td := range todos {
		check("to-do UID", td.UID)
		check("to-do title", td.Title)
		checkTime("to-do due", td.Due)
	}
	for _, n := range notes {
		checkMsg(n)
	}
	ianaCache.Range(func(k, v any) bool {
		check("zone cache key", k.(string))
		check("zone cache location", v.(*time.Location).String())
		return true
	})
}
