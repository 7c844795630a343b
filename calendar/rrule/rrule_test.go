package rrule_test

import (
	"errors"
	"testing"

	"anteroom/calendar/rrule"
)

// The one grammar: what RFC 5545 and RFC 7529 allow is read, and the
// faults are named by part and message key.
func TestParse(t *testing.T) {
	ok := []struct{ in, out string }{
		{"FREQ=WEEKLY;BYDAY=MO, TU;", "FREQ=WEEKLY;BYDAY=MO,TU"},
		{"freq=yearly;bysecond=60", "FREQ=YEARLY;BYSECOND=60"}, // a leap second
		{"FREQ=YEARLY;RSCALE=CHINESE;BYMONTH=5L;SKIP=FORWARD", "FREQ=YEARLY;BYMONTH=5L;RSCALE=CHINESE;SKIP=FORWARD"},
		{"FREQ=DAILY;UNTIL=20261231;X-NAME=1", "FREQ=DAILY;UNTIL=20261231;X-NAME=1"},
		{"FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=-1;WKST=SU", "FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=-1;WKST=SU"},
	}
	for _, c := range ok {
		r, err := rrule.Parse(c.in)
		if err != nil || r.String("") != c.out {
			t.Errorf("%q: %q, %v; want %q", c.in, r.String(""), err, c.out)
		}
	}
	r, err := rrule.Parse("FREQ=DAILY;BYFOO=1;BYDAY=")
	if err != nil || len(r.Parts) != 1 || len(r.Ignored) != 2 {
		t.Errorf("unknown and empty parts: %+v, %v", r, err)
	}
	bad := []struct{ in, part, code string }{
		{"BYDAY=MO", "FREQ", "validation.rrule_required"},
		{"FREQ=DAILY;FREQ=WEEKLY", "FREQ", "validation.rrule_duplicate"},
		{"FREQ=FORTNIGHTLY", "FREQ", "validation.rrule_value"},
		{"FREQ=DAILY;BYSECOND=61", "BYSECOND", "validation.rrule_range"},
		{"FREQ=YEARLY;BYMONTH=14", "BYMONTH", "validation.rrule_range"},
		{"FREQ=MONTHLY;BYDAY=54MO", "BYDAY", "validation.rrule_range"},
		{"FREQ=DAILY;COUNT=2;UNTIL=20261231", "COUNT", "validation.rrule_count_until"},
		{"FREQ=DAILY;UNTIL=20261331", "UNTIL", "validation.rrule_value"},
		{"FREQ=DAILY;INTERVAL", "RRULE", "validation.rrule_syntax"},
	}
	for _, c := range bad {
		_, err := rrule.Parse(c.in)
		var e *rrule.Error
		if !errors.As(err, &e) || e.Part != c.part || e.Code != c.code {
			t.Errorf("%q: %v; want %s %s", c.in, err, c.part, c.code)
		}
	}
}
