package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/net/html"

	"anteroom/calendar"
	"anteroom/calendar/followup"
)

// confidentialMinutes books a confidential meeting this morning and takes
// its minutes with decisions through sign-off and issue, in the service.
func confidentialMinutes(t *testing.T, d *uiDesk, title string, decisions ...string) followup.Minutes {
	t.Helper()
	ctx := context.Background()
	e := calendar.Engagement{LeaderID: d.leader.ID, Kind: calendar.KindMeeting, Title: title, Location: "常委会议室",
		Start: mon(8, 0), End: mon(9, 30), ZoneName: "Asia/Shanghai", Status: calendar.StatusConfirmed, Classification: calendar.ClassConfidential}
	if err := d.svc.Save(ctx, &e); err != nil {
		t.Fatal(err)
	}
	d.m.reload()
	svc := d.m.follow.svc
	m, err := svc.EditMinutes(ctx, e.ID, e.RecurrenceID, followup.Draft{Decisions: decisions}, "秘书甲")
	if err != nil {
		t.Fatal(err)
	}
	if _, err = svc.SubmitMinutes(ctx, m.ID, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if _, err = svc.SignMinutes(ctx, m.ID, "张书记", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if m, err = svc.IssueMinutes(ctx, m.ID, "办纪〔2026〕7号", calendar.NewDate(2026, 11, 23), []string{"办公室"}, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	return m
}

// printTo drives a print dialog as a user does: the level, Save as
// HTML…, and the file the save dialog gives; it returns the page parsed.
func printTo(t *testing.T, win fyne.Window, p *printDialog, level printLevel, name string) *html.Node {
	t.Helper()
	if p == nil || !p.dialog.MinSize().IsZero() && win.Canvas().Overlays().Top() == nil {
		t.Fatal("Print… showed no dialog")
	}
	p.level.setValue(level)
	test.Tap(p.saveBtn)
	top, ok := win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok || top == nil {
		t.Fatal("Save as HTML… asked for no file")
	}
	closeTop(win.Canvas()) // the save dialog; its answer follows
	path := filepath.Join(t.TempDir(), name)
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	p.saveTo(w, nil)
	if p.problem.Visible() || p.saved == nil || p.saved.Path() != path {
		t.Fatalf("saving %s: %q", name, p.problem.Full())
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s is no HTML: %v", name, err)
	}
	return doc
}

// elements returns the elements of doc whose class attribute holds class.
func elements(doc *html.Node, tag, class string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag && slices.Contains(strings.Fields(attr(n, "class")), class) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// textOf is all the text below n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestMinutesPrintFromTheWindowAtFullAndLimitedLevel(t *testing.T) {
	d := newDesk(t)
	m := confidentialMinutes(t, d, "人事调整专题会", "同意张三任办公室副主任", "下周公示")
	md := openMinutesFromGrid(t, d, "人事调整专题会")
	if !slices.Contains(md.buttons(), fyne.CanvasObject(md.printBtn)) {
		t.Fatal("issued minutes offer no Print…")
	}
	test.Tap(md.printBtn)

	full := printTo(t, d.win, md.printing, printFull, "full.html")
	var got []string
	for _, li := range elements(full, "li", "decision") {
		got = append(got, textOf(li))
	}
	want := []string{chineseNumeralPrinted(1) + "同意张三任办公室副主任", chineseNumeralPrinted(2) + "下周公示"}
	if !slices.Equal(got, want) {
		t.Fatalf("the full minutes list the decisions %q, want %q", got, want)
	}
	if !strings.Contains(textOf(full), "办纪〔2026〕7号") {
		t.Fatal("the full minutes miss the document number")
	}

	limited := printTo(t, d.win, md.printing, printLimited, "limited.html")
	page := textOf(limited)
	for _, secret := range []string{"人事调整专题会", "同意张三任办公室副主任", "下周公示", "常委会议室"} {
		if strings.Contains(page, secret) {
			t.Fatalf("the limited minutes show %q", secret)
		}
	}
	if len(elements(limited, "li", "decision")) != 0 || !strings.Contains(page, tr("followup.official")) {
		t.Fatal("the limited minutes list decisions, or do not say an official meeting took place")
	}
	if md.min.ID != m.ID {
		t.Fatalf("printed minutes %d, want %d", md.min.ID, m.ID)
	}
}

// chineseNumeralPrinted is how the printed minutes number a decision in
// the test's language.
func chineseNumeralPrinted(n int) string {
	return lang2("followup.print.decision_n", map[string]any{"N": n, "Han": followup.ChineseNumeral(n) + "、"})
}

func TestFollowUpListPrintsTheItemsAsFiltered(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	svc := d.m.follow.svc
	m := confidentialMinutes(t, d, "人事调整专题会", "同意张三任办公室副主任")
	secret, err := svc.AddItem(ctx, followup.NewItem{Source: followup.Source{Kind: followup.FromMinutes, MinutesID: m.ID, Decision: 1},
		Unit: "组织部", Due: calendar.NewDate(2026, 11, 20)}, "秘书甲")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ReportProgress(ctx, secret.ID, "已完成考察谈话", "组织部", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	plain := directItem(t, d, "报送统计数据", "组织部", calendar.NewDate(2026, 11, 27))
	directItem(t, d, "起草年度工作总结", "办公室", calendar.NewDate(2026, 12, 15))

	b := d.m.follow.openBoard()
	b.unit.SetSelected("组织部")
	if len(b.table.rows) != 2 {
		t.Fatalf("the unit filter lists %d rows", len(b.table.rows))
	}
	test.Tap(b.printBtn)
	ids := func(doc *html.Node) []int64 {
		var out []int64
		for _, tr := range elements(doc, "tr", "item") {
			id, _ := strconv.ParseInt(attr(tr, "data-id"), 10, 64)
			out = append(out, id)
		}
		return out
	}
	var shown []int64
	for _, it := range b.table.rows {
		shown = append(shown, it.ID)
	}

	full := printTo(t, b.win, b.printing, printFull, "full.html")
	if got := ids(full); !slices.Equal(got, shown) {
		t.Fatalf("the full list prints items %v, the board shows %v", got, shown)
	}
	if page := textOf(full); !strings.Contains(page, "同意张三任办公室副主任") || !strings.Contains(page, "已完成考察谈话") {
		t.Fatal("the full list hides the confidential matter")
	}
	if overdue := elements(full, "tr", "overdue"); len(overdue) != 1 || attr(overdue[0], "data-id") != strconv.FormatInt(secret.ID, 10) {
		t.Fatal("the overdue item is not marked in the printed list")
	}

	limited := printTo(t, b.win, b.printing, printLimited, "limited.html")
	if got := ids(limited); !slices.Equal(got, shown) {
		t.Fatalf("the limited list prints items %v, the board shows %v", got, shown)
	}
	page := textOf(limited)
	for _, s := range []string{"同意张三任办公室副主任", "已完成考察谈话", "人事调整专题会"} {
		if strings.Contains(page, s) {
			t.Fatalf("the limited list shows %q", s)
		}
	}
	if !strings.Contains(page, plain.Text) || !strings.Contains(page, tr("followup.official")) {
		t.Fatal("the limited list misses the plain matter, or does not show the confidential one as an official matter")
	}
	if strings.Contains(page, "起草年度工作总结") {
		t.Fatal("the list prints an item the filter leaves out")
	}
}

func TestAllMinutesListOpensTheMinutes(t *testing.T) {
	d := newDesk(t)
	empty := d.m.follow.openMinutesList()
	if !empty.empty.Visible() || len(empty.table.rows) != 0 {
		t.Fatal("an empty list does not say there are no minutes")
	}
	empty.win.Close()
	confidentialMinutes(t, d, "人事调整专题会", "下周公示")
	pastMeeting(t, d, "防汛会商")
	md := openMinutesFromGrid(t, d, "防汛会商")
	d.tapButton(tr("Add decision"))
	test.Type(md.decisions[0], "加强值班值守")
	test.Tap(md.saveBtn)
	test.Tap(md.closeBtn)

	item := d.menuItem(tr("All minutes…"))
	if item == nil || item.Disabled {
		t.Fatal("the Follow-up menu has no All minutes…")
	}
	item.Action()
	l := d.m.follow.list
	if l == nil || len(l.table.rows) != 2 || l.empty.Visible() {
		t.Fatal("the list does not show both minutes")
	}
	row, ok := l.row("人事调整专题会")
	if !ok {
		t.Fatal("no row for the issued minutes")
	}
	cell := func(r, c int) string {
		o := l.table.Table.CreateCell()
		l.table.Table.UpdateCell(widget.TableCellID{Row: r, Col: c}, o)
		return o.(*widget.Label).Text
	}
	if got, want := cell(row, 2), minutesStateLabel(followup.MinutesIssued); got != want {
		t.Fatalf("the issued minutes' state reads %q, want %q", got, want)
	}
	if got := cell(row, 3); got != "办纪〔2026〕7号" {
		t.Fatalf("the document number reads %q", got)
	}
	if got, want := cell(row, 1), longDate(calendar.NewDate(2026, 11, 23)); got != want {
		t.Fatalf("the date reads %q, want %q", got, want)
	}
	draftRow, _ := l.row("防汛会商")
	if got, want := cell(draftRow, 2), minutesStateLabel(followup.MinutesDraft); got != want || cell(draftRow, 3) != "" {
		t.Fatalf("the draft reads %q, want %q", got, want)
	}

	l.table.Select(widget.TableCellID{Row: row, Col: 0})
	opened := d.m.follow.minutes
	if opened == nil || opened.min.Meeting.Title != "人事调整专题会" || opened.win != l.win {
		t.Fatal("a row of the list does not open its minutes over the list")
	}
	// A move in the minutes shows in the list.
	draft := d.m.follow.openMinutesByID(l.win, l.table.rows[draftRow].ID)
	test.Tap(draft.submitBtn)
	draftRow, _ = l.row("防汛会商")
	if got, want := cell(draftRow, 2), minutesStateLabel(followup.MinutesSubmitted); got != want {
		t.Fatalf("after submitting the list reads %q, want %q", got, want)
	}
}

func TestEnglishLabelsAreCapitalisedAndTheChosenRowIsHighlighted(t *testing.T) {
	speaking(t, "en_US.UTF-8")
	d := newDesk(t)
	it := directItem(t, d, "Draft the annual report", "Office", calendar.NewDate(2026, 12, 15))
	directItem(t, d, "Send the statistics", "Statistics", calendar.NewDate(2026, 12, 16))
	if _, err := d.m.follow.svc.ReportProgress(context.Background(), it.ID, "first draft done", "Office", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	b := d.m.follow.openBoard()
	row, _ := b.row(it.Text)
	for col, want := range map[int]string{4: "Normal", 5: "In progress"} {
		if _, l, _ := b.cell(row, col); l.Text != want {
			t.Fatalf("column %d reads %q, want %q", col, l.Text, want)
		}
	}
	if got := priorityLabel(followup.PriorityUrgent); got != "Urgent" {
		t.Fatalf("urgent reads %q", got)
	}
	if got := minutesStateLabel(followup.MinutesIssued); got != "Issued" {
		t.Fatalf("issued minutes read %q", got)
	}
	if got := sourceLabel(followup.FromDirect); got != "Handed down directly" {
		t.Fatalf("the direct source reads %q", got)
	}
	if got := b.state.Options[2:]; !slices.Equal(got, []string{"Open", "In progress", "Reported back", "Closed"}) {
		t.Fatalf("the state filter offers %q", got)
	}
	// Inside a sentence the domain's word stays lowercase.
	want := lang2("followup.illegal_move", map[string]any{"ID": 1, "State": "open", "Move": tr("followup.move.feedback")})
	if !strings.Contains(want, "is open:") {
		t.Fatalf("the refusal reads %q", want)
	}

	// Every cell of the chosen row is filled, none of the other's.
	b.open(it.Text)
	row, _ = b.row(it.Text)
	for col := range b.table.cols {
		if fill, _, _ := b.cell(row, col); isTransparent(fill) {
			t.Fatalf("column %d of the chosen row is not highlighted", col)
		}
		if fill, _, _ := b.cell(1-row, col); !isTransparent(fill) {
			t.Fatalf("column %d of the other row is highlighted", col)
		}
	}
}

func isTransparent(r *canvas.Rectangle) bool {
	_, _, _, a := r.FillColor.RGBA()
	return a == 0
}

func TestBoardFitsASmallScreenWithoutSidewaysScrolling(t *testing.T) {
	for _, loc := range []string{"zh_CN.UTF-8", "en_US.UTF-8"} {
		t.Run(loc, func(t *testing.T) {
			speaking(t, loc)
			d := newDesk(t)
			ctx := context.Background()
			svc := d.m.follow.svc
			late := directItem(t, d, "起草年度工作总结并报送领导审阅，同时抄送各处室", "办公室", calendar.NewDate(2026, 11, 20))
			if _, err := svc.ReportProgress(ctx, late.ID, "初稿已完成，正在征求各部门意见，预计下周报送", "办公室", "秘书甲"); err != nil {
				t.Fatal(err)
			}
			if _, err := svc.Feedback(ctx, late.ID, "秘书甲"); err != nil {
				t.Fatal(err)
			}
			if _, err := svc.AddItem(ctx, followup.NewItem{LeaderID: d.leader.ID, Source: followup.Source{Kind: followup.FromDirect},
				Text: "报送统计数据", Unit: "统计处", Due: calendar.NewDate(2026, 12, 30), Priority: followup.PriorityImportant}, "秘书甲"); err != nil {
				t.Fatal(err)
			}
			b := d.m.follow.openBoard()
			b.open(late.Text) // the detail pane shows it, its buttons at their widest
			if size := b.win.Canvas().Size(); size.Width > 1024 || size.Height > 700 {
				t.Fatalf("the board opens at %v", size)
			}
			tableWidth := b.table.Size().Width
			fitted := b.tableBox.Layout.(*lastColumnLayout)
			cols := fitted.last + theme.Padding()
			for _, c := range b.table.cols[:len(b.table.cols)-1] {
				cols += c.width + theme.Padding()
			}
			if tableWidth <= 0 || cols > tableWidth+1 {
				t.Fatalf("the columns need %.0f of the table's %.0f: it scrolls sideways", cols, tableWidth)
			}
			// The columns of words show them whole: 逾期, Important, Reported back.
			for col := 3; col <= 5; col++ {
				for row := range b.table.rows {
					fill, l, red := b.cell(row, col)
					if red.Visible() {
						l = red
					}
					if need := (&widget.Label{Text: l.Text}).MinSize().Width; need > b.table.cols[col].width {
						t.Fatalf("%q needs %.0f in a column %.0f wide", l.Text, need, b.table.cols[col].width)
					}
					_ = fill
				}
			}
		})
	}
}

func TestEnglishMinutesJoinNamesWithCommas(t *testing.T) {
	speaking(t, "en_US.UTF-8")
	d := newDesk(t)
	confidentialMinutes(t, d, "Executive meeting", "Review the budget")
	md := openMinutesFromGrid(t, d, "Executive meeting")
	md.min.Attendees = []string{"Mayor Zhang", "Director Wang"}
	md.build()
	var texts []string
	for _, o := range test.LaidOutObjects(md.body) {
		if text, ok := labelText(o); ok {
			texts = append(texts, text)
		}
	}
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, "Mayor Zhang, Director Wang") || strings.Contains(all, "、") {
		t.Fatalf("the English minutes read:\n%s", all)
	}
}
