package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"anteroom/calendar"
)

// printedIDs finds the review item IDs a line of text shows.
var printedIDs = regexp.MustCompile(`(?m)^(?:‼ |  )([ESMT]\d+(?:@\S+)?)\s`)

// Every ID a command prints is taken back by every command that takes
// one: week show's occurrence, materials and to-schedule IDs, in text and
// in JSON, by week done, week carry and the materials commands.
func TestEveryPrintedIDIsTakenBack(t *testing.T) {
	db, monday := deskDB(t)
	next := calendar.WeekOf(monday).Next()
	mustRun(t, "--db", db, "add", "--title", "早间碰头会", "--start", day(monday, 7)+" 08:30", "--end", day(monday, 7)+" 08:50",
		"--rrule", "FREQ=WEEKLY;BYDAY=MO,TU,WE;COUNT=3")
	visit := strings.TrimSpace(mustRun(t, "--db", db, "visit", "add", "--org", "县工商联", "--person", "赵敏", "--purpose", "汇报"))
	declined := decode[visitJSON](t, mustRun(t, "--db", db, "visit", "decline", visit, "--reason", "日程已满", "--json"))
	materials := fmt.Sprintf("M%d", declined.Materials.ID)

	text := mustRun(t, "--db", db, "week", "show", "--week", next.String())
	var shown []string
	for _, m := range printedIDs.FindAllStringSubmatch(text, -1) {
		shown = append(shown, m[1])
	}
	var occurrences []string
	for _, id := range shown {
		if strings.HasPrefix(id, "S") {
			occurrences = append(occurrences, id)
		}
	}
	if len(occurrences) != 3 || !strings.Contains(text, materials) {
		t.Fatalf("week show printed IDs %v; want three occurrences and %s:\n%s", shown, materials, text)
	}
	_, items := reviewIDs(t, db, next.String())
	if items["早间碰头会"].ID == "" || items["早间碰头会"].Type != "occurrence" {
		t.Fatalf("week show --json: %+v", items)
	}

	// The occurrence IDs as printed, and in lower case, as a script may keep them.
	mustRun(t, "--db", db, "week", "done", occurrences[0], "--note", "已开")
	mustRun(t, "--db", db, "week", "done", strings.ToLower(occurrences[1]), "--week", next.String())
	carried := decode[carryOut](t, mustRun(t, "--db", db, "week", "carry", occurrences[2], "--to", "list", "--json"))
	if carried.Mark.ID != occurrences[2] || carried.Mark.CarriedTo == nil || carried.Mark.CarriedTo.ToSchedule == "" {
		t.Fatalf("week carry %s: %+v", occurrences[2], carried.Mark)
	}
	// What carry printed (T…) is taken by week done.
	mustRun(t, "--db", db, "week", "done", carried.Mark.CarriedTo.ToSchedule, "--week", carried.Mark.CarriedTo.Week)

	// Materials: the M-name week show prints, and the bare number materials list prints.
	shownM := decode[materialJSON](t, mustRun(t, "--db", db, "materials", "show", materials, "--json"))
	bare := decode[materialJSON](t, mustRun(t, "--db", db, "materials", "show", strings.TrimPrefix(materials, "M"), "--json"))
	if shownM.ID != declined.Materials.ID || bare.ID != shownM.ID {
		t.Fatalf("materials show %s: %+v, %+v", materials, shownM, bare)
	}
	mustRun(t, "--db", db, "materials", "receive", strings.ToLower(materials))

	rv, after := reviewIDs(t, db, next.String())
	for _, id := range occurrences {
		var found bool
		for _, it := range rv.Items {
			if it.ID == id && it.Outcome != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("%s has no decision in the review: %+v", id, after)
		}
	}
	// A letter that names no record kind is still refused, naming itself.
	if code, _, errOut := anteroom(t, "--db", db, "materials", "show", "V"+strings.TrimPrefix(materials, "M")); code != 1 || !strings.Contains(errOut, "V") {
		t.Fatalf("materials show V…: exit %d, %q", code, errOut)
	}
}
