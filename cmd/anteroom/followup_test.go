package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"anteroom/calendar"
	"anteroom/data"
)

// pastMeeting books, on the last weekday before today, a meeting from
// 9:00 to 10:30 in Shanghai, and returns the database and its ID.
func pastMeeting(t *testing.T, title, class string) (string, int64) {
	t.Helper()
	db := tempDB(t)
	t.Setenv("TZ", "Asia/Shanghai")
	d := calendar.DateOf(time.Now().In(time.FixedZone("CST", 8*3600))).AddDays(-1)
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDays(-1)
	}
	mustRun(t, "--db", db, "leader", "add", "--name", "王主任", "--zone", "Asia/Shanghai")
	mustRun(t, "--db", db, "add", "--title", title, "--class", class, "--location", "三楼会议室",
		"--start", d.String()+" 09:00", "--end", d.String()+" 10:30", "--force", "--reason", "补录")
	items := agenda(t, db, "--from", d.String(), "--to", d.String())
	if len(items) != 1 {
		t.Fatalf("booked %d items", len(items))
	}
	return db, items[0].ID
}

type minutesOut struct {
	ID        int64  `json:"id"`
	State     string `json:"state"`
	Meeting   string `json:"meeting"`
	MState    string `json:"meeting_state"`
	Decisions []struct {
		N    int    `json:"n"`
		Text string `json:"text"`
	} `json:"decisions"`
	Attendees []string `json:"attendees"`
	SignedBy  string   `json:"signed_by"`
	Number    string   `json:"number"`
	Trail     []struct {
		Who, From, To string
	} `json:"trail"`
}

type itemOut struct {
	ID      int64  `json:"id"`
	State   string `json:"state"`
	Overdue bool   `json:"overdue"`
	Due     string `json:"due"`
	Unit    string `json:"unit"`
	Source  string `json:"source"`
	Text    string `json:"text"`
	Reports []struct {
		By, Text string
	} `json:"reports"`
	CloseReason string `json:"close_reason"`
}

// failing runs the command line and wants it to fail with code; it
// returns standard error.
func failing(t *testing.T, code int, args ...string) string {
	t.Helper()
	got, _, errOut := anteroom(t, args...)
	if got != code {
		t.Fatalf("%v: exit %d, want %d: %s", args, got, code, errOut)
	}
	return errOut
}

