package main

import (
	"strings"
	"testing"
)

// Booking into the past books, with a warning that says so; check calls
// the past slot free and still says it is past.
func TestAddInThePastWarnsAndBooks(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	db := tempDB(t)
	if code, _, errOut := anteroom(t, "--db", db, "leader", "add", "--name", "张书记", "--zone", "Asia/Shanghai"); code != 0 {
		t.Fatalf("leader add: %d %s", code, errOut)
	}
	code, out, errOut := anteroom(t, "--db", db, "add", "--kind", "meeting", "--title", "补登：情况通报会", "--start", "2024-03-04 10:00", "--end", "2024-03-04 11:00")
	if code != 0 {
		t.Fatalf("add in the past: exit %d, %s %s", code, out, errOut)
	}
	if !strings.Contains(out, "starts 2024-03-04 10:00, before now") {
		t.Fatalf("add in the past does not warn:\n%s", out)
	}
	if n := len(agenda(t, db, "--from", "2024-03-04", "--to", "2024-03-04")); n != 1 {
		t.Fatalf("%d engagements on the day, want the one booked", n)
	}
	code, out, _ = anteroom(t, "--db", db, "check", "--start", "2024-03-04 14:00", "--end", "2024-03-04 15:00")
	if code != 0 || !strings.Contains(out, "before now") {
		t.Fatalf("check of a free past slot: exit %d\n%s", code, out)
	}
	code, out, _ = anteroom(t, "--db", db, "check", "--start", "2024-03-04 10:30", "--end", "2024-03-04 11:30")
	if code == 0 {
		t.Fatalf("check of a taken past slot says free:\n%s", out)
	}
}
