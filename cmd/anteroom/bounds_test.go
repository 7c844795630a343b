package main

import (
	"strings"
	"testing"

	"anteroom/calendar"
)

// A booking of a century, or one a century away, and a review of
// 1999-W01 are refused with the flag to check, unless --force confirms.
func TestUnusualBookingsAndReviewsNeedForce(t *testing.T) {
	db, monday := deskDB(t)
	d := day(monday, 4)
	far := monday.AddDays(7 * 30).String()
	refused := []struct {
		args []string
		want []string
	}{
		{[]string{"add", "--title", "百年大计", "--start", d + " 14:00", "--end", monday.AddDays(36525).String() + " 14:00"}, []string{"--end", "--force", "36521"}},
		{[]string{"add", "--title", "两月借调", "--kind", "activity", "--start", far + " 09:00", "--end", monday.AddDays(7*30+40).String() + " 09:00"}, []string{"--end", "40"}},
		{[]string{"add", "--title", "远期会议", "--start", "2126-03-02 09:00", "--end", "2126-03-02 10:00"}, []string{"--start", "2126-03-02", "--force"}},
		{[]string{"week", "close", "--week", "1999-W01", "--rest-done"}, []string{"--week", "1999-W01", "--force"}},
		{[]string{"week", "done", "E1", "--week", "1999-W01"}, []string{"--week", "1999-W01"}},
		{[]string{"week", "carry", "E1", "--week", "2099-W10", "--to", "list"}, []string{"--week", "2099-W10"}},
	}
	for _, c := range refused {
		code, out, errOut := anteroom(t, append([]string{"--db", db}, c.args...)...)
		if code != 1 || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 1", c.args, code, out, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: stderr %q does not name %q", c.args, errOut, w)
			}
		}
	}
	if items := agenda(t, db, "--from", d, "--to", d); len(items) != 3 {
		t.Fatalf("a refused booking was stored: %d items on %s", len(items), d)
	}
	if rv, _ := reviewIDs(t, db, "1999-W01"); rv.Closed != nil {
		t.Fatalf("the refused close was recorded: %+v", rv.Closed)
	}

	// A month is usual; confirmed, the rest goes through.
	mustRun(t, "--db", db, "add", "--title", "驻村一月", "--kind", "activity", "--start", far+" 09:00", "--end", monday.AddDays(7*30+31).String()+" 09:00")
	mustRun(t, "--db", db, "add", "--title", "两月借调", "--kind", "activity", "--start", monday.AddDays(7*40).String()+" 09:00",
		"--end", monday.AddDays(7*40+60).String()+" 09:00", "--force", "--reason", "组织安排")
	mustRun(t, "--db", db, "week", "close", "--week", "1999-W01", "--force", "--note", "补录")
	if rv, _ := reviewIDs(t, db, "1999-W01"); rv.Closed == nil || rv.Closed.Note != "补录" {
		t.Fatalf("the forced close: %+v", rv.Closed)
	}
	// This week and next are never asked about.
	this := calendar.WeekOf(calendar.DateOf(calendar.NewService(nil).Now()))
	if err := checkReviewWeek(this.Next(), this, false); err != nil {
		t.Fatal(err)
	}
}
