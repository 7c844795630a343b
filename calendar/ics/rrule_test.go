package ics

import "testing"

func TestParseRule(t *testing.T) {
	ok := map[string]string{
		"FREQ=WEEKLY;BYDAY=MO,WE": "FREQ=WEEKLY;BYDAY=MO,WE",
		"byday=mo;freq=weekly;":   "FREQ=WEEKLY;BYDAY=MO",
		"FREQ=DAILY;UNTIL=20150722T080000Z;INTERVAL=1;BYDAY=MO, TU, WE, TH, FR": "FREQ=DAILY;UNTIL=20150722T080000Z;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR",
		"FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=-1":                                   "FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=-1",
		"FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;WKST=SU":                             "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10;WKST=SU",
		"RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=5L;BYMONTHDAY=5":                    "FREQ=YEARLY;BYMONTHDAY=5;BYMONTH=5L;RSCALE=CHINESE",
		"FREQ=WEEKLY;X-NAME=value":                                              "FREQ=WEEKLY;X-NAME=VALUE",
		"FREQ=WEEKLY;BYDAY= ":                                                   "FREQ=WEEKLY",
	}
	for in, want := range ok {
		r, err := parseRule(in)
		if err != nil {
			t.Errorf("parseRule(%q): %v", in, err)
			continue
		}
		if got := r.String(""); got != want {
			t.Errorf("parseRule(%q) = %q, want %q", in, got, want)
		}
	}
	for _, in := range []string{"", "BYDAY=MO", "FREQ=INVALID", "FREQ=WEEKLY;FREQ=DAILY", "RRULE:AnythingRandom;FREQ=WEEKLY",
		"FREQ=DAILY;COUNT=0", "FREQ=DAILY;COUNT=3;UNTIL=20260101", "FREQ=DAILY;UNTIL=2026", "FREQ=MONTHLY;BYMONTHDAY=32",
		"FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;WKST=XX", "FREQ=DAILY;BYHOUR=24", "FREQ=YEARLY;BYMONTH=-1"} {
		if _, err := parseRule(in); err == nil {
			t.Errorf("parseRule(%q) accepted", in)
		}
	}
	if r, _ := parseRule("FREQ=WEEKLY;FOO=1"); len(r.ignored) != 1 {
		t.Errorf("unknown part not reported: %+v", r)
	}
}
