package ics

import (
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	ok := map[string]duration{
		"PT1H30M":       {secs: 5400},
		"+PT15M":        {secs: 900},
		"-PT15M":        {neg: true, secs: 900},
		"P1D":           {days: 1},
		"P2W":           {days: 14},
		"P1DT12H":       {days: 1, secs: 43200},
		"PT0S":          {},
		"P1W2D":         {days: 9},                                     // not RFC, written by producers
		"PT1W":          {days: 7},                                     // Synology
		"-PT1W1D2H3M4S": {neg: true, days: 8, secs: 2*3600 + 3*60 + 4}, // Outlook
		"p1dt1h":        {days: 1, secs: 3600},
	}
	for in, want := range ok {
		if got, good := parseDuration(in); !good || got != want {
			t.Errorf("parseDuration(%q) = %+v, %v; want %+v", in, got, good, want)
		}
	}
	for _, in := range []string{"", "P", "PT", "1H", "PT1", "P1H", "PTT1H", "P999999999999999999W", "PT99999999999999999999S", "P1Y"} {
		if _, good := parseDuration(in); good {
			t.Errorf("parseDuration(%q) accepted", in)
		}
	}
}

// TestDurationAcrossDST: nominal days follow the wall clock, hours are
// exact (RFC 5545 §3.3.6).
func TestDurationAcrossDST(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	start := civil{year: 2026, month: 3, day: 7, hour: 12, hasTime: true} // the day before spring forward
	day, _ := parseDuration("P1D")
	hours, _ := parseDuration("PT24H")
	if end := day.after(start, ny); end.Sub(start.in(ny)) != 23*time.Hour || end.Hour() != 12 {
		t.Errorf("P1D ends %v, want 12:00 the next day, 23 hours later", end)
	}
	if end := hours.after(start, ny); end.Sub(start.in(ny)) != 24*time.Hour || end.Hour() != 13 {
		t.Errorf("PT24H ends %v, want 13:00 the next day", end)
	}
	if d, _ := parseDuration("P1DT1H"); d.wholeDays() != 2 {
		t.Errorf("whole days of P1DT1H = %d", d.wholeDays())
	}
}
