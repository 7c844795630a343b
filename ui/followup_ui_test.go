package ui

import (
	"context"
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/followup"
)

// mon is Monday 23 November 2026 at hh:mm in Shanghai, the day of monday10.
func mon(hh, mm int) time.Time { return time.Date(2026, 11, 23, hh, mm, 0, 0, monday10.Location()) }

// pastMeeting books a meeting this morning, before the tests' clock.
func pastMeeting(t *testing.T, d *uiDesk, title string) calendar.Engagement {
	t.Helper()
	e := calendar.Engagement{LeaderID: d.leader.ID, Kind: calendar.KindMeeting, Title: title, Location: "三楼会议室",
		Start: mon(8, 0), End: mon(9, 30), ZoneName: "Asia/Shanghai", Status: calendar.StatusConfirmed, Classification: calendar.ClassInternal}
	if err := d.svc.Save(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	d.m.reload()
	return e
}

// directItem puts a matter handed down directly on the board.
func directItem(t *testing.T, d *uiDesk, text, unit string, due calendar.Date) followup.Item {
	t.Helper()
	it, err := d.m.follow.svc.AddItem(context.Background(), followup.NewItem{LeaderID: d.leader.ID, Source: followup.Source{Kind: followup.FromDirect},
		Text: text, Unit: unit, Due: due}, "秘书甲")
	if err != nil {
		t.Fatal(err)
	}
	return it
}

// openMinutesFromGrid clicks the meeting's block and Minutes… in the
// detail pane.
func openMinutesFromGrid(t *testing.T, d *uiDesk, title string) *minutesDialog {
	t.Helper()
	b := d.blockTitled(title)
	if b == nil {
		t.Fatalf("%s is not drawn", title)
	}
	test.Tap(b)
	if !d.m.detail.minutesBtn.Visible() {
		t.Fatal("a past meeting offers no Minutes…")
	}
	test.Tap(d.m.detail.minutesBtn)
	md := d.m.follow.minutes
	if md == nil {
		t.Fatal("Minutes… opened nothing")
	}
	return md
}

func TestMinutesToClosedFollowUpsThroughTheUI(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	svc := d.m.follow.svc
	e := pastMeeting(t, d, "安全生产专题会")
	future := calendar.Engagement{LeaderID: d.leader.ID, Title: "下午会议", Start: mon(15, 0), End: mon(16, 0)}
	if err := d.svc.Save(ctx, &future); err != nil {
		t.Fatal(err)
	}
	d.m.reload()
	test.Tap(d.blockTitled("下午会议"))
	if d.m.detail.minutesBtn.Visible() {
		t.Fatal("a meeting yet to start offers Minutes…")
	}

	// Minutes with two decisions and one more attendee.
	md := openMinutesFromGrid(t, d, "安全生产专题会")
	if md.chair.Text != d.leader.Name || len(md.attendees) != 1 || md.submitBtn == nil || !slices.Contains(md.buttons(), fyne.CanvasObject(md.submitBtn)) {
		t.Fatalf("new minutes: chair %q, %d attendees", md.chair.Text, len(md.attendees))
	}
	d.tapButton(tr("Add attendee"))
	test.Type(md.attendees[1], "李处长")
	d.tapButton(tr("Add decision"))
	test.Type(md.decisions[0], "各单位本周内完成隐患排查")
	d.tapButton(tr("Add decision"))
	test.Type(md.decisions[1], "办公室牵头起草整改方案")
	test.Type(md.text, "会议听取了安全生产情况汇报。")
	test.Tap(md.submitBtn)
	if md.problem.Visible() {
		t.Fatalf("submitting: %s", md.problem.Full())
	}
	m, err := svc.MinutesOf(ctx, e)
	if err != nil || m.State != followup.MinutesSubmitted || len(m.Decisions) != 2 || m.Decisions[1].Text != "办公室牵头起草整改方案" ||
		!slices.Equal(m.Attendees, []string{d.leader.Name, "李处长"}) || m.Text != "会议听取了安全生产情况汇报。" {
		t.Fatalf("stored minutes %+v, %v", m, err)
	}

	// Sign, asked who signed; then issue, asked number, date and units.
	test.Tap(md.signBtn)
	md.signBy.SetText("张书记")
	test.Tap(md.askOK)
	if md.min.State != followup.MinutesSigned || md.min.SignedBy != "张书记" {
		t.Fatalf("after signing: %+v (%s)", md.min, md.askProblem.Full())
	}
	test.Tap(md.issueBtn)
	test.Tap(md.askOK)
	if !md.askProblem.Visible() || md.ask.MinSize().Width == 0 {
		t.Fatal("issuing without a document number was accepted")
	}
	test.Type(md.issueNumber, "办纪〔2026〕12号")
	test.Type(md.issueTo, "安监处、办公室")
	md.issueOn.SetDate(calendar.NewDate(2026, 11, 24))
	test.Tap(md.askOK)
	if m, _ = svc.Minutes(ctx, m.ID); m.State != followup.MinutesIssued || m.DocNumber != "办纪〔2026〕12号" ||
		!slices.Equal(m.IssuedTo, []string{"安监处", "办公室"}) || m.IssuedOn != calendar.NewDate(2026, 11, 24) {
		t.Fatalf("issued minutes %+v", m)
	}

	// Two follow-ups, one per decision.
	for n, unit := range map[int]string{1: "安监处", 2: "办公室"} {
		btn := md.followBtns[n]
		if btn == nil {
			t.Fatalf("issued minutes offer no Follow up… for decision %d", n)
		}
		test.Tap(btn)
		f := d.m.follow.form
		if want := m.Decisions[n-1].Text; f.text.Text != want {
			t.Fatalf("the follow-up of decision %d reads %q, want %q", n, f.text.Text, want)
		}
		f.unit.SetText(unit)
		f.due.SetDate(calendar.NewDate(2026, 11, 27))
		f.priority.setValue(followup.PriorityUrgent)
		test.Tap(f.saveBtn)
		if f.problem.Visible() {
			t.Fatalf("saving the follow-up: %s", f.problem.Full())
		}
	}

	// On the board: counts, then progress, feedback and close.
	b := d.m.follow.openBoard()
	if want := trCounts("Follow-up {{.Open}} · overdue {{.Overdue}}", 2, 0); b.counts.Text != want {
		t.Fatalf("board header %q, want %q", b.counts.Text, want)
	}
	if len(b.table.rows) != 2 {
		t.Fatalf("board rows %d", len(b.table.rows))
	}
	if !b.open("各单位本周内完成隐患排查") {
		t.Fatal("no row for decision 1")
	}
	p := b.detail
	test.Tap(p.reportBtn)
	test.Type(p.askText, "已完成12家单位排查")
	test.Tap(p.askOK)
	if p.item.State != followup.StateInProgress || len(p.item.Reports) != 1 {
		t.Fatalf("after a report: %+v (%s)", p.item, p.problem.Full())
	}
	if got := latestText(b.table.rows[slices.IndexFunc(b.table.rows, func(it followup.Item) bool { return it.ID == p.item.ID })], d.m.loc); !strings.Contains(got, "已完成12家单位排查") {
		t.Fatalf("latest progress in the table %q", got)
	}
	test.Tap(p.feedbackBtn)
	test.Tap(p.closeBtn)
	first := p.item.ID
	if it, _ := svc.Item(ctx, first); it.State != followup.StateClosed || it.CloseReason != "" {
		t.Fatalf("decision 1's item is %s", it.State)
	}

	// The second: reported on, then closed before feedback, with a reason.
	b.state.SetSelectedIndex(1) // all states: the closed one stays listed
	if !b.open("办公室牵头起草整改方案") {
		t.Fatal("no row for decision 2")
	}
	test.Tap(p.reportBtn)
	test.Type(p.askText, "方案初稿已完成")
	test.Tap(p.askOK)
	test.Tap(p.closeBtn)
	test.Tap(p.askOK)
	if !p.askProblem.Visible() {
		t.Fatal("closing before feedback without a reason was accepted")
	}
	test.Type(p.askText, "领导已当面听取汇报")
	test.Tap(p.askOK)
	second, err := svc.Item(ctx, p.item.ID)
	if err != nil || second.State != followup.StateClosed || second.CloseReason != "领导已当面听取汇报" {
		t.Fatalf("decision 2's item %+v, %v", second, err)
	}
	var moves []string
	for _, e := range p.audit.entries {
		moves = append(moves, e.From+">"+e.To)
	}
	if want := []string{">open", "open>in_progress", "in_progress>closed"}; !slices.Equal(moves, want) {
		t.Fatalf("the trail shows %v, want %v", moves, want)
	}
	es := p.audit.entries
	if es[0].Note != sourceLabel(followup.FromMinutes)+" · 安全生产专题会" || es[1].Note != "方案初稿已完成" || es[2].Note != "领导已当面听取汇报" {
		t.Fatalf("the trail's notes read %q, %q, %q", es[0].Note, es[1].Note, es[2].Note)
	}
	if want := trCounts("Follow-up {{.Open}} · overdue {{.Overdue}}", 0, 0); b.counts.Text != want {
		t.Fatalf("board header after closing both %q, want %q", b.counts.Text, want)
	}
	// The minutes count the decisions followed up.
	md = openMinutesFromGrid(t, d, "安全生产专题会")
	if md.min.ID != m.ID || md.followedUp()[1] != 1 || md.followedUp()[2] != 1 {
		t.Fatalf("reopened minutes %d count %v", md.min.ID, md.followedUp())
	}
}

// tr2 translates a header with two counts, as the board writes it.
func trCounts(key string, open, overdue int) string {
	return lang2(key, map[string]any{"Open": open, "Overdue": overdue})
}

func TestRefusedMovesShowTheTranslatedError(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	svc := d.m.follow.svc
	pastMeeting(t, d, "防汛会商")
	md := openMinutesFromGrid(t, d, "防汛会商")
	d.tapButton(tr("Add decision"))
	test.Type(md.decisions[0], "加强值班值守")
	test.Tap(md.saveBtn)
	if md.min.ID == 0 || md.problem.Visible() {
		t.Fatalf("saving the draft: %s", md.problem.Full())
	}
	// Someone else submits them meanwhile; this dialog still edits a draft.
	if _, err := svc.SubmitMinutes(ctx, md.min.ID, "秘书乙"); err != nil {
		t.Fatal(err)
	}
	test.Type(md.text, "补充")
	test.Tap(md.saveBtn)
	want := lang2("minutes.illegal_move", map[string]any{"ID": md.min.ID, "State": tr("minutes.state.submitted"), "Move": tr("minutes.move.edit")})
	if !md.problem.Visible() || md.problem.Full() != want {
		t.Fatalf("a refused edit shows %q, want %q", md.problem.Full(), want)
	}
	if md.min.State != followup.MinutesSubmitted || !slices.Contains(md.buttons(), fyne.CanvasObject(md.signBtn)) {
		t.Fatal("after the refusal the dialog does not show the minutes as they now are")
	}

	it := directItem(t, d, "起草年度工作总结", "办公室", calendar.NewDate(2026, 12, 1))
	b := d.m.follow.openBoard()
	b.open(it.Text)
	test.Tap(b.detail.feedbackBtn)
	want = lang2("followup.illegal_move", map[string]any{"ID": it.ID, "State": tr("followup.state.open"), "Move": tr("followup.move.feedback")})
	if !b.detail.problem.Visible() || b.detail.problem.Full() != want {
		t.Fatalf("feedback on an open item shows %q, want %q", b.detail.problem.Full(), want)
	}
	if chinese() && strings.Contains(b.detail.problem.Full(), "cannot") {
		t.Fatalf("the zh-CN error is English: %q", b.detail.problem.Full())
	}
	if got, _ := svc.Item(ctx, it.ID); got.State != followup.StateOpen {
		t.Fatalf("a refused feedback moved the item to %s", got.State)
	}
}

func TestFollowUpFromTheLeadersInstructionsOnMaterials(t *testing.T) {
	d, vd := newVisitsTestDesk(t)
	ctx := context.Background()
	mat := desk.Material{LeaderID: d.leader.ID, Title: "关于园区扩建的请示", From: "园区管委会"}
	if err := d.dk.AddMaterial(ctx, &mat, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if err := d.dk.ReceiveMaterial(ctx, mat.ID, desk.Receipt{}, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if err := d.dk.PresentMaterial(ctx, mat.ID, mon(9, 0), "秘书甲"); err != nil {
		t.Fatal(err)
	}
	b := vd.openBoard()
	md := b.open(b.column(desk.MaterialPresented).items[0])
	if md.followBtn != nil {
		t.Fatal("materials without instructions offer Follow up…")
	}
	test.Type(md.instructions, "请发改处研究提出意见")
	test.Tap(md.instructBtn)
	if md.followBtn == nil {
		t.Fatal("materials with the leader's instructions offer no Follow up…")
	}
	test.Tap(md.followBtn)
	f := d.m.follow.form
	if f.text.Text != "请发改处研究提出意见" {
		t.Fatalf("the follow-up starts as %q", f.text.Text)
	}
	f.unit.SetText("发改处")
	f.priority.setValue(followup.PriorityImportant)
	test.Tap(f.saveBtn)
	items, err := d.m.follow.svc.Items(ctx, followup.Filter{Text: "园区"})
	if err != nil || len(items) != 1 {
		t.Fatalf("items found by the materials' title: %+v, %v (%s)", items, err, f.problem.Full())
	}
	it := items[0]
	if it.Source.Kind != followup.FromMaterials || it.Source.MaterialID != mat.ID || it.Unit != "发改处" ||
		it.Priority != followup.PriorityImportant || it.Due != calendar.NewDate(2026, 11, 30) {
		t.Fatalf("the item from materials is %+v", it)
	}
}

func TestOverdueItemsAreCountedAndFilledRedOnTheInjectedClock(t *testing.T) {
	d := newDesk(t)
	directItem(t, d, "报送统计数据", "统计处", calendar.NewDate(2026, 11, 25))
	directItem(t, d, "起草年度工作总结", "办公室", calendar.NewDate(2026, 12, 15))
	b := d.m.follow.openBoard()
	if want := trCounts("Follow-up {{.Open}} · overdue {{.Overdue}}", 2, 0); b.counts.Text != want {
		t.Fatalf("on Monday the header reads %q, want %q", b.counts.Text, want)
	}
	if fill, _, red := b.cell(0, 0); red.Visible() || fill.FillColor != color.Transparent {
		t.Fatal("an item not yet due is filled red")
	}
	d.svc.SetClock(func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, monday10.Location()) })
	b.reload()
	if want := trCounts("Follow-up {{.Open}} · overdue {{.Overdue}}", 2, 1); b.counts.Text != want {
		t.Fatalf("on Friday the header reads %q, want %q", b.counts.Text, want)
	}
	row, _ := b.row("报送统计数据")
	fill, plain, red := b.cell(row, 0)
	if !red.Visible() || plain.Visible() || fill.FillColor != colorOverdueFill || red.Text != "报送统计数据" {
		t.Fatal("the overdue item is not drawn in dark red on red")
	}
	if _, _, red := b.cell(1-row, 0); red.Visible() {
		t.Fatal("the item not yet due is drawn as overdue")
	}
	if r := contrast(colorOverdueText, colorOverdueFill); r < 4.5 {
		t.Fatalf("overdue text on its fill has contrast %.2f:1", r)
	}

	// Filters and search.
	b.overdue.SetChecked(true)
	if len(b.table.rows) != 1 || b.table.rows[0].Text != "报送统计数据" {
		t.Fatalf("the overdue filter lists %d rows", len(b.table.rows))
	}
	b.overdue.SetChecked(false)
	b.thisWeek.SetChecked(true)
	if len(b.table.rows) != 1 {
		t.Fatalf("due this week lists %d rows", len(b.table.rows))
	}
	b.thisWeek.SetChecked(false)
	test.Type(b.search, "年度")
	if len(b.table.rows) != 1 || b.table.rows[0].Text != "起草年度工作总结" {
		t.Fatalf("searching 年度 lists %+v", b.table.rows)
	}
	b.search.SetText("")
	b.unit.SetSelected("办公室")
	if len(b.table.rows) != 1 || b.table.rows[0].Unit != "办公室" {
		t.Fatalf("the unit filter lists %+v", b.table.rows)
	}
	b.unit.SetSelectedIndex(0)
	b.table.sortBy(3) // due, now latest first
	if len(b.table.rows) != 2 || b.table.rows[0].Text != "起草年度工作总结" {
		t.Fatalf("sorted by due date descending: %+v", b.table.rows)
	}
}

// cell draws row and col of the board's table as the table does.
func (b *followUpBoard) cell(row, col int) (*canvas.Rectangle, *widget.Label, *widget.Label) {
	o := b.table.Table.CreateCell()
	b.table.Table.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	return itemCell(o)
}

func TestFridayReviewListsOpenAndOverdueFollowUps(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	late := directItem(t, d, "报送统计数据", "统计处", calendar.NewDate(2026, 11, 20))
	directItem(t, d, "本周办结的事项", "办公室", calendar.NewDate(2026, 11, 26))
	directItem(t, d, "下月的事项", "办公室", calendar.NewDate(2026, 12, 20))
	done := directItem(t, d, "已办结的事项", "办公室", calendar.NewDate(2026, 11, 24))
	if _, err := d.m.follow.svc.Close(ctx, done.ID, true, "口头交办已完成", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	rw := newWeekDesk(d.m).openReview()
	var texts []string
	for _, it := range rw.followUps.items {
		texts = append(texts, it.Text)
	}
	want := []string{"本周办结的事项", "报送统计数据"}
	slices.Sort(texts)
	slices.Sort(want)
	if !slices.Equal(texts, want) {
		t.Fatalf("the review lists %v, want %v", texts, want)
	}
	if !strings.Contains(rw.followUps.lineOf(late), tr2b("{{.Date}} overdue", dayMonth(late.Due))) {
		t.Fatalf("the overdue item reads %q", rw.followUps.lineOf(late))
	}
	if got, _ := d.m.follow.svc.Item(ctx, late.ID); got.State != followup.StateOpen {
		t.Fatal("the review moved a follow-up")
	}
}

func tr2b(key, date string) string { return lang2(key, map[string]any{"Date": date}) }

func TestMinutesOfAPastOccurrenceAndOfACancelledMeeting(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	series := calendar.Engagement{LeaderID: d.leader.ID, Kind: calendar.KindMeeting, Title: "每日调度会", Start: time.Date(2026, 11, 20, 8, 0, 0, 0, monday10.Location()),
		End: time.Date(2026, 11, 20, 8, 30, 0, 0, monday10.Location()), ZoneName: "Asia/Shanghai", RRule: "FREQ=DAILY;COUNT=10", Status: calendar.StatusConfirmed}
	if err := d.svc.Save(ctx, &series); err != nil {
		t.Fatal(err)
	}
	d.m.reload()
	md := openMinutesFromGrid(t, d, "每日调度会") // Monday's, the first drawn this week
	d.tapButton(tr("Add decision"))
	test.Type(md.decisions[0], "做好寒潮应对")
	test.Tap(md.saveBtn)
	if md.problem.Visible() {
		t.Fatalf("saving the occurrence's minutes: %s", md.problem.Full())
	}
	if !md.min.Meeting.RecurrenceID.Equal(mon(8, 0)) || md.min.Meeting.EngagementID != series.ID {
		t.Fatalf("the minutes belong to %v of %d", md.min.Meeting.RecurrenceID, md.min.Meeting.EngagementID)
	}
	if md.banner.Visible() {
		t.Fatal("a banner shows for a meeting that took place")
	}

	e := pastMeeting(t, d, "临时会议")
	md = openMinutesFromGrid(t, d, "临时会议")
	d.tapButton(tr("Add decision"))
	test.Type(md.decisions[0], "按期上报")
	test.Tap(md.saveBtn)
	e.Status = calendar.StatusCancelled
	if err := d.svc.Save(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if m, err := d.m.follow.svc.Minutes(ctx, md.min.ID); err != nil || !m.Meeting.Cancelled {
		t.Fatalf("cancelled meeting's minutes %+v, %v", m.Meeting, err)
	}
	d.m.reload()
	md = openMinutesFromGrid(t, d, "临时会议")
	if !md.banner.Visible() || md.banner.Full() != tr("The meeting was cancelled.") {
		t.Fatalf("the banner reads %q", md.banner.Full())
	}
	test.Tap(md.closeBtn)

	// Deleted, the meeting's minutes open from their follow-up and say so.
	if _, err := d.m.follow.svc.SubmitMinutes(ctx, md.min.ID, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.m.follow.svc.SignMinutes(ctx, md.min.ID, "张书记", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	it, err := d.m.follow.svc.AddItem(ctx, followup.NewItem{Source: followup.Source{Kind: followup.FromMinutes, MinutesID: md.min.ID, Decision: 1},
		Text: "落实会议要求", Unit: "办公室", Due: calendar.NewDate(2026, 11, 30)}, "秘书甲")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.svc.Delete(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	b := d.m.follow.openBoard()
	b.open(it.Text)
	test.Tap(b.detail.minutesBtn)
	md = d.m.follow.minutes
	if md.min.ID == 0 || !md.min.Meeting.Gone || !md.banner.Visible() ||
		md.banner.Full() != tr("The meeting was deleted from the calendar; the minutes keep its particulars.") {
		t.Fatalf("minutes of a deleted meeting: banner %q", md.banner.Full())
	}
}
