package plan_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"anteroom/calendar"
	"anteroom/calendar/ics"
	"anteroom/calendar/plan"
	"anteroom/data/datatest"
)

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

// w48 is Monday 23 to Sunday 29 November 2026; the plan is made on the
// Friday before.
var (
	w48 = calendar.Week{Year: 2026, Number: 48}
	now = time.Date(2026, 11, 20, 17, 30, 0, 0, shanghai)
)

// chinese answers the keys a test looks for in Chinese, the rest in English.
func chinese(key, fallback string, data ...any) string {
	zh := map[string]string{
		"review.plan.lang":           "zh-CN",
		"review.plan.title":          "{{.Leaders}}一周工作安排",
		"review.plan.leaders_sep":    "、",
		"review.plan.confidential":   "公务活动",
		"review.plan.col.organiser":  "主办单位",
		"review.plan.date":           "{{.Month}}月{{.Day}}日",
		"review.plan.weekday.monday": "星期一",
	}
	if t, ok := zh[key]; ok {
		fallback = t
	}
	return plan.English(key, fallback, data...)
}

// planDesk is a service with two leaders: the sample week for 张书记,
// whose 县委常委会 is confidential, and one public meeting of 李县长's.
func planDesk(t *testing.T) (*calendar.Service, []int64) {
	t.Helper()
	ctx := context.Background()
	svc := calendar.NewService(datatest.Open(t))
	svc.SetClock(func() time.Time { return now })
	var ids []int64
	for _, name := range []string{"张书记", "李县长"} {
		l := calendar.Leader{Name: name, ZoneName: "Asia/Shanghai"}
		if err := svc.AddLeader(ctx, &l); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, l.ID)
	}
	secretary, _ := svc.Leader(ctx, ids[0])
	if _, err := calendar.LoadSampleWeek(ctx, svc, secretary, w48.Monday()); err != nil {
		t.Fatal(err)
	}
	e := calendar.Engagement{LeaderID: ids[1], Title: "县政府常务会议", Location: "县政府第一会议室", Organiser: "县政府办",
		Start: time.Date(2026, 11, 23, 8, 30, 0, 0, shanghai), End: time.Date(2026, 11, 23, 10, 0, 0, 0, shanghai),
		ZoneName: "Asia/Shanghai", Classification: calendar.ClassPublic}
	if err := svc.Save(ctx, &e); err != nil {
		t.Fatal(err)
	}
	return svc, ids
}

// parsed is a printed plan as a browser reads it.
type parsed struct {
	doc  *html.Node
	rows [][]string // the cells of every row of the table body, as text
}

func parse(t *testing.T, b []byte) parsed {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	p := parsed{doc: doc}
	var walk func(n *html.Node, inBody bool)
	walk = func(n *html.Node, inBody bool) {
		if n.Type == html.ElementNode && n.Data == "tbody" {
			inBody = true
		}
		if inBody && n.Type == html.ElementNode && n.Data == "tr" {
			var cells []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.Data == "td" {
					cells = append(cells, text(c))
				}
			}
			p.rows = append(p.rows, cells)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBody)
		}
	}
	walk(doc, false)
	return p
}

func text(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(text(c))
	}
	return b.String()
}

// find returns every element named tag.
func find(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	if n.Type == html.ElementNode && n.Data == tag {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, find(c, tag)...)
	}
	return out
}

func TestPrintedPlanHasItsRowsAndNoConfidentialTitle(t *testing.T) {
	svc, ids := planDesk(t)
	p, err := plan.Build(context.Background(), svc, ids, w48)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := plan.WriteHTML(&buf, p, chinese, now, shanghai); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	doc := parse(t, buf.Bytes())

	// One row per engagement and day: the sample week's 11, the trip's
	// second day and 李县长's meeting; Wednesday to Friday have rows, the
	// weekend has the tree-planting on Saturday, Sunday is left out.
	var items [][]string
	for _, r := range doc.rows {
		if len(r) >= 5 {
			items = append(items, r)
		}
	}
	if len(items) != p.Rows() || p.Rows() != 13 {
		t.Fatalf("%d item rows printed, plan has %d: %q", len(items), p.Rows(), doc.rows)
	}
	first := items[0]
	if len(first) != 6 || first[0] != "11月23日星期一" || first[1] != "08:30–09:30" || first[2] != "周一例会" || first[3] != "第一会议室" || first[4] != "张书记" {
		t.Fatalf("first row %q", first)
	}
	second := items[1]
	if len(second) != 5 || second[1] != "县政府常务会议" || second[3] != "李县长" || second[4] != "县政府办" {
		t.Fatalf("second row %q (no day cell: the day spans it)", second)
	}
	if strings.Contains(page, "县委常委会") || strings.Contains(page, "常委会议室") {
		t.Fatal("the confidential 县委常委会 or its room is in the plan")
	}
	var confidential []string
	for _, r := range items {
		if strings.Contains(strings.Join(r, "|"), "公务活动") {
			confidential = append(confidential, strings.Join(r, "|"))
		}
	}
	if len(confidential) != 1 || !strings.Contains(confidential[0], "15:00–16:30|公务活动||张书记|") {
		t.Fatalf("confidential rows %q, want one 公务活动 at 15:00 with no place or organiser", confidential)
	}
	if !strings.Contains(page, "待定") && !strings.Contains(page, "to be confirmed") {
		t.Error("the tentative 防汛工作专题会 is not marked")
	}

	// Self-contained, A4 landscape, Chinese fonts.
	for _, tag := range []string{"script", "link", "img", "iframe", "object"} {
		if n := find(doc.doc, tag); len(n) > 0 {
			t.Errorf("the plan has a <%s>", tag)
		}
	}
	var attrs func(n *html.Node)
	attrs = func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "src" || a.Key == "href" || strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q> in the plan", n.Data, a.Key, a.Val)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			attrs(c)
		}
	}
	attrs(doc.doc)
	if strings.Contains(page, "http:") || strings.Contains(page, "https:") || strings.Contains(page, "url(") || strings.Contains(page, "@import") {
		t.Error("the plan refers to something outside itself")
	}
	for _, want := range []string{`<html lang="zh-CN">`, `<meta charset="utf-8">`, "@page { size: A4 landscape;", "@media print",
		`"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif`,
		"张书记、李县长一周工作安排", "display: table-header-group"} {
		if !strings.Contains(page, want) {
			t.Errorf("the plan lacks %q", want)
		}
	}
	if sunday := strings.Contains(page, `data-date="2026-11-29"`); sunday {
		t.Error("an empty Sunday is printed")
	}
}

