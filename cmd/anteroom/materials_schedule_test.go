package main

import (
	"fmt"
	"strings"
	"testing"
)

// Booking a slot to present materials schedules them; they are not
// presented, take no instructions and cannot be confirmed before the
// slot; calling the slot off puts them back among those received.
func TestMaterialsScheduledForPresentingThroughTheCommandLine(t *testing.T) {
	db, monday := deskDB(t)
	id := strings.TrimSpace(mustRun(t, "--db", db, "visit", "add", "--org", "县发改局", "--person", "王伟", "--purpose", "汇报规划"))
	declined := decode[visitJSON](t, mustRun(t, "--db", db, "visit", "decline", id, "--reason", "请书面报送", "--json"))
	mid := fmt.Sprint(declined.Materials.ID)
	mustRun(t, "--db", db, "materials", "receive", mid)

	m := decode[materialJSON](t, mustRun(t, "--db", db, "materials", "schedule", mid, "--at", day(monday, 4)+" 17:30", "--json"))
	if m.State != "scheduled" || m.Presented != "" || m.EngagementID == 0 || !strings.HasPrefix(m.SlotStart, day(monday, 4)+"T17:30") {
		t.Fatalf("materials schedule: %+v, want scheduled at 16:00, not presented", m)
	}
	if l := decode[[]materialJSON](t, mustRun(t, "--db", db, "materials", "list", "--state", "scheduled", "--json")); len(l) != 1 {
		t.Fatalf("materials list --state scheduled: %+v", l)
	}
	if l := decode[[]materialJSON](t, mustRun(t, "--db", db, "materials", "list", "--state", "received", "--json")); len(l) != 0 {
		t.Fatalf("materials list --state received shows the scheduled ones: %+v", l)
	}
	code, _, errOut := anteroom(t, "--db", db, "materials", "instruct", mid, "--text", "同意")
	if code != 1 || !strings.Contains(errOut, tr("materials.state.scheduled")) {
		t.Fatalf("instructions before presenting: exit %d, %q", code, errOut)
	}
	code, _, errOut = anteroom(t, "--db", db, "materials", "present", mid)
	if code != 1 || !strings.Contains(errOut, "17:30") {
		t.Fatalf("confirming before the slot: exit %d, %q", code, errOut)
	}
	if m := decode[materialJSON](t, mustRun(t, "--db", db, "materials", "unschedule", mid, "--json")); m.State != "received" || m.EngagementID != 0 {
		t.Fatalf("materials unschedule: %+v", m)
	}
	m = decode[materialJSON](t, mustRun(t, "--db", db, "materials", "show", mid, "--json"))
	var moves []string
	for _, e := range m.Trail {
		moves = append(moves, e.From+"→"+e.To)
	}
	if want := "→expected expected→received received→scheduled scheduled→received"; strings.Join(moves, " ") != want {
		t.Fatalf("trail %v, want %s", moves, want)
	}
}
