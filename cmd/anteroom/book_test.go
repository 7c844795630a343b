package main

import (
	"encoding/json"
	"strings"
	"testing"
)

type checkJSON struct {
	Free     bool          `json:"free"`
	Findings []findingJSON `json:"findings"`
}

func TestAddCheckFreeThroughTheCommandLine(t *testing.T) {
	db := tempDB(t)
	if code, _, errOut := anteroom(t, "--db", db, "demo", "--leader", "张书记", "--week", "2026-11-23"); code != 0 {
		t.Fatal(errOut)
	}

	// Monday 08:30–09:30 is the weekly meeting: check says so, with the rule and its UID.
	code, out, errOut := anteroom(t, "--db", db, "check", "--start", "2026-11-23 09:00", "--end", "2026-11-23 10:00", "--json")
	if code != 3 {
		t.Fatalf("check over the Monday meeting: exit %d (%s), want 3", code, errOut)
	}
	var c checkJSON
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("check --json printed %q: %v", out, err)
	}
	var overlap *findingJSON
	for i, f := range c.Findings {
		if f.Rule == "overlap" {
			overlap = &c.Findings[i]
		}
	}
	if c.Free || overlap == nil || overlap.Severity != "block" || overlap.UID == "" || !strings.Contains(overlap.Message, "周一例会") {
		t.Fatalf("check findings %+v; want a blocking overlap naming 周一例会 with its uid", c)
	}

	// add refuses the clash with exit 3 and stores nothing; --force needs --reason.
	add := []string{"--db", db, "add", "--kind", "meeting", "--title", "临时碰头会", "--start", "2026-11-23 09:00", "--end", "2026-11-23 09:30"}
	if code, _, errOut := anteroom(t, add...); code != 3 || !strings.Contains(errOut, "--force") {
		t.Fatalf("add over a clash: exit %d, %q; want 3", code, errOut)
	}
	if code, _, errOut := anteroom(t, append(add, "--force")...); code != 1 || !strings.Contains(errOut, "--reason") {
		t.Fatalf("add --force without a reason: exit %d, %q", code, errOut)
	}
	before := len(agenda(t, db, "--from", "2026-11-23", "--to", "2026-11-23"))
	code, out, errOut = anteroom(t, append(add, "--force", "--reason", "领导临时召集", "--json")...)
	if code != 0 {
		t.Fatalf("add --force --reason: exit %d, %s", code, errOut)
	}
	var forced struct {
		Saved      bool `json:"saved"`
		Engagement struct {
			Title string `json:"title"`
		} `json:"engagement"`
	}
	if err := json.Unmarshal([]byte(out), &forced); err != nil || !forced.Saved || forced.Engagement.Title != "临时碰头会" {
		t.Fatalf("add --force --reason --json printed %q (%v); want saved 临时碰头会", out, err)
	}
	if after := len(agenda(t, db, "--from", "2026-11-23", "--to", "2026-11-23")); after != before+1 {
		t.Fatalf("forced add: %d items on Monday, want %d", after, before+1)
	}

	// free finds slots that check then says are free.
	code, out, errOut = anteroom(t, "--db", db, "free", "--duration", "45m", "--kind", "meeting", "--from", "2026-11-23 08:00", "--limit", "3", "--json")
	if code != 0 {
		t.Fatalf("free: exit %d, %s", code, errOut)
	}
	var slots []slotJSON
	if err := json.Unmarshal([]byte(out), &slots); err != nil || len(slots) != 3 {
		t.Fatalf("free printed %q (%v); want 3 slots", out, err)
	}
	for _, s := range slots {
		if code, out, _ := anteroom(t, "--db", db, "check", "--start", s.Start, "--end", s.End); code != 0 {
			t.Fatalf("free offered %s–%s but check says: %s", s.Start, s.End, out)
		}
	}
	if !strings.HasPrefix(slots[0].Start, "2026-11-23T") {
		t.Fatalf("first free slot %s is not on Monday", slots[0].Start)
	}
}

func TestBookingCommandsNameBadInput(t *testing.T) {
	db := tempDB(t)
	anteroom(t, "--db", db, "demo")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"free", "--duration", "45 minutes"}, "--duration"},
		{[]string{"free", "--duration", "45m", "--kind", "party"}, "--kind"},
		{[]string{"free", "--duration", "900h"}, "--duration: "},
		{[]string{"free", "--duration", "45m", "--limit", "0"}, "--limit: "},
		{[]string{"check", "--start", "2026-11-23 25:00", "--end", "2026-11-23 10:00"}, "--start"},
		{[]string{"check", "--start", "2026-11-23 10:00", "--end", "2026-11-23 09:00"}, "--end"},
		{[]string{"add", "--title", "x", "--start", "2026-11-23 10:00", "--end", "2026-11-23 11:00", "--rrule", "FREQ=MINUTELY;INTERVAL=2;BYMINUTE=1"}, "--rrule: "},
		{[]string{"add", "--title", "x", "--start", "2026-11-23 10:00", "--end", "2026-11-23 11:00", "--rrule", "FREQ=DAILY;BYDAY=XX"}, "--rrule: "},
		{[]string{"add", "--title", "", "--start", "2026-11-23 10:00", "--end", "2026-11-23 11:00"}, "--title: "},
		{[]string{"add", "--title", "x", "--start", "2026-11-23 10:00", "--end", "2026-11-23 09:00"}, "--end: "},
	}
	for _, c := range cases {
		code, _, errOut := anteroom(t, append([]string{"--db", db}, c.args...)...)
		if code != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 naming %s", c.args, code, errOut, c.want)
		}
	}
}
