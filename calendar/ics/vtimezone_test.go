package ics

import (
	"testing"
	"time"
)

// usEastern is the VTIMEZONE Outlook writes for "Eastern Standard Time".
func usEastern() *vtimezone {
	return &vtimezone{tzid: "Eastern Standard Time", obs: []observance{
		{start: civil{year: 1601, month: 11, day: 4, hour: 2, hasTime: true}, from: -4 * 3600, to: -5 * 3600,
			rrule: "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", name: "EST", hasStart: true, hasFrom: true, hasTo: true},
		{dst: true, start: civil{year: 1601, month: 3, day: 11, hour: 2, hasTime: true}, from: -5 * 3600, to: -4 * 3600,
			rrule: "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3", name: "EDT", hasStart: true, hasFrom: true, hasTo: true},
	}}
}

func TestVTimezoneEvaluation(t *testing.T) {
	fz, err := usEastern().evaluate("Eastern Standard Time")
	if err != nil {
		t.Fatal(err)
	}
	ny, _ := time.LoadLocation("America/New_York")
	from := time.Date(2007, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2037, 1, 1, 0, 0, 0, 0, time.UTC)
	if !sameOffsets(fz.loc, ny, from, to) {
		t.Error("the evaluated zone differs from America/New_York in 2007–2036")
	}
	if !fz.to.IsZero() {
		t.Errorf("a zone with endless rules ends at %v", fz.to)
	}
	if loc, ok := fz.match(yearSpan{2020, 2021}); !ok || loc.String() != "America/New_York" {
		t.Errorf("match = %v", loc)
	}
	if name, _ := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC).In(fz.loc).Zone(); name != "EDT" {
		t.Errorf("abbreviation %q", name)
	}
}

func TestYearlyOnsets(t *testing.T) {
	start := civil{year: 2020, month: 3, day: 8, hour: 2, hasTime: true}
	cases := []struct {
		rule string
		n    int
		last string
	}{
		{"FREQ=YEARLY;BYMONTH=3;BYDAY=2SU;UNTIL=20230101T000000Z", 2, "2022-03-13"},
		{"FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=3", 2, "2021-03-28"}, // DTSTART counts, though it does not fit
		{"FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=8,9,10,11,12,13,14;BYDAY=SU;COUNT=2", 1, "2021-03-14"},
		{"FREQ=YEARLY;BYMONTH=3;BYDAY=2SU;BYHOUR=3;BYMINUTE=30;COUNT=2", 1, "2021-03-14"},
	}
	for _, c := range cases {
		got, _, err := yearlyOnsets(start, 0, c.rule)
		if err != nil || len(got) != c.n {
			t.Errorf("%s: %d onsets, %v", c.rule, len(got), err)
			continue
		}
		if last := got[len(got)-1].asUTC().Format(time.DateOnly); last != c.last {
			t.Errorf("%s: last onset %s, want %s", c.rule, last, c.last)
		}
	}
	if _, _, err := yearlyOnsets(start, 0, "FREQ=MONTHLY;BYDAY=1SU"); err == nil {
		t.Error("a monthly rule was accepted")
	}
}

func TestBuildLocation(t *testing.T) {
	tx := []transition{
		{at: time.Date(2026, 3, 8, 7, 0, 0, 0, time.UTC).Unix(), typ: zoneType{offset: -4 * 3600, dst: true, abbr: "EDT"}},
		{at: time.Date(2026, 11, 1, 6, 0, 0, 0, time.UTC).Unix(), typ: zoneType{offset: -5 * 3600, abbr: "EST"}},
	}
	loc, err := buildLocation("Test", zoneType{offset: -5 * 3600, abbr: "EST"}, tx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		at   time.Time
		name string
		off  int
	}{
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "EST", -5 * 3600},
		{time.Date(1700, 1, 1, 0, 0, 0, 0, time.UTC), "EST", -5 * 3600},
		{time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), "EDT", -4 * 3600},
		{time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), "EST", -5 * 3600},
	} {
		if name, off := c.at.In(loc).Zone(); name != c.name || off != c.off {
			t.Errorf("%v: %s %d, want %s %d", c.at, name, off, c.name, c.off)
		}
	}
}

func TestParseUTCOffset(t *testing.T) {
	ok := map[string]int{"+0800": 28800, "-0500": -18000, "-0000": 0, "+053328": 5*3600 + 33*60 + 28, "+05:30": 19800}
	for in, want := range ok {
		if got, good := parseUTCOffset(in); !good || got != want {
			t.Errorf("parseUTCOffset(%q) = %d, %v", in, got, good)
		}
	}
	for _, in := range []string{"+5328", "+5744", "0800", "+08", "+2400", "+0860", "+08000"} {
		if _, good := parseUTCOffset(in); good {
			t.Errorf("parseUTCOffset(%q) accepted", in)
		}
	}
}
