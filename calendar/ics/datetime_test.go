package ics

import (
	"testing"
	"time"
)

func TestParseCivil(t *testing.T) {
	ok := map[string]civil{
		"20261001":         {year: 2026, month: 10, day: 1},
		"20261001Z":        {year: 2026, month: 10, day: 1},
		"20240229T235960":  {year: 2024, month: 2, day: 29, hour: 23, min: 59, sec: 60, hasTime: true},
		"20261001T090000Z": {year: 2026, month: 10, day: 1, hour: 9, hasTime: true, utc: true},
		"20261001t090000z": {year: 2026, month: 10, day: 1, hour: 9, hasTime: true, utc: true},
	}
	for in, want := range ok {
		if got, good := parseCivil(in); !good || got != want {
			t.Errorf("parseCivil(%q) = %+v, %v; want %+v", in, got, good, want)
		}
	}
	for _, in := range []string{"", "2026100", "20240230", "20230229", "20261301", "20261001T240000", "20261001T096000",
		"20261001T0900", "2006717T080000Z", "202103206T200210Z", "20261001X090000", "20261001T090000+0800", "2026-10-01"} {
		if _, good := parseCivil(in); good {
			t.Errorf("parseCivil(%q) accepted", in)
		}
	}
}

// TestCivilInGapsAndOverlaps follows RFC 5545 §3.3.5: a wall-clock time a
// forward transition skips is read with the offset before it; one a
// backward transition repeats is its first occurrence.
func TestCivilInGapsAndOverlaps(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	cases := []struct {
		c    civil
		want string
	}{
		{civil{year: 2026, month: 3, day: 8, hour: 2, min: 30, hasTime: true}, "2026-03-08T07:30:00Z"},  // skipped: EST offset
		{civil{year: 2026, month: 11, day: 1, hour: 1, min: 30, hasTime: true}, "2026-11-01T05:30:00Z"}, // twice: EDT, the first
		{civil{year: 2026, month: 7, day: 1, hour: 9, hasTime: true}, "2026-07-01T13:00:00Z"},
		{civil{year: 2026, month: 1, day: 1, hour: 9, hasTime: true}, "2026-01-01T14:00:00Z"},
	}
	for _, c := range cases {
		got := c.c.in(ny)
		if want, _ := time.Parse(time.RFC3339, c.want); !got.Equal(want) {
			t.Errorf("%+v in New York = %s, want %s", c.c, got.UTC().Format(time.RFC3339), c.want)
		}
		if got.Location() != ny {
			t.Errorf("location %v", got.Location())
		}
	}
}
