package calendar

import (
	"testing"
	"time"
)

// The RFC 2445 US-Eastern zone (§4.6.5), first Sunday of April to last
// Sunday of October, as a rule that survives being stored by name.
func TestRuleZoneNameLoadsWithDaylightSaving(t *testing.T) {
	name := RuleZoneName("US-Eastern", "<EST>5<EDT>4,M4.1.0/2,M10.5.0/2")
	loc, err := LoadZone(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 3, 20, 9, 0, 0, 0, loc), "2026-03-20T09:00:00-05:00"},
		{time.Date(2026, 4, 6, 9, 0, 0, 0, loc), "2026-04-06T09:00:00-04:00"},
		{time.Date(2026, 10, 23, 9, 0, 0, 0, loc), "2026-10-23T09:00:00-04:00"},
		{time.Date(2026, 11, 2, 9, 0, 0, 0, loc), "2026-11-02T09:00:00-05:00"},
	} {
		if got := c.at.Format(time.RFC3339); got != c.want {
			t.Errorf("%v: got %s, want %s", c.at, got, c.want)
		}
	}
	if _, err := LoadZone(RuleZoneName("Broken", "not a rule")); err == nil {
		t.Error("a rule package time cannot read was accepted")
	}
}