func TestPrintedPlanEscapesWhatItQuotes(t *testing.T) {
	p := plan.WeekPlan{Week: w48, Leaders: []calendar.Leader{{ID: 1, Name: "<b>王</b>"}}, Days: []plan.PlanDay{{
		Date: w48.Monday(),
		Rows: []plan.PlanRow{{Leader: calendar.Leader{ID: 1, Name: "<b>王</b>"}, Title: `<script>alert("x")</script>`,
			Start: time.Date(2026, 11, 23, 9, 0, 0, 0, shanghai), End: time.Date(2026, 11, 24, 10, 0, 0, 0, shanghai)}},
	}}}
	var buf bytes.Buffer
	if err := plan.WriteHTML(&buf, p, plan.English, now, shanghai); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<script>") || strings.Contains(buf.String(), "<b>") {
		t.Fatal("text from the calendar is written as markup")
	}
	rows := parse(t, buf.Bytes()).rows
	if rows[0][1] != "09:00–24 Nov 10:00" || rows[0][2] != `<script>alert("x")</script>` {
		t.Fatalf("row %q: want the end's day when it ends on a later one, and the title as text", rows[0])
	}
}

func TestCirculateWritesThePlanAndTheICSTogether(t *testing.T) {
	svc, ids := planDesk(t)
	dir := t.TempDir()
	got, err := plan.Circulate(context.Background(), svc, ids[:1], w48, ics.PrivacyLimited, dir, chinese)
	if err != nil {
		t.Fatal(err)
	}
	if got.HTML != filepath.Join(dir, "plan-2026-W48.html") || got.ICS != filepath.Join(dir, "plan-2026-W48.ics") || got.Rows != 12 || got.Events != 11 {
		t.Fatalf("circulated %+v", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("the folder holds %d files, want the two: %v", len(entries), entries)
	}
	cal, err := os.ReadFile(got.ICS)
	if err != nil {
		t.Fatal(err)
	}
	s := string(cal)
	if !strings.HasPrefix(s, "BEGIN:VCALENDAR") || !strings.Contains(s, "周一例会") || strings.Contains(s, "县委常委会") ||
		!strings.Contains(s, ics.BusyTitle) || strings.Contains(s, "县政府常务会议") {
		t.Fatalf("the .ics at limited privacy:\n%s", s)
	}
	page, err := os.ReadFile(got.HTML)
	if err != nil || !strings.Contains(string(page), "张书记一周工作安排") || strings.Contains(string(page), "县委常委会") {
		t.Fatalf("the plan: %v", err)
	}

	// A folder that is not there: nothing written, and said so.
	missing := filepath.Join(dir, "gone")
	if _, err := plan.Circulate(context.Background(), svc, ids, w48, ics.PrivacyBusy, missing, chinese); err == nil {
		t.Fatal("circulating into a missing folder succeeded")
	}
}

// TestCirculatedPlanShowsNoMoreThanItsICS: circulated at busy, the plan
// shows times and leaders, and no title, place or organiser, public ones
// included, as the .ics beside it; at limited it is the printed plan.
func TestCirculatedPlanShowsNoMoreThanItsICS(t *testing.T) {
	svc, ids := planDesk(t)
	dir := t.TempDir()
	got, err := plan.Circulate(context.Background(), svc, ids, w48, ics.PrivacyBusy, dir, chinese)
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(got.HTML)
	if err != nil {
		t.Fatal(err)
	}
	for _, hidden := range []string{"县政府常务会议", "县政府第一会议室", "县政府办", "周一例会", "县委常委会"} {
		if strings.Contains(string(page), hidden) {
			t.Errorf("the plan circulated at busy shows %q", hidden)
		}
	}
	rows := parse(t, page).rows
	busy := 0
	for _, r := range rows {
		for _, c := range r {
			if strings.HasPrefix(c, "Busy") { // chinese leaves it in English; a tentative row adds a mark
				busy++
			}
		}
	}
	if busy != got.Rows || !strings.Contains(string(page), "李县长") || !strings.Contains(string(page), "Only the times are shown") {
		t.Fatalf("%d of %d rows read Busy, or the leaders or the note are missing:\n%s", busy, got.Rows, page)
	}

	limited := t.TempDir()
	if got, err = plan.Circulate(context.Background(), svc, ids, w48, ics.PrivacyLimited, limited, chinese); err != nil {
		t.Fatal(err)
	}
	printed, err := os.ReadFile(got.HTML)
	if err != nil || !strings.Contains(string(printed), "县政府常务会议") || !strings.Contains(string(printed), "县政府办") {
		t.Fatalf("the plan circulated at limited lacks the public meeting: %v", err)
	}
}
