package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"anteroom/calendar"
	"anteroom/data"
)

// reviewIDs maps the titles of a week's review to their IDs.
func reviewIDs(t *testing.T, db, week string) (reviewJSON, map[string]reviewItemJSON) {
	t.Helper()
	rv := decode[reviewJSON](t, mustRun(t, "--db", db, "week", "show", "--week", week, "--json"))
	byTitle := map[string]reviewItemJSON{}
	for _, it := range rv.Items {
		byTitle[it.Title] = it
	}
	return rv, byTitle
}

type carryOut struct {
	Mark     markJSON      `json:"mark"`
	Findings []findingJSON `json:"findings"`
}

// engine checks a stored engagement against the rest, as the engine sees it.
func checkStored(t *testing.T, db string, id int64) []calendar.Finding {
	t.Helper()
	store, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	svc := calendar.NewService(store)
	ctx := context.Background()
	e, err := svc.Engagement(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	leader, err := svc.Leader(ctx, e.LeaderID)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := svc.Check(ctx, leader, e)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestFridayReviewThroughTheCommandLine(t *testing.T) {
	db, monday := deskDB(t)
	w := calendar.WeekOf(monday)
	week, next := w.String(), w.Next().String()

	rv, items := reviewIDs(t, db, week)
	if rv.Closed != nil || len(rv.Items) != 11 || rv.Open != 11 || rv.Leader != "张书记" || rv.From != monday.String() {
		t.Fatalf("week show: %+v", rv)
	}
	text := mustRun(t, "--db", db, "week", "show", "--week", week)
	if !strings.Contains(text, "E12") || !strings.Contains(text, items["周一例会"].ID+"  ") || !strings.Contains(text, "周一例会") {
		t.Fatalf("week show:\n%s", text)
	}

	// Done with a note.
	done := decode[markJSON](t, mustRun(t, "--db", db, "week", "done", items["周一例会"].ID, "--note", "已形成纪要", "--json"))
	if done.Outcome != "done" || done.Note != "已形成纪要" || done.Week != week || done.Who == "" {
		t.Fatalf("week done: %+v", done)
	}

	// Carried into the first free slot next week, which the engine says is free.
	visit := items["会见台商投资协会代表"]
	carried := decode[carryOut](t, mustRun(t, "--db", db, "week", "carry", visit.ID, "--note", "对方改期", "--json"))
	to := carried.Mark.CarriedTo
	if carried.Mark.Outcome != "carried" || to == nil || to.State != "booked" || to.Week != next || to.EngagementID == 0 || carried.Mark.Carried != 1 {
		t.Fatalf("week carry: %+v (to %+v)", carried, to)
	}
	if fs := checkStored(t, db, to.EngagementID); len(fs) != 0 {
		t.Fatalf("the carried visit's slot has findings: %v", fs)
	}
	before := len(agenda(t, db, "--from", day(monday, 0), "--to", day(monday, 13)))
	again := decode[carryOut](t, mustRun(t, "--db", db, "week", "carry", visit.ID, "--json"))
	if !again.Mark.Again || again.Mark.CarriedTo.EngagementID != to.EngagementID {
		t.Fatalf("carrying again: %+v", again)
	}
	if after := len(agenda(t, db, "--from", day(monday, 0), "--to", day(monday, 13))); after != before {
		t.Fatalf("carrying again changed the calendar: %d items, then %d", before, after)
	}

	// Onto the to-schedule list. T numbers carry-overs: the visit was the first.
	flood := decode[carryOut](t, mustRun(t, "--db", db, "week", "carry", items["防汛工作专题会"].ID, "--to", "list", "--json"))
	if flood.Mark.CarriedTo == nil || flood.Mark.CarriedTo.State != "to_schedule" || flood.Mark.CarriedTo.ToSchedule != "T2" {
		t.Fatalf("carry to the list: %+v", *flood.Mark.CarriedTo)
	}
	if out := mustRun(t, "--db", db, "week", "carry", items["周五工作梳理"].ID, "--to", "list"); !strings.Contains(out, "T3") {
		t.Fatalf("carry to the list says %q", out)
	}

	// Mistakes name what is wrong.
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"week", "show", "--week", "2026-W54"}, []string{"--week", "2026-W54", "53"}},
		{[]string{"week", "show", "--week", "2026-48"}, []string{"--week", "2026-48", "2026-W48"}},
		{[]string{"week", "close", "--week", "2026W99"}, []string{"--week"}},
		{[]string{"week", "done", "X3"}, []string{"X3"}},
		{[]string{"week", "done", "E999"}, []string{"E999"}},
		{[]string{"week", "done"}, []string{"week show"}},
		{[]string{"week", "done", items["周一例会"].ID, "--week", next}, []string{items["周一例会"].ID, next}},
		{[]string{"week", "carry", items["周一例会"].ID}, []string{items["周一例会"].ID, week}},
		{[]string{"week", "carry", items["县委常委会"].ID, "--to", day(monday, 2) + " 10:00"}, []string{week}},
		{[]string{"week", "carry", items["县委常委会"].ID, "--to", "tomorrow"}, []string{"--to"}},
		{[]string{"week", "circulate", "--week", next}, []string{"--dir"}},
		{[]string{"week", "circulate", "--dir", t.TempDir(), "--privacy", "secret"}, []string{"--privacy"}},
		{[]string{"week", "close", "--week", week}, []string{"--rest-done", items["县委常委会"].ID}},
	}
	for _, c := range cases {
		code, _, errOut := anteroom(t, append([]string{"--db", db}, c.args...)...)
		if code != 1 {
			t.Errorf("%v: exit %d (%s), want 1", c.args, code, errOut)
			continue
		}
		for _, want := range c.want {
			if !strings.Contains(errOut, want) {
				t.Errorf("%v: stderr %q does not name %q", c.args, errOut, want)
			}
		}
	}

	// A time the rules block: exit 3 with the findings, nothing carried.
	code, out, _ := anteroom(t, "--db", db, "week", "carry", items["县委常委会"].ID, "--to", to.Start[:10]+" "+to.Start[11:16])
	if code != exitFindings || !strings.Contains(out, "会见台商投资协会代表") {
		t.Fatalf("carry onto the carried visit: exit %d, %q", code, out)
	}

	// Close: the rest is done; closing again changes nothing.
	type closeOut struct {
		Closed reviewRecordJSON `json:"closed"`
		Again  bool             `json:"again"`
		Marked int              `json:"marked"`
	}
	closed := decode[closeOut](t, mustRun(t, "--db", db, "week", "close", "--week", week, "--rest-done", "--note", "本周基本完成", "--json"))
	if closed.Again || closed.Closed.Done != 8 || closed.Closed.Carried != 3 || closed.Marked != 7 {
		t.Fatalf("week close: %+v", closed)
	}
	if again := decode[closeOut](t, mustRun(t, "--db", db, "week", "close", "--week", week, "--json")); !again.Again || again.Closed != closed.Closed {
		t.Fatalf("closing again: %+v", again)
	}
	code, _, errOut := anteroom(t, "--db", db, "week", "done", items["县委常委会"].ID, "--week", week)
	if code != 1 || !strings.Contains(errOut, week) {
		t.Fatalf("a decision on the closed review: exit %d, %q", code, errOut)
	}
	rv, _ = reviewIDs(t, db, week)
	if rv.Closed == nil || rv.Open != 0 || rv.Done != 8 || rv.Carry != 3 || len(rv.Items) != 11 {
		t.Fatalf("the closed review: %+v", rv)
	}

	// Next week shows what was carried, once, counted.
	_, nextItems := reviewIDs(t, db, next)
	if it := nextItems["会见台商投资协会代表"]; it.Carried != 1 || it.Type != "engagement" {
		t.Fatalf("the carried visit next week: %+v", it)
	}
	if it := nextItems["防汛工作专题会"]; it.ID != "T2" || it.Type != "to_schedule" || it.Carried != 1 {
		t.Fatalf("the to-schedule entry next week: %+v", it)
	}
}