func TestMeetingToMinutesToFollowUpToClosedThroughTheCommandLine(t *testing.T) {
	db, meeting := pastMeeting(t, "安全生产专题会", "internal")
	id := strconv.FormatInt(meeting, 10)
	m := decode[minutesOut](t, mustRun(t, "--db", db, "minutes", "edit", id, "--json",
		"--decision", "各单位本周内完成隐患排查", "--decision", "办公室牵头起草整改方案", "--attendees", "王主任,李处长、赵科长"))
	if m.State != "draft" || len(m.Decisions) != 2 || m.Decisions[1].N != 2 || len(m.Attendees) != 3 || m.Meeting != "安全生产专题会" {
		t.Fatalf("draft minutes %+v", m)
	}
	mid := strconv.FormatInt(m.ID, 10)
	// Editing again changes the same minutes.
	again := decode[minutesOut](t, mustRun(t, "--db", db, "minutes", "edit", id, "--json", "--text", "会议听取了汇报。"))
	if again.ID != m.ID || len(again.Decisions) != 2 {
		t.Fatalf("editing again gave %+v", again)
	}
	// Illegal moves are refused naming the state, and change nothing.
	errOut := failing(t, 1, "--db", db, "minutes", "sign", mid, "--by", "王主任")
	if !strings.Contains(errOut, "draft") || !strings.Contains(errOut, "signed") {
		t.Fatalf("signing a draft said %q", errOut)
	}
	failing(t, 1, "--db", db, "followup", "add", "--from", "minutes:"+mid+"/1", "--unit", "安监处", "--due", "2026-12-31")

	mustRun(t, "--db", db, "minutes", "submit", mid)
	mustRun(t, "--db", db, "minutes", "sign", mid, "--by", "王主任")
	issued := decode[minutesOut](t, mustRun(t, "--db", db, "minutes", "issue", mid, "--number", "办纪〔2026〕12号", "--to", "安监处,办公室", "--json"))
	if issued.State != "issued" || issued.SignedBy != "王主任" || issued.Number != "办纪〔2026〕12号" {
		t.Fatalf("issued minutes %+v", issued)
	}
	shown := decode[minutesOut](t, mustRun(t, "--db", db, "minutes", "show", mid, "--json"))
	if len(shown.Trail) != 5 || shown.Trail[4].From != "signed" || shown.Trail[4].To != "issued" || shown.Trail[0].Who == "" {
		t.Fatalf("the minutes' trail %+v", shown.Trail)
	}

	var ids []string
	for n := 1; n <= 2; n++ {
		out := mustRun(t, "--db", db, "followup", "add", "--from", "minutes:"+mid+"/"+strconv.Itoa(n), "--unit", "安监处",
			"--due", "2099-12-31", "--priority", "urgent")
		ids = append(ids, strings.TrimSpace(out))
	}
	items := decode[[]itemOut](t, mustRun(t, "--db", db, "followup", "list", "--json", "--unit", "安监处"))
	if len(items) != 2 || items[0].Text != "各单位本周内完成隐患排查" || items[0].Source != "minutes:"+mid+"/1" || items[0].State != "open" {
		t.Fatalf("the board lists %+v", items)
	}
	failing(t, 1, "--db", db, "followup", "feedback", ids[0])
	failing(t, 1, "--db", db, "followup", "close", ids[0])
	for _, report := range []string{"已完成12家单位排查", "全部排查完毕"} {
		mustRun(t, "--db", db, "followup", "report", ids[0], "--text", report, "--by", "安监处张三")
	}
	mustRun(t, "--db", db, "followup", "feedback", ids[0])
	closed := decode[itemOut](t, mustRun(t, "--db", db, "followup", "close", ids[0], "--json"))
	if closed.State != "closed" || len(closed.Reports) != 2 || closed.Reports[1].By != "安监处张三" {
		t.Fatalf("closed item %+v", closed)
	}
	// Closing the other before it is reported back takes --force and a reason, which the trail keeps.
	failing(t, 1, "--db", db, "followup", "close", ids[1], "--force")
	forced := decode[itemOut](t, mustRun(t, "--db", db, "followup", "close", ids[1], "--force", "--reason", "并入年度整改", "--json"))
	if forced.State != "closed" || forced.CloseReason != "并入年度整改" {
		t.Fatalf("forced close %+v", forced)
	}
	if open := decode[[]itemOut](t, mustRun(t, "--db", db, "followup", "list", "--json", "--state", "open")); len(open) != 0 {
		t.Fatalf("open items left: %+v", open)
	}
	// Deleting the meeting keeps its minutes and items, which say it is gone.
	deleteEngagement(t, db, meeting)
	gone := decode[minutesOut](t, mustRun(t, "--db", db, "minutes", "show", mid, "--json"))
	if gone.MState != "deleted" || len(gone.Decisions) != 2 {
		t.Fatalf("after deleting the meeting the minutes read %+v", gone)
	}
}

