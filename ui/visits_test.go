package ui

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// newVisitsTestDesk opens the desk with a files folder, and its visits desk.
func newVisitsTestDesk(t *testing.T) (*uiDesk, *visitsDesk) {
	t.Helper()
	d := newDesk(t)
	return d, newVisitsDesk(d.m)
}

func localFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// tue is Tuesday 24 November 2026 at hh:mm in Shanghai, the day after monday10.
func tue(hh, mm int) time.Time { return time.Date(2026, 11, 24, hh, mm, 0, 0, monday10.Location()) }

func addVisit(t *testing.T, d *uiDesk, org, purpose string, windows ...desk.TimeWindow) desk.VisitRequest {
	t.Helper()
	r := desk.VisitRequest{LeaderID: d.leader.ID, Org: org, Purpose: purpose,
		People: []desk.Visitor{{Name: "王伟", Title: "总经理"}}, Windows: windows}
	if err := d.dk.AddVisitRequest(context.Background(), &r, nil, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestDeclinedVisitToArchivedMaterialsThroughTheUI(t *testing.T) {
	d, vd := newVisitsTestDesk(t)
	ctx := context.Background()
	in := vd.openInbox()

	// A new request, typed in with a file.
	f := in.newRequest()
	test.Type(f.org, "华东电力公司")
	test.Type(f.people[0].name, "王伟")
	test.Type(f.people[0].title, "总经理")
	test.Type(f.referredBy, "经济部门")
	test.Type(f.purpose, "汇报新能源项目进展")
	f.files.add(localFile(t, "来函.pdf", "请求拜会"))
	test.Tap(f.saveBtn)
	if f.problem.Visible() {
		t.Fatalf("saving the request: %s", f.problem.Full())
	}
	rs, err := d.dk.VisitRequests(ctx, d.leader.ID, "")
	if err != nil || len(rs) != 1 {
		t.Fatalf("stored requests %+v, %v", rs, err)
	}
	r := rs[0]
	if r.State != desk.VisitRequested || len(r.Files) != 1 || len(r.Windows) != 1 || !r.Windows[0].Start.Equal(tue(9, 0)) || r.People[0].Title != "总经理" {
		t.Fatalf("stored %+v", r)
	}
	if len(in.table.rows) != 1 || in.detail.req.ID != r.ID {
		t.Fatalf("inbox rows %d, detail shows %d", len(in.table.rows), in.detail.req.ID)
	}

	// Declined with a reason: the materials become expected.
	if in.detail.moveBtns[desk.MoveBook] == nil || in.detail.moveBtns[desk.MoveWithdraw] == nil {
		t.Fatalf("a requested visit offers %v", slices.Collect(maps.Keys(in.detail.moveBtns)))
	}
	test.Tap(in.detail.moveBtns[desk.MoveDecline])
	dd := in.detail.decline
	test.Tap(dd.okBtn)
	if !dd.problem.Visible() {
		t.Fatal("declining without a reason was accepted")
	}
	test.Type(dd.reason, "领导近期日程已满，请报送书面材料")
	dd.due.SetDate(calendar.NewDate(2026, 11, 30))
	test.Tap(dd.okBtn)
	if dd.problem.Visible() {
		t.Fatalf("declining: %s", dd.problem.Full())
	}
	if r, _ = d.dk.VisitRequest(ctx, r.ID); r.State != desk.VisitDeclined {
		t.Fatalf("request is %s after declining", r.State)
	}
	if len(in.detail.moveBtns) != 0 || !strings.Contains(in.detail.state.Full(), tr("visit.state.declined")) {
		t.Fatalf("a declined request shows %q and offers %d decisions", in.detail.state.Full(), len(in.detail.moveBtns))
	}
	if len(in.table.rows) != 0 {
		t.Fatal("the declined request still shows under Requested")
	}
	in.setState(desk.VisitDeclined)
	if len(in.table.rows) != 1 {
		t.Fatal("the declined request does not show under Declined")
	}

	// On the board: received with a file, presented in a free gap,
	// instructed, archived.
	b := vd.openBoard()
	expected := b.column(desk.MaterialExpected)
	if len(expected.items) != 1 || expected.items[0].Due != calendar.NewDate(2026, 11, 30) {
		t.Fatalf("expected column %+v", expected.items)
	}
	md := b.open(expected.items[0])
	md.copies.SetText("2")
	md.pages.SetText("12")
	md.files.add(localFile(t, "汇报.docx", "新能源项目进展"))
	test.Tap(md.receiveBtn)
	if md.m.State != desk.MaterialReceived || len(md.m.Files) != 1 || md.m.Copies != 2 {
		t.Fatalf("after receiving: %+v (%s)", md.m, md.problem.Full())
	}
	if len(b.column(desk.MaterialReceived).items) != 1 || len(b.column(desk.MaterialExpected).items) != 0 {
		t.Fatal("the board did not move the materials to Received")
	}
	test.Tap(md.presentBtn)
	p := b.present
	if len(p.waiting) != 1 || len(p.gapBtns) == 0 || p.choice.Selected == "" {
		t.Fatalf("present dialog: %d waiting, %d gaps, chosen %q", len(p.waiting), len(p.gapBtns), p.choice.Selected)
	}
	gap := p.gaps[0]
	test.Tap(p.gapBtns[0])
	// Booking the gap schedules them; they are not presented before it.
	if md.m.State != desk.MaterialScheduled || !md.m.Presented.IsZero() || md.m.EngagementID == 0 || !md.m.SlotStart.Equal(gap.Start) {
		t.Fatalf("after booking a gap: %+v (%s)", md.m, p.problem.Full())
	}
	if len(b.column(desk.MaterialScheduled).items) != 1 || len(b.column(desk.MaterialPresented).items) != 0 {
		t.Fatal("the board does not show the materials as scheduled for presenting")
	}
	if md.instructions != nil && md.instructions.Visible() || md.confirmBtn == nil || !md.confirmBtn.Disabled() {
		t.Fatal("before the slot the dialog offers instructions, or lets the presenting be confirmed")
	}
	d.svc.SetClock(func() time.Time { return gap.End.Add(time.Minute) })
	md.refresh(true)
	if md.confirmBtn.Disabled() {
		t.Fatal("after the slot the presenting cannot be confirmed")
	}
	test.Tap(md.confirmBtn)
	if md.m.State != desk.MaterialPresented || !md.m.Presented.Equal(gap.Start) {
		t.Fatalf("after confirming: %+v (%s)", md.m, md.problem.Full())
	}
	var presenting *calendar.Engagement
	for _, e := range d.stored() {
		if e.ID == md.m.EngagementID {
			presenting = &e
		}
	}
	if presenting == nil || !strings.Contains(presenting.Title, "汇报新能源项目进展") || d.blockTitled(presenting.Title) == nil {
		t.Fatalf("the presentation is not on the week grid: %+v", presenting)
	}
	test.Type(md.instructions, "请发改局研究办理")
	test.Tap(md.instructBtn)
	if md.m.State != desk.MaterialInstructed || md.m.Instructions != "请发改局研究办理" {
		t.Fatalf("after instructing: %+v (%s)", md.m, md.problem.Full())
	}
	test.Tap(md.archiveBtn)
	if md.m.State != desk.MaterialArchived || len(b.column(desk.MaterialArchived).items) != 1 {
		t.Fatalf("after archiving: %+v", md.m)
	}

	// Both trails, as shown.
	var moves []string
	for _, e := range md.audit.entries {
		moves = append(moves, e.From+"→"+e.To)
		if e.Who != d.m.user {
			t.Errorf("trail entry by %q, want %q", e.Who, d.m.user)
		}
	}
	if want := []string{"→expected", "expected→received", "received→scheduled", "scheduled→presented", "presented→instructed", "instructed→archived"}; !slices.Equal(moves, want) {
		t.Fatalf("materials trail %v, want %v", moves, want)
	}
	if len(md.audit.box.Objects) != 6 {
		t.Fatalf("the trail shows %d lines", len(md.audit.box.Objects))
	}
	if es := in.detail.audit.entries; len(es) != 2 || es[1].Note != "领导近期日程已满，请报送书面材料" {
		t.Fatalf("request trail %+v", es)
	}
}

func TestBookingAVisitThatHitsAConflictThroughTheUI(t *testing.T) {
	d, vd := newVisitsTestDesk(t)
	ctx := context.Background()
	meeting := calendar.Engagement{LeaderID: d.leader.ID, Title: "县委常委会", Start: tue(10, 0), End: tue(11, 0)}
	if err := d.svc.Save(ctx, &meeting); err != nil {
		t.Fatal(err)
	}
	r := addVisit(t, d, "华东电力公司", "汇报新能源项目", desk.TimeWindow{Start: tue(9, 0), End: tue(12, 0)})
	in := vd.openInbox()
	in.table.Select(widget.TableCellID{Row: 0, Col: 1})
	if in.detail.req.ID != r.ID {
		t.Fatal("selecting the row did not show the request")
	}
	test.Tap(in.detail.moveBtns[desk.MoveBook])
	bd := in.detail.booking

	// The free slots lie in the preferred time, clear of the meeting and its buffer.
	if len(bd.slots) == 0 {
		t.Fatal("no free slot offered in Tuesday morning")
	}
	for _, s := range bd.slots {
		if s.Start.Before(tue(9, 0)) || s.End.After(tue(12, 0)) || s.Start.Before(tue(11, 10)) && s.End.After(tue(9, 50)) {
			t.Errorf("offered %v–%v", s.Start, s.End)
		}
	}
	if bd.bookBtn.Disabled() || len(bd.findings) != 0 {
		t.Fatalf("the first free slot is not bookable: %v", bd.findings)
	}

	// 10:30 by hand: the meeting blocks it, naming the rule and the meeting.
	bd.start.hour.SetSelected("10")
	bd.start.minute.SetSelected("30")
	if bd.end.hour.Selected != "11" || bd.end.minute.Selected != "15" {
		t.Fatalf("the end did not follow the start: %s:%s", bd.end.hour.Selected, bd.end.minute.Selected)
	}
	var overlap bool
	for _, f := range bd.findings {
		overlap = overlap || f.Rule == calendar.RuleOverlap && f.Other != nil && f.Other.Title == "县委常委会"
	}
	if !overlap || !bd.bookBtn.Disabled() || bd.overrideBox.Hidden {
		t.Fatalf("over the meeting: findings %v, book enabled %v, override hidden %v", bd.findings, !bd.bookBtn.Disabled(), bd.overrideBox.Hidden)
	}
	if len(bd.findingsBox.Objects) == 0 {
		t.Fatal("the findings are not shown")
	}
	test.Tap(bd.overrideBtn)
	if got, _ := d.dk.VisitRequest(ctx, r.ID); got.State != desk.VisitRequested {
		t.Fatal("an override without a reason was booked")
	}
	test.Type(bd.reason, "省领导交办，必须今日会见")
	test.Tap(bd.overrideBtn)
	got, _ := d.dk.VisitRequest(ctx, r.ID)
	if got.State != desk.VisitBooked {
		t.Fatalf("after the override the request is %s (%s)", got.State, bd.problem.Full())
	}
	if b := d.blockTitled("华东电力公司"); b == nil || !b.item.Start.Equal(tue(10, 30)) || b.item.Kind != calendar.KindVisit {
		t.Fatal("the booked visit is not on the week grid at 10:30")
	}
	if !strings.Contains(in.detail.state.Full(), tr("visit.state.booked")) || in.detail.moveBtns[desk.MoveCancel] == nil {
		t.Fatalf("the detail shows %q with %d decisions", in.detail.state.Full(), len(in.detail.moveBtns))
	}
	if es := in.detail.audit.entries; len(es) != 2 || es[1].Note != "省领导交办，必须今日会见" {
		t.Fatalf("trail %+v", es)
	}

	// Cancelling frees the slot: the block goes faint, the engine lets the time go.
	test.Tap(in.detail.moveBtns[desk.MoveCancel])
	test.Type(in.detail.note.entry, "对方行程变更")
	test.Tap(in.detail.note.okBtn)
	if got, _ := d.dk.VisitRequest(ctx, r.ID); got.State != desk.VisitCancelled {
		t.Fatalf("after cancelling the request is %s", got.State)
	}
	if e, _ := d.svc.Engagement(ctx, got.EngagementID); e.Status != calendar.StatusCancelled {
		t.Fatalf("the cancelled visit's engagement is %s", e.Status)
	}
}

func TestBookingTakesAnOfferedSlot(t *testing.T) {
	d, vd := newVisitsTestDesk(t)
	r := addVisit(t, d, "市教育局", "调研汇报", desk.TimeWindow{Start: tue(14, 0), End: tue(17, 0)})
	in := vd.openInbox()
	in.show(r)
	test.Tap(in.detail.moveBtns[desk.MoveBook])
	bd := in.detail.booking
	bd.length.SetSelected(lengthLabel(60))
	if len(bd.slotsBox.Objects) < 2 {
		t.Fatalf("%d slots offered", len(bd.slotsBox.Objects))
	}
	second := bd.slotsBox.Objects[1].(*widget.Button)
	test.Tap(second)
	want := bd.slots[1]
	if got := bd.slot(); !got.Start.Equal(want.Start) || got.End.Sub(got.Start) != time.Hour {
		t.Fatalf("choosing %q set %v", second.Text, bd.slot())
	}
	test.Tap(bd.bookBtn)
	got, _ := d.dk.VisitRequest(context.Background(), r.ID)
	e, err := d.svc.Engagement(context.Background(), got.EngagementID)
	if err != nil || !e.Start.Equal(want.Start) || e.Source != calendar.SourceVisit {
		t.Fatalf("booked %+v (%v)", e, err)
	}
}

func TestIllegalMovesAreRefusedWithAClearMessageInTheUI(t *testing.T) {
	d, vd := newVisitsTestDesk(t)
	ctx := context.Background()
	m := desk.Material{LeaderID: d.leader.ID, Title: "城南工业园区规划", From: "发改局"}
	if err := d.dk.AddMaterial(ctx, &m, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	b := vd.openBoard()
	md := b.open(b.column(desk.MaterialExpected).items[0])
	// Someone else records the receipt meanwhile; this dialog still offers it.
	if err := d.dk.ReceiveMaterial(ctx, m.ID, desk.Receipt{}, "秘书乙"); err != nil {
		t.Fatal(err)
	}
	test.Tap(md.receiveBtn)
	if !md.problem.Visible() || !strings.Contains(md.problem.Full(), tr("materials.state.received")) || !strings.Contains(md.problem.Full(), tr("materials.move.receive")) {
		t.Fatalf("refusal says %q", md.problem.Full())
	}
	if md.presentBtn == nil || md.m.State != desk.MaterialReceived {
		t.Fatal("the dialog does not move on to what the materials allow now")
	}

	// A declined request offers no decision at all.
	r := addVisit(t, d, "台商投资协会", "投资考察")
	if _, err := d.dk.DeclineVisit(ctx, r.ID, "请书面报送", calendar.Date{}, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	in := vd.openInbox()
	r, _ = d.dk.VisitRequest(ctx, r.ID)
	in.show(r)
	if len(in.detail.moveBtns) != 0 {
		t.Fatalf("a declined request offers %d decisions", len(in.detail.moveBtns))
	}
	// It shows its materials instead, one tap from the board.
	var toBoard *widget.Button
	for _, o := range test.LaidOutObjects(in.detail.facts) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, tr("materials.state.expected")) {
			toBoard = b
		}
	}
	if toBoard == nil {
		t.Fatal("the declined request does not show its expected materials")
	}
	test.Tap(toBoard)
	if vd.board == nil || vd.board.detail == nil || vd.board.detail.m.VisitID != r.ID {
		t.Fatal("tapping the materials did not open them on the board")
	}
}

func TestNewRequestPicksARepeatVisitorFromTheDirectory(t *testing.T) {
	d, vd := newVisitsTestDesk(t)
	first := addVisit(t, d, "华东电力公司", "汇报新能源项目")
	in := vd.openInbox()
	f := in.newRequest()
	test.Type(f.org, "华东")
	if len(f.orgHints.Objects) != 1 {
		t.Fatalf("typing 华东 suggests %d organisations", len(f.orgHints.Objects))
	}
	test.Tap(f.orgHints.Objects[0].(*widget.Button))
	if f.org.Text != "华东电力公司" || len(f.peopleHint.Objects) != 1 {
		t.Fatalf("picked %q; people offered: %d", f.org.Text, len(f.peopleHint.Objects))
	}
	person := f.peopleHint.Objects[0].(*fyne.Container).Objects[0].(*widget.Button)
	test.Tap(person)
	if f.people[0].name.Text != "王伟" || f.people[0].title.Text != "总经理" || len(f.people) != 1 {
		t.Fatalf("picking %q filled %q %q (%d rows)", person.Text, f.people[0].name.Text, f.people[0].title.Text, len(f.people))
	}
	test.Type(f.purpose, "商谈风电基地选址")
	test.Tap(f.saveBtn)
	rs, _ := d.dk.VisitRequests(context.Background(), d.leader.ID, "")
	if len(rs) != 2 || rs[0].OrgID != first.OrgID || rs[0].People[0].PersonID != first.People[0].PersonID {
		t.Fatalf("the repeat visitor was not reused: %+v", rs)
	}
}

func TestInboxAndBoardSearchSortAndHighlight(t *testing.T) {
	d, vd := newVisitsTestDesk(t)
	ctx := context.Background()
	addVisit(t, d, "乙公司", "项目汇报")
	addVisit(t, d, "甲公司", "教育调研")
	addVisit(t, d, "丙公司", "工作对接")
	in := vd.openInbox()
	if len(in.table.rows) != 3 {
		t.Fatalf("%d requests shown", len(in.table.rows))
	}
	in.search.SetText("教育")
	if len(in.table.rows) != 1 || in.table.rows[0].Org != "甲公司" {
		t.Fatalf("search 教育 shows %d", len(in.table.rows))
	}
	in.search.SetText("")
	in.table.sortBy(1)
	orgs := func() []string {
		var s []string
		for _, r := range in.table.rows {
			s = append(s, r.Org)
		}
		return s
	}
	asc := orgs()
	if !slices.IsSorted(asc) {
		t.Fatalf("sorted by organisation: %v", asc)
	}
	in.table.sortBy(1)
	if desc := orgs(); !slices.Equal(desc, []string{asc[2], asc[1], asc[0]}) {
		t.Fatalf("sorted by organisation again: %v", desc)
	}

	late := desk.Material{LeaderID: d.leader.ID, Title: "季度经济运行分析", From: "统计局", Due: calendar.NewDate(2026, 11, 20)}
	soon := desk.Material{LeaderID: d.leader.ID, Title: "安全生产检查报告", From: "应急局", Due: calendar.NewDate(2026, 11, 25)}
	for _, m := range []*desk.Material{&soon, &late} {
		if err := d.dk.AddMaterial(ctx, m, "秘书甲"); err != nil {
			t.Fatal(err)
		}
	}
	b := vd.openBoard()
	col := b.column(desk.MaterialExpected)
	if len(col.items) != 2 || col.items[0].ID != late.ID {
		t.Fatalf("expected column by due date: %+v", col.items)
	}
	if !strings.Contains(b.summary.Text, "1") || b.summary.Importance != widget.DangerImportance {
		t.Fatalf("summary %q does not flag the overdue materials", b.summary.Text)
	}
	card := col.list.CreateItem().(*fyne.Container)
	b.updateCard(col.items[0], card)
	if title := card.Objects[0].(*widget.Label); title.Importance != widget.DangerImportance {
		t.Fatal("overdue materials are not highlighted")
	}
	b.updateCard(col.items[1], card)
	if title := card.Objects[0].(*widget.Label); title.Importance == widget.DangerImportance {
		t.Fatal("materials due later are highlighted")
	}
	b.sort.SetSelectedIndex(1) // by title
	if col.items[0].Title > col.items[1].Title {
		t.Fatalf("by title: %q before %q", col.items[0].Title, col.items[1].Title)
	}
	b.search.SetText("统计")
	if len(col.items) != 1 || col.items[0].ID != late.ID {
		t.Fatalf("search 统计 shows %+v", col.items)
	}
}

func TestVisitsMenuOpensTheDesk(t *testing.T) {
	d, _ := newVisitsTestDesk(t)
	var visits *fyne.Menu
	for _, m := range d.win.MainMenu().Items {
		if m.Label == tr("Visits") {
			visits = m
		}
	}
	if visits == nil || len(visits.Items) != 3 {
		t.Fatalf("no Visits menu with three items: %+v", visits)
	}
	before := len(fyne.CurrentApp().Driver().AllWindows())
	visits.Items[0].Action()
	visits.Items[0].Action() // a second time brings the same window forward
	visits.Items[2].Action()
	if after := len(fyne.CurrentApp().Driver().AllWindows()); after != before+2 {
		t.Fatalf("%d windows after opening the inbox and the board, want %d", after, before+2)
	}
}