func TestAnItemCarriedThreeTimesIsFlaggedOnTheCommandLine(t *testing.T) {
	db, monday := deskDB(t)
	w := calendar.WeekOf(monday)
	_, items := reviewIDs(t, db, w.String())
	id := items["安全生产工作会议"].ID
	for i := 1; i <= 3; i++ {
		c := decode[carryOut](t, mustRun(t, "--db", db, "week", "carry", id, "--json"))
		if c.Mark.Carried != i || c.Mark.CarriedTo == nil || c.Mark.CarriedTo.EngagementID == 0 {
			t.Fatalf("carry %d: %+v", i, c.Mark)
		}
		id = fmt.Sprintf("E%d", c.Mark.CarriedTo.EngagementID)
		w = w.Next()
	}
	_, items = reviewIDs(t, db, w.String())
	if it := items["安全生产工作会议"]; it.Carried != 3 || !it.StandsOut || it.ID != id {
		t.Fatalf("after three carries: %+v", it)
	}
	if text := mustRun(t, "--db", db, "week", "show", "--week", w.String()); !strings.Contains(text, "‼ "+id) {
		t.Fatalf("week show does not flag %s:\n%s", id, text)
	}
}

func TestPrintAndCirculateNextWeeksPlan(t *testing.T) {
	db, monday := deskDB(t)
	week := calendar.WeekOf(monday).String()
	mustRun(t, "--db", db, "add", "--title", "全县经济运行分析会", "--organiser", "县发改局", "--location", "县委第一会议室", "--class", "public",
		"--start", day(monday, 4)+" 14:00", "--end", day(monday, 4)+" 15:30")

	file := filepath.Join(t.TempDir(), "plan.html")
	out := mustRun(t, "--db", db, "week", "print", "--week", week, "-o", file)
	if !strings.Contains(out, file) {
		t.Fatalf("week print says %q", out)
	}
	page, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"全县经济运行分析会", "县发改局", "周一例会", "@page { size: A4 landscape;"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the printed plan lacks %q", want)
		}
	}
	if strings.Contains(string(page), "县委常委会") {
		t.Error("the printed plan shows the confidential 县委常委会")
	}

	dir := t.TempDir()
	type circulated struct {
		HTML, ICS    string
		Rows, Events int
		Privacy      string
	}
	c := decode[circulated](t, mustRun(t, "--db", db, "week", "circulate", "--week", week, "--privacy", "busy", "--dir", dir, "--json"))
	if c.HTML != filepath.Join(dir, "plan-"+week+".html") || c.ICS != filepath.Join(dir, "plan-"+week+".ics") || c.Rows != 13 || c.Privacy != "busy" {
		t.Fatalf("week circulate: %+v", c)
	}
	cal, err := os.ReadFile(c.ICS)
	if err != nil || !strings.Contains(string(cal), "BEGIN:VEVENT") || strings.Contains(string(cal), "县委常委会") || strings.Contains(string(cal), "周一例会") {
		t.Fatalf("the busy .ics: %v\n%s", err, cal)
	}
}