func TestOverdueFollowUpsAndThePrintedListHideConfidentialText(t *testing.T) {
	db, meeting := pastMeeting(t, "绝密人事会议", "confidential")
	id := strconv.FormatInt(meeting, 10)
	m := decode[minutesOut](t, mustRun(t, "--db", db, "minutes", "edit", id, "--json", "--decision", "调整干部甲的职务"))
	mid := strconv.FormatInt(m.ID, 10)
	mustRun(t, "--db", db, "minutes", "submit", mid)
	mustRun(t, "--db", db, "minutes", "sign", mid, "--by", "王主任")
	yesterday := calendar.DateOf(time.Now()).AddDays(-2).String()
	mustRun(t, "--db", db, "followup", "add", "--from", "minutes:"+mid+"/1", "--unit", "组织处", "--due", yesterday)
	mustRun(t, "--db", db, "followup", "add", "--text", "报送年度统计数据", "--unit", "统计处", "--due", "2099-01-01")

	overdue := decode[[]itemOut](t, mustRun(t, "--db", db, "followup", "list", "--overdue", "--json"))
	if len(overdue) != 1 || overdue[0].Unit != "组织处" || !overdue[0].Overdue {
		t.Fatalf("overdue items %+v", overdue)
	}
	dir := t.TempDir()
	for _, level := range []string{"full", "limited"} {
		list := filepath.Join(dir, "list-"+level+".html")
		mustRun(t, "--db", db, "followup", "print", "--level", level, "-o", list)
		minutes := filepath.Join(dir, "minutes-"+level+".html")
		mustRun(t, "--db", db, "minutes", "print", mid, "--level", level, "-o", minutes)
		rows := htmlRows(t, list)
		if len(rows) != 2 || !strings.Contains(rows[0], "组织处") || !strings.Contains(rows[1], "报送年度统计数据") {
			t.Fatalf("%s list rows %q", level, rows)
		}
		for _, f := range []string{list, minutes} {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			secret := bytes.Contains(b, []byte("调整干部甲")) || bytes.Contains(b, []byte("绝密人事"))
			if secret != (level == "full") {
				t.Fatalf("%s: confidential text shown %v at level %s", filepath.Base(f), secret, level)
			}
		}
	}
	// The Friday review lists the overdue item beside the week; the
	// leader's plan lists both awaiting feedback, the confidential one as
	// an official matter only.
	type weekOut struct {
		FollowUps []itemOut `json:"followups"`
	}
	week := decode[weekOut](t, mustRun(t, "--db", db, "week", "show", "--json"))
	if len(week.FollowUps) != 1 || week.FollowUps[0].Unit != "组织处" || !week.FollowUps[0].Overdue {
		t.Fatalf("the review lists follow-ups %+v", week.FollowUps)
	}
	planFile := filepath.Join(dir, "plan.html")
	mustRun(t, "--db", db, "week", "print", "--followups", "-o", planFile)
	pending := htmlClass(t, planFile, "pending")
	if b, _ := os.ReadFile(planFile); len(pending) != 2 || bytes.Contains(b, []byte("调整干部甲")) || !bytes.Contains(b, []byte("报送年度统计数据")) {
		t.Fatalf("the plan's pending items %q", pending)
	}
	decisions := htmlClass(t, filepath.Join(dir, "minutes-full.html"), "decision")
	if len(decisions) != 1 || !strings.Contains(decisions[0], "调整干部甲的职务") {
		t.Fatalf("printed decisions %q", decisions)
	}
}

// deleteEngagement deletes an engagement as the window does (the command
// line has no delete).
func deleteEngagement(t *testing.T, path string, id int64) {
	t.Helper()
	db, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := calendar.NewService(db).Delete(context.Background(), id); err != nil {
		t.Fatal(err)
	}
}

// htmlRows returns the text of each item row of a printed list.
func htmlRows(t *testing.T, path string) []string { return htmlClass(t, path, "item") }

// htmlClass returns the text of each element of a printed page whose
// class list holds class.
func htmlClass(t *testing.T, path, class string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "class" && containsWord(a.Val, class) {
					out = append(out, nodeText(n))
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func containsWord(list, w string) bool {
	for _, f := range strings.Fields(list) {
		if f == w {
			return true
		}
	}
	return false
}

func nodeText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(nodeText(c))
		b.WriteString(" ")
	}
	return b.String()
}
