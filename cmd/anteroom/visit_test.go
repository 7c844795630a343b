package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// The command line runs on the wall clock, so these tests book a week
// that is always ahead: the Monday three weeks from now.
func aheadMonday() calendar.Date {
	return calendar.WeekStart(calendar.DateOf(time.Now()).AddDays(21))
}

// day returns "YYYY-MM-DD" of the Monday's week day n (0 = Monday).
func day(monday calendar.Date, n int) string { return monday.AddDays(n).String() }

// tr is a message key in the language the command line speaks.
func tr(key string) string { return lang.X(key, desk.English(key)) }

// mustRun runs the command line and wants exit 0.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := anteroom(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}

func decode[T any](t *testing.T, out string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("printed %q: %v", out, err)
	}
	return v
}

// deskDB is a database with the sample week in aheadMonday's week, where
// the leader lives in Shanghai.
func deskDB(t *testing.T) (string, calendar.Date) {
	t.Helper()
	db := tempDB(t)
	t.Setenv("TZ", "Asia/Shanghai") // the new leader's home zone
	monday := aheadMonday()
	mustRun(t, "--db", db, "demo", "--leader", "张书记", "--week", monday.String())
	return db, monday
}

func TestDeclinedVisitToArchivedMaterialsThroughTheCommandLine(t *testing.T) {
	db, monday := deskDB(t)
	letter := filepath.Join(t.TempDir(), "来函.pdf")
	if err := os.WriteFile(letter, []byte("请求拜会"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "--db", db, "visit", "add", "--org", "华东电力公司", "--person", "王伟:总经理", "--person", "李娜：办公室主任",
		"--purpose", "汇报新能源项目进展", "--referred-by", "经济部门", "--visitors", "3",
		"--want", day(monday, 1)+" 09:00/12:00", "--want", day(monday, 3)+" 14:00/"+day(monday, 3)+" 17:00", "--file", letter)
	id, err := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
	if err != nil || id <= 0 {
		t.Fatalf("visit add printed %q, want the new ID", out)
	}
	ids := fmt.Sprint(id)

	list := decode[[]visitJSON](t, mustRun(t, "--db", db, "visit", "list", "--state", "requested", "--json"))
	if len(list) != 1 || list[0].ID != id || list[0].State != "requested" || len(list[0].People) != 2 ||
		list[0].People[1].Title != "办公室主任" || len(list[0].Want) != 2 || len(list[0].Files) != 1 || list[0].Visitors != 3 {
		t.Fatalf("visit list: %+v", list)
	}
	if !strings.HasSuffix(list[0].Want[0].Start, "+08:00") || !strings.Contains(list[0].Want[0].End, "T12:00:00") {
		t.Fatalf("preferred time not in the leader's zone: %+v", list[0].Want[0])
	}

	due := day(monday, 7)
	declined := decode[visitJSON](t, mustRun(t, "--db", db, "visit", "decline", ids, "--reason", "领导近期日程已满", "--materials-due", due, "--json"))
	if declined.State != "declined" || declined.DeclineReason != "领导近期日程已满" || declined.Materials == nil ||
		declined.Materials.State != "expected" || declined.Materials.Due != due || declined.Materials.VisitID != id {
		t.Fatalf("visit decline: %+v (materials %+v)", declined, declined.Materials)
	}
	mid := fmt.Sprint(declined.Materials.ID)
	expected := decode[[]materialJSON](t, mustRun(t, "--db", db, "materials", "list", "--state", "expected", "--json"))
	if len(expected) != 1 || expected[0].ID != declined.Materials.ID || expected[0].State != "expected" || expected[0].Overdue {
		t.Fatalf("materials list: %+v", expected)
	}

	steps := []struct {
		args  []string
		state string
	}{
		{[]string{"receive", mid, "--file", letter, "--copies", "2", "--pages", "12"}, "received"},
		{[]string{"present", mid, "--at", day(monday, 2) + " 16:00"}, "presented"},
		{[]string{"instruct", mid, "--text", "请发改局研究办理"}, "instructed"},
		{[]string{"archive", mid}, "archived"},
	}
	for _, s := range steps {
		m := decode[materialJSON](t, mustRun(t, append(append([]string{"--db", db, "materials"}, s.args...), "--json")...))
		if m.State != s.state {
			t.Fatalf("materials %s: state %s, want %s", s.args[0], m.State, s.state)
		}
	}
	m := decode[materialJSON](t, mustRun(t, "--db", db, "materials", "show", mid, "--json"))
	if len(m.Files) != 1 || m.Files[0].Name != "来函.pdf" || m.Copies != 2 || m.Pages != 12 || m.Instructions != "请发改局研究办理" ||
		!strings.HasPrefix(m.Presented, day(monday, 2)+"T16:00") || m.Archived == "" {
		t.Fatalf("archived materials: %+v", m)
	}
	var moves []string
	for _, e := range m.Trail {
		moves = append(moves, e.From+"→"+e.To)
		if e.Who == "" || e.At == "" {
			t.Errorf("trail entry without who or when: %+v", e)
		}
	}
	if want := "→expected expected→received received→presented presented→instructed instructed→archived"; strings.Join(moves, " ") != want {
		t.Fatalf("trail %v, want %s", moves, want)
	}
	// The letter came with the request and again with the materials: one copy kept.
	if hashes, err := os.ReadDir(filepath.Join(filepath.Dir(db), "files", m.Files[0].SHA256[:2])); err != nil || len(hashes) != 1 {
		t.Fatalf("files folder: %v, %v", hashes, err)
	}
	if archived := decode[[]materialJSON](t, mustRun(t, "--db", db, "materials", "list", "--state", "archived", "--json")); len(archived) != 1 {
		t.Fatalf("archived list: %+v", archived)
	}
	show := mustRun(t, "--db", db, "visit", "show", ids)
	if !strings.Contains(show, "领导近期日程已满") || !strings.Contains(show, "来函.pdf") {
		t.Fatalf("visit show:\n%s", show)
	}
}

func TestVisitBookingThatHitsAConflictThroughTheCommandLine(t *testing.T) {
	db, monday := deskDB(t)
	id := strings.TrimSpace(mustRun(t, "--db", db, "visit", "add", "--org", "台商投资协会", "--person", "陈先生", "--purpose", "投资考察"))

	// Monday 08:30–09:30 is the weekly meeting.
	book := []string{"--db", db, "visit", "book", id, "--start", day(monday, 0) + " 09:00", "--end", day(monday, 0) + " 09:45"}
	code, out, errOut := anteroom(t, append(book, "--json")...)
	if code != exitFindings || !strings.Contains(errOut, "--force") {
		t.Fatalf("booking over the meeting: exit %d, %q", code, errOut)
	}
	refused := decode[checkJSON](t, out)
	var overlap bool
	for _, f := range refused.Findings {
		overlap = overlap || f.Rule == "overlap" && f.Severity == "block" && strings.Contains(f.Message, "周一例会")
	}
	if !overlap {
		t.Fatalf("findings %+v do not name 周一例会", refused.Findings)
	}
	if vs := decode[[]visitJSON](t, mustRun(t, "--db", db, "visit", "list", "--json")); len(vs) != 1 || vs[0].State != "requested" {
		t.Fatalf("a refused booking changed the request: %+v", vs)
	}
	if code, _, errOut := anteroom(t, append(book, "--force")...); code != 1 || !strings.Contains(errOut, "--reason") {
		t.Fatalf("--force without a reason: exit %d, %q", code, errOut)
	}
	before := len(agenda(t, db, "--from", day(monday, 0), "--to", day(monday, 0)))
	type bookJSON struct {
		Saved bool      `json:"saved"`
		Visit visitJSON `json:"visit"`
	}
	booked := decode[bookJSON](t, mustRun(t, append(book, "--force", "--reason", "省领导交办", "--json")...))
	if !booked.Saved || booked.Visit.State != "booked" || booked.Visit.EngagementID == 0 {
		t.Fatalf("forced booking: %+v", booked)
	}
	items := agenda(t, db, "--from", day(monday, 0), "--to", day(monday, 0))
	var visit *agendaItem
	for i, it := range items {
		if it.ID == booked.Visit.EngagementID {
			visit = &items[i]
		}
	}
	if len(items) != before+1 || visit == nil || visit.Kind != "visit" || visit.Source != "visit" || visit.Title != "台商投资协会" {
		t.Fatalf("agenda after the booking: %+v", items)
	}
	cancelled := decode[visitJSON](t, mustRun(t, "--db", db, "visit", "cancel", id, "--note", "对方行程变更", "--json"))
	if cancelled.State != "cancelled" {
		t.Fatalf("visit cancel: %+v", cancelled)
	}
	for _, it := range agenda(t, db, "--from", day(monday, 0), "--to", day(monday, 0)) {
		if it.ID == booked.Visit.EngagementID && it.Status != "cancelled" {
			t.Fatalf("the cancelled visit's engagement is %s", it.Status)
		}
	}
}

func TestVisitCommandsRefuseIllegalMovesAndNameBadInput(t *testing.T) {
	db, monday := deskDB(t)
	id := strings.TrimSpace(mustRun(t, "--db", db, "visit", "add", "--org", "市教育局", "--person", "周敏", "--purpose", "调研汇报"))
	mustRun(t, "--db", db, "visit", "decline", id, "--reason", "请书面报送")
	mid := "1"
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"visit", "add", "--person", "周敏", "--purpose", "x"}, []string{"--org"}},
		{[]string{"visit", "add", "--org", "x", "--purpose", "x"}, []string{"--person"}},
		{[]string{"visit", "add", "--org", "x", "--person", "y"}, []string{"--purpose"}},
		{[]string{"visit", "add", "--org", "x", "--person", "y", "--purpose", "z", "--want", day(monday, 1) + " 09:00"}, []string{"--want"}},
		{[]string{"visit", "add", "--org", "x", "--person", "y", "--purpose", "z", "--want", day(monday, 1) + " 12:00/09:00"}, []string{"--want"}},
		{[]string{"visit", "add", "--org", "x", "--person", "y", "--purpose", "z", "--file", "https://example.com/a.pdf"}, []string{"--file"}},
		{[]string{"visit", "list", "--state", "pending"}, []string{"--state"}},
		{[]string{"visit", "decline", "999", "--reason", "x"}, []string{"999"}},
		{[]string{"visit", "book", id, "--start", day(monday, 1) + " 10:00", "--end", day(monday, 1) + " 10:30"}, []string{tr("visit.state.declined"), tr("visit.move.book")}},
		{[]string{"visit", "withdraw", id}, []string{tr("visit.state.declined"), tr("visit.move.withdraw")}},
		{[]string{"visit", "decline", id}, []string{"--reason"}},
		{[]string{"visit", "book", "abc"}, []string{"abc"}},
		{[]string{"visit", "frobnicate"}, []string{"frobnicate"}},
		{[]string{"materials", "present", mid}, []string{tr("materials.state.expected"), tr("materials.move.present")}},
		{[]string{"materials", "archive", mid}, []string{tr("materials.state.expected"), tr("materials.move.archive")}},
		{[]string{"materials", "instruct", mid}, []string{"--text"}},
		{[]string{"materials", "receive", mid, "--file", t.TempDir()}, []string{"--file"}},
		{[]string{"materials", "receive", mid, "--copies", "-1"}, []string{"--copies"}},
		{[]string{"materials", "list", "--state", "lost"}, []string{"--state"}},
	}
	for _, c := range cases {
		code, _, errOut := anteroom(t, append([]string{"--db", db}, c.args...)...)
		if code != 1 {
			t.Errorf("%v: exit %d (%s), want 1", c.args, code, errOut)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: stderr %q does not name %q", c.args, errOut, w)
			}
		}
	}
	// Nothing above changed the materials.
	ms := decode[[]materialJSON](t, mustRun(t, "--db", db, "materials", "list", "--json"))
	if len(ms) != 1 || ms[0].State != "expected" || len(ms[0].Files) != 0 {
		t.Fatalf("materials after refusals: %+v", ms)
	}
}
