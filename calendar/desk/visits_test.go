package desk_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/data/datatest"
)

// The visits desk needs transactions and its tables, so its tests run on
// the real store rather than the memStore.

// deskNow is the tests' "now": Monday 23 November 2026, 10:17 in Shanghai
// (the engine tests' shanghai and at serve here too).
var deskNow = time.Date(2026, 11, 23, 10, 17, 0, 0, shanghai)

const secretary = "秘书甲"

// newDesk returns a service over a new database with one leader in
// Shanghai and a files folder, its clock at deskNow.
func newDesk(t *testing.T) (*desk.Service, calendar.Leader) {
	t.Helper()
	db := datatest.Open(t)
	book := calendar.NewService(db)
	book.SetClock(func() time.Time { return deskNow })
	svc := desk.NewService(book, db.Desk(), filepath.Join(t.TempDir(), "files"))
	leader := calendar.Leader{Name: "张书记", ZoneName: "Asia/Shanghai"}
	if err := svc.Booking().AddLeader(context.Background(), &leader); err != nil {
		t.Fatal(err)
	}
	return svc, leader
}

func request(leader calendar.Leader) desk.VisitRequest {
	return desk.VisitRequest{
		LeaderID: leader.ID, Org: "华东电力公司", Phone: "021-5555 0101", ReferredBy: "经济部门",
		Purpose: "汇报新能源项目进展", Visitors: 3,
		People:  []desk.Visitor{{Name: "王伟", Title: "总经理"}, {Name: "李娜", Title: "办公室主任"}},
		Windows: []desk.TimeWindow{{Start: at(24, 9, 0), End: at(24, 12, 0)}},
	}
}

func addRequest(t *testing.T, svc *desk.Service, r desk.VisitRequest, files ...string) desk.VisitRequest {
	t.Helper()
	if err := svc.AddVisitRequest(context.Background(), &r, files, secretary); err != nil {
		t.Fatal(err)
	}
	return r
}

// trail returns a subject's audit trail as "from→to who note" lines.
func trail(t *testing.T, svc *desk.Service, s desk.Subject) []string {
	t.Helper()
	es, err := svc.Audit(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		if e.At.IsZero() {
			t.Errorf("audit entry %+v has no time", e)
		}
		out = append(out, strings.TrimSpace(e.From+"→"+e.To+" "+e.Who+" "+e.Note))
	}
	return out
}

func TestDeclinedVisitEndsInArchivedMaterials(t *testing.T) {
	ctx := context.Background()
	svc, leader := newDesk(t)
	letter := writeTemp(t, "来函.pdf", "请求拜会张书记")
	r := addRequest(t, svc, request(leader), letter)
	if r.ID == 0 || r.State != desk.VisitRequested || len(r.Files) != 1 || r.Files[0].Name != "来函.pdf" {
		t.Fatalf("added %+v", r)
	}

	m, err := svc.DeclineVisit(ctx, r.ID, "领导近期日程已满，请先报送书面材料", calendar.Date{}, secretary)
	if err != nil {
		t.Fatal(err)
	}
	if m.State != desk.MaterialExpected || m.VisitID != r.ID || m.Title != "汇报新能源项目进展" ||
		m.Due != calendar.NewDate(2026, 11, 30) || !strings.Contains(m.From, "华东电力公司") {
		t.Fatalf("declining expects %+v", m)
	}
	got, err := svc.VisitRequest(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != desk.VisitDeclined || got.DecidedBy != secretary || !got.Decided.Equal(deskNow.UTC().Truncate(time.Second)) || got.DeclineReason == "" {
		t.Fatalf("declined request %+v", got)
	}
	if m.Overdue(calendar.NewDate(2026, 11, 30)) || !m.Overdue(calendar.NewDate(2026, 12, 1)) {
		t.Fatal("materials due on the 30th are overdue from the 1st, not before")
	}

	// Received with two files, one the same as the request's letter: stored once.
	report := writeTemp(t, "汇报.docx", "新能源项目进展汇报")
	if err := svc.ReceiveMaterial(ctx, m.ID, desk.Receipt{Copies: 2, Pages: 12, Files: []string{report, letter}}, secretary); err != nil {
		t.Fatal(err)
	}
	if hashes, _ := svc.Files().Hashes(); len(hashes) != 2 {
		t.Fatalf("%d files stored, want 2 (the letter once)", len(hashes))
	}
	if err := svc.PresentMaterial(ctx, m.ID, time.Time{}, secretary); err != nil {
		t.Fatal(err)
	}
	if err := svc.InstructMaterial(ctx, m.ID, "请发改局研究办理", "张书记"); err != nil {
		t.Fatal(err)
	}
	if err := svc.ArchiveMaterial(ctx, m.ID, secretary); err != nil {
		t.Fatal(err)
	}
	m, err = svc.Material(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.State != desk.MaterialArchived || m.Copies != 2 || m.Pages != 12 || m.ReceivedBy != secretary ||
		m.Instructions != "请发改局研究办理" || m.Received.IsZero() || m.Presented.IsZero() || m.Archived.IsZero() || len(m.Files) != 2 {
		t.Fatalf("archived materials %+v", m)
	}

	if got, want := trail(t, svc, r.Subject()), []string{
		"→requested 秘书甲 + 来函.pdf",
		"requested→declined 秘书甲 领导近期日程已满，请先报送书面材料",
	}; !slices.Equal(got, want) {
		t.Errorf("request trail %q\nwant %q", got, want)
	}
	if got, want := trail(t, svc, m.Subject()), []string{
		"→expected 秘书甲",
		"expected→received 秘书甲 + 汇报.docx, + 来函.pdf",
		"received→presented 秘书甲",
		"presented→instructed 张书记 请发改局研究办理",
		"instructed→archived 秘书甲",
	}; !slices.Equal(got, want) {
		t.Errorf("materials trail %q\nwant %q", got, want)
	}
}

func TestIllegalMovesAreRefusedAndChangeNothing(t *testing.T) {
	ctx := context.Background()
	svc, leader := newDesk(t)
	r := addRequest(t, svc, request(leader))
	m, err := svc.DeclineVisit(ctx, r.ID, "日程已满", calendar.NewDate(2026, 11, 27), secretary)
	if err != nil {
		t.Fatal(err)
	}

	refused := func(name string, err error, state, move string) {
		t.Helper()
		var me *desk.MoveError
		if !errors.As(err, &me) || !errors.Is(err, desk.ErrIllegalMove) {
			t.Errorf("%s: %v, want a MoveError", name, err)
			return
		}
		if me.State != state || me.Move != move {
			t.Errorf("%s: refused as %s/%s, want %s/%s", name, me.State, me.Move, state, move)
		}
		if !strings.Contains(err.Error(), desk.English(me.StateCode())) || !strings.Contains(err.Error(), desk.English(me.MoveCode())) {
			t.Errorf("%s: %q does not name the state and the move", name, err)
		}
	}
	refused("present before received", svc.PresentMaterial(ctx, m.ID, time.Time{}, secretary), "expected", "present")
	refused("instruct before presented", svc.InstructMaterial(ctx, m.ID, "阅", secretary), "expected", "instruct")
	refused("archive before instructed", svc.ArchiveMaterial(ctx, m.ID, secretary), "expected", "archive")
	_, err = svc.SchedulePresenting(ctx, m.ID, calendar.Slot{Start: at(24, 9, 0), End: at(24, 9, 15)}, "呈阅材料", secretary)
	refused("book a presentation before received", err, "expected", "schedule")
	_, err = svc.BookVisit(ctx, r.ID, calendar.Slot{Start: at(24, 9, 0), End: at(24, 10, 0)}, secretary)
	refused("book a declined visit", err, "declined", "book")
	_, err = svc.DeclineVisit(ctx, r.ID, "again", calendar.Date{}, secretary)
	refused("decline twice", err, "declined", "decline")
	refused("withdraw a declined visit", svc.MoveVisit(ctx, r.ID, desk.MoveWithdraw, "", secretary), "declined", "withdraw")
	other := addRequest(t, svc, request(leader))
	refused("mark a requested visit done", svc.MoveVisit(ctx, other.ID, desk.MoveComplete, "", secretary), "requested", "complete")
	refused("cancel a requested visit", svc.MoveVisit(ctx, other.ID, desk.MoveCancel, "", secretary), "requested", "cancel")

	var me *desk.MoveError
	errors.As(svc.PresentMaterial(ctx, m.ID, time.Time{}, secretary), &me)
	if me.Code() != "materials.illegal_move" || me.StateCode() != "materials.state.expected" || me.MoveCode() != "materials.move.present" {
		t.Errorf("message keys %s, %s, %s", me.Code(), me.StateCode(), me.MoveCode())
	}

	// Nothing moved, nothing was written to the trails, no engagement was booked.
	if m2, _ := svc.Material(ctx, m.ID); m2.State != desk.MaterialExpected || !m2.Presented.IsZero() {
		t.Errorf("refused moves changed the materials: %+v", m2)
	}
	if n := len(trail(t, svc, m.Subject())); n != 1 {
		t.Errorf("materials trail has %d entries after refusals, want 1", n)
	}
	if n := len(trail(t, svc, r.Subject())); n != 2 {
		t.Errorf("request trail has %d entries after refusals, want 2", n)
	}
	if es, _ := svc.Booking().Agenda(ctx, leader, calendar.NewDate(2026, 11, 24), calendar.NewDate(2026, 11, 24)); len(es) != 0 {
		t.Errorf("refused moves booked %+v", es)
	}
}

func TestBookingThatHitsAConflictIsBlockedThenOverridden(t *testing.T) {
	ctx := context.Background()
	svc, leader := newDesk(t)
	meeting := calendar.Engagement{LeaderID: leader.ID, Title: "县委常委会", Start: at(24, 9, 0), End: at(24, 10, 30)}
	if err := svc.Booking().Save(ctx, &meeting); err != nil {
		t.Fatal(err)
	}
	r := addRequest(t, svc, request(leader))
	slot := calendar.Slot{Start: at(24, 10, 0), End: at(24, 10, 45)}

	fs, err := svc.BookVisit(ctx, r.ID, slot, secretary)
	var ce *calendar.ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, calendar.ErrConflict) {
		t.Fatalf("booking over the meeting: %v", err)
	}
	var overlap bool
	for _, f := range fs {
		overlap = overlap || f.Rule == calendar.RuleOverlap && f.Other != nil && f.Other.Title == "县委常委会"
	}
	if !overlap {
		t.Fatalf("findings %+v do not name the meeting", fs)
	}
	if got, _ := svc.VisitRequest(ctx, r.ID); got.State != desk.VisitRequested || got.EngagementID != 0 {
		t.Fatalf("a blocked booking changed the request: %+v", got)
	}
	if es, _ := svc.Booking().Agenda(ctx, leader, calendar.NewDate(2026, 11, 24), calendar.NewDate(2026, 11, 24)); len(es) != 1 {
		t.Fatalf("a blocked booking left %d engagements", len(es))
	}

	var ve *calendar.ValidationError
	if _, err := svc.BookVisitOverride(ctx, r.ID, slot, " ", secretary); !errors.As(err, &ve) {
		t.Fatalf("override without a reason: %v", err)
	} else if _, ok := ve.Field("reason"); !ok {
		t.Fatalf("override without a reason names %+v", ve.Problems)
	}
	if _, err := svc.BookVisitOverride(ctx, r.ID, slot, "省领导交办，必须今日会见", secretary); err != nil {
		t.Fatal(err)
	}
	got, err := svc.VisitRequest(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	e, err := svc.Booking().Engagement(ctx, got.EngagementID)
	if err != nil {
		t.Fatalf("booked request links engagement %d: %v", got.EngagementID, err)
	}
	if got.State != desk.VisitBooked || e.Kind != calendar.KindVisit || e.Source != calendar.SourceVisit ||
		e.Title != "华东电力公司" || !e.Start.Equal(slot.Start) || !strings.Contains(e.Notes, "王伟 总经理") {
		t.Fatalf("booked %+v as %+v", got, e)
	}
	log, err := svc.Booking().OverrideLog(ctx, leader.ID)
	if err != nil || len(log) != 1 || log[0].Reason != "省领导交办，必须今日会见" || log[0].EngagementUID != e.UID {
		t.Fatalf("override log %+v, %v", log, err)
	}
	if tr := trail(t, svc, r.Subject()); len(tr) != 2 || tr[1] != "requested→booked 秘书甲 省领导交办，必须今日会见" {
		t.Fatalf("trail %q", tr)
	}

	// Cancelling the visit cancels its engagement, which frees the slot.
	if err := svc.MoveVisit(ctx, r.ID, desk.MoveCancel, "来访单位行程变更", secretary); err != nil {
		t.Fatal(err)
	}
	if e, _ := svc.Booking().Engagement(ctx, got.EngagementID); e.Status != calendar.StatusCancelled {
		t.Fatalf("the cancelled visit's engagement is %s", e.Status)
	}
	fs, err = svc.Booking().Check(ctx, leader, calendar.Engagement{LeaderID: leader.ID, Kind: calendar.KindVisit, Start: at(24, 10, 45), End: at(24, 11, 30)})
	if err != nil || len(fs) != 0 {
		t.Fatalf("after cancelling, 10:45 still has findings %v (%v)", fs, err)
	}
}

func TestVisitSlotsLieInThePreferredTimes(t *testing.T) {
	ctx := context.Background()
	svc, leader := newDesk(t)
	meeting := calendar.Engagement{LeaderID: leader.ID, Title: "防汛会商", Start: at(24, 9, 0), End: at(24, 10, 0)}
	if err := svc.Booking().Save(ctx, &meeting); err != nil {
		t.Fatal(err)
	}
	r := request(leader)
	r.Windows = []desk.TimeWindow{{Start: at(26, 14, 0), End: at(26, 15, 0)}, {Start: at(24, 9, 0), End: at(24, 11, 0)}}
	r = addRequest(t, svc, r)
	slots, err := svc.VisitSlots(ctx, r.ID, 45*time.Minute, 5)
	if err != nil {
		t.Fatal(err)
	}
	want := []calendar.Slot{{Start: at(24, 10, 15), End: at(24, 11, 0)}, {Start: at(26, 14, 0), End: at(26, 14, 45)}}
	if len(slots) != len(want) {
		t.Fatalf("slots %v, want %v", slots, want)
	}
	for i := range want {
		if !slots[i].Start.Equal(want[i].Start) || !slots[i].End.Equal(want[i].End) {
			t.Errorf("slot %d: %v–%v, want %v–%v", i, slots[i].Start, slots[i].End, want[i].Start, want[i].End)
		}
	}
	if _, err := svc.BookVisit(ctx, r.ID, slots[0], secretary); err != nil {
		t.Fatalf("booking an offered slot: %v", err)
	}
}

func TestDeclineThatFailsLeavesNothingBehind(t *testing.T) {
	ctx := context.Background()
	svc, leader := newDesk(t)
	r := addRequest(t, svc, request(leader))
	_, err := svc.DeclineVisit(ctx, r.ID, "日程已满", calendar.NewDate(2026, 11, 20), secretary)
	var ve *calendar.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("a due date in the past: %v", err)
	}
	if _, ok := ve.Field("due"); !ok {
		t.Fatalf("a due date in the past names %+v", ve.Problems)
	}
	if got, _ := svc.VisitRequest(ctx, r.ID); got.State != desk.VisitRequested {
		t.Fatalf("the failed decline left the request %s", got.State)
	}
	if ms, _ := svc.Materials(ctx, leader.ID, ""); len(ms) != 0 {
		t.Fatalf("the failed decline left materials %+v", ms)
	}
	if _, err := svc.DeclineVisit(ctx, r.ID, "  ", calendar.Date{}, secretary); !errors.As(err, &ve) {
		t.Fatalf("declining without a reason: %v", err)
	} else if _, ok := ve.Field("reason"); !ok {
		t.Fatalf("declining without a reason names %+v", ve.Problems)
	}
}

func TestFilesGoWithTheLastRecordThatUsesThem(t *testing.T) {
	ctx := context.Background()
	svc, leader := newDesk(t)
	letter := writeTemp(t, "来函.pdf", "来函")
	report := writeTemp(t, "汇报.pdf", "汇报")
	extra := writeTemp(t, "补充.pdf", "补充")
	r := addRequest(t, svc, request(leader), letter)
	m, err := svc.DeclineVisit(ctx, r.ID, "日程已满", calendar.Date{}, secretary)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.ReceiveMaterial(ctx, m.ID, desk.Receipt{Files: []string{letter, report}}, secretary); err != nil {
		t.Fatal(err)
	}
	// A second receipt is refused, and its new file is not kept.
	err = svc.ReceiveMaterial(ctx, m.ID, desk.Receipt{Files: []string{extra}}, secretary)
	if !errors.Is(err, desk.ErrIllegalMove) {
		t.Fatalf("receiving twice: %v", err)
	}
	// A refused file refuses the whole receipt: nothing is copied.
	other, _ := svc.DeclineVisit(ctx, addRequest(t, svc, request(leader)).ID, "日程已满", calendar.Date{}, secretary)
	if err := svc.ReceiveMaterial(ctx, other.ID, desk.Receipt{Files: []string{extra, "https://example.com/x.pdf"}}, secretary); !errors.Is(err, calendar.ErrInvalid) {
		t.Fatalf("receiving a URL: %v", err)
	}
	stored := func() int {
		hs, err := svc.Files().Hashes()
		if err != nil {
			t.Fatal(err)
		}
		return len(hs)
	}
	if n := stored(); n != 2 {
		t.Fatalf("%d files stored, want the letter and the report", n)
	}
	// A file sent later goes with the request, noted in its trail.
	if _, err := svc.AttachFiles(ctx, r.Subject(), []string{extra}, secretary); err != nil {
		t.Fatal(err)
	}
	if tr := trail(t, svc, r.Subject()); tr[len(tr)-1] != "declined→declined 秘书甲 + 补充.pdf" {
		t.Fatalf("trail after attaching: %q", tr)
	}
	if n := stored(); n != 3 {
		t.Fatalf("%d files stored after attaching one more", n)
	}

	if err := svc.DeleteVisitRequest(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if n := stored(); n != 2 {
		t.Fatalf("deleting the request left %d files, want the two the materials use", n)
	}
	if m2, err := svc.Material(ctx, m.ID); err != nil || m2.VisitID != 0 {
		t.Fatalf("materials of a deleted request: %+v, %v", m2, err)
	}
	if err := svc.DeleteMaterial(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if n := stored(); n != 0 {
		t.Fatalf("%d orphan files after deleting every record", n)
	}
	if _, err := svc.Audit(ctx, m.Subject()); err != nil {
		t.Fatal(err)
	}
	// A copy whose record never got saved (a crash in between) is swept.
	if _, err := svc.Files().Put(extra); err != nil {
		t.Fatal(err)
	}
	if n, err := svc.SweepFiles(ctx); err != nil || n != 1 || stored() != 0 {
		t.Fatalf("SweepFiles removed %d orphans (%v), %d files left", n, err, stored())
	}
}

func TestDirectoryIsReusedAndSearchable(t *testing.T) {
	ctx := context.Background()
	svc, leader := newDesk(t)
	first := addRequest(t, svc, request(leader))
	again := request(leader)
	again.People = []desk.Visitor{{Name: "王伟", Phone: "139 0000 0000"}}
	again.Visitors = 0
	again = addRequest(t, svc, again)
	if again.OrgID != first.OrgID || again.People[0].PersonID != first.People[0].PersonID || again.Visitors != 1 {
		t.Fatalf("a repeat visitor was not found in the directory: %+v vs %+v", again, first)
	}
	people, err := svc.People(ctx, 0, "总经理")
	if err != nil || len(people) != 1 || people[0].Name != "王伟" || people[0].Phone != "139 0000 0000" || people[0].Org != "华东电力公司" {
		t.Fatalf("people with 总经理: %+v, %v", people, err)
	}
	orgs, err := svc.Organisations(ctx, "电力")
	if err != nil || len(orgs) != 1 || orgs[0].Name != "华东电力公司" {
		t.Fatalf("organisations with 电力: %+v, %v", orgs, err)
	}
	if orgs, _ := svc.Organisations(ctx, "教育"); len(orgs) != 0 {
		t.Fatalf("organisations with 教育: %+v", orgs)
	}
	if ps, _ := svc.People(ctx, first.OrgID, ""); len(ps) != 2 {
		t.Fatalf("people of the organisation: %+v", ps)
	}
	if !first.Matches("办公室") || !first.Matches("经济") || first.Matches("教育局") {
		t.Fatal("request search does not match by substring")
	}
}

func TestVisitRequestValidationNamesEachField(t *testing.T) {
	svc, leader := newDesk(t)
	cases := []struct {
		name  string
		edit  func(*desk.VisitRequest)
		field string
	}{
		{"no organisation", func(r *desk.VisitRequest) { r.Org = " " }, "org"},
		{"no person", func(r *desk.VisitRequest) { r.People = []desk.Visitor{{Name: " "}} }, "person"},
		{"no purpose", func(r *desk.VisitRequest) { r.Purpose = "" }, "purpose"},
		{"fewer visitors than people", func(r *desk.VisitRequest) { r.Visitors = 1 }, "visitors"},
		{"preferred time ends first", func(r *desk.VisitRequest) {
			r.Windows = []desk.TimeWindow{{Start: at(24, 10, 0), End: at(24, 9, 0)}}
		}, "want"},
		{"unknown leader", func(r *desk.VisitRequest) { r.LeaderID = 99 }, "leader"},
	}
	for _, c := range cases {
		r := request(leader)
		c.edit(&r)
		err := svc.AddVisitRequest(context.Background(), &r, nil, secretary)
		var ve *calendar.ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%s: %v, want a validation error", c.name, err)
			continue
		}
		if _, ok := ve.Field(c.field); !ok {
			t.Errorf("%s: problems %+v, want one on %s", c.name, ve.Problems, c.field)
		}
	}
	if rs, _ := svc.VisitRequests(context.Background(), leader.ID, ""); len(rs) != 0 {
		t.Fatalf("invalid requests were stored: %+v", rs)
	}
}

func TestPresentingInAFreeGapBooksIt(t *testing.T) {
	ctx := context.Background()
	svc, leader := newDesk(t)
	m := desk.Material{LeaderID: leader.ID, Title: "城南工业园区规划汇报", From: "发改局"}
	if err := svc.AddMaterial(ctx, &m, secretary); err != nil {
		t.Fatal(err)
	}
	if err := svc.ReceiveMaterial(ctx, m.ID, desk.Receipt{Copies: 1}, secretary); err != nil {
		t.Fatal(err)
	}
	gaps, err := svc.PresentationGaps(ctx, leader.ID, 3)
	if err != nil || len(gaps) != 3 {
		t.Fatalf("gaps %v, %v", gaps, err)
	}
	// An empty Monday from 10:17: the rest of the morning, the afternoon, Tuesday morning.
	for i, want := range []time.Time{at(23, 10, 30), at(23, 14, 0), at(24, 8, 30)} {
		if !gaps[i].Start.Equal(want) || gaps[i].End.Sub(gaps[i].Start) != desk.PresentLength {
			t.Errorf("gap %d: %v–%v, want from %v", i, gaps[i].Start, gaps[i].End, want)
		}
	}
	if _, err := svc.SchedulePresenting(ctx, m.ID, gaps[0], "呈阅材料：城南工业园区规划汇报", secretary); err != nil {
		t.Fatal(err)
	}
	m, _ = svc.Material(ctx, m.ID)
	e, err := svc.Booking().Engagement(ctx, m.EngagementID)
	if err != nil || m.State != desk.MaterialScheduled || !m.Presented.IsZero() || !m.SlotStart.Equal(gaps[0].Start) || e.Title != "呈阅材料：城南工业园区规划汇报" {
		t.Fatalf("booking a slot: %+v in %+v (%v), want scheduled, not presented", m, e, err)
	}
}

// Booking a slot schedules the materials: they are not presented before
// the slot has passed and the secretary confirms it, and instructions
// wait until then. Every step is in the trail.
func TestScheduledMaterialsArePresentedOnlyAfterTheirSlot(t *testing.T) {
	ctx := context.Background()
	svc, leader := newDesk(t)
	now := deskNow
	svc.Booking().SetClock(func() time.Time { return now })
	m := desk.Material{LeaderID: leader.ID, Title: "城南工业园区规划汇报", From: "发改局"}
	if err := svc.AddMaterial(ctx, &m, secretary); err != nil {
		t.Fatal(err)
	}
	if err := svc.ReceiveMaterial(ctx, m.ID, desk.Receipt{Copies: 1}, secretary); err != nil {
		t.Fatal(err)
	}
	slot := calendar.Slot{Start: at(26, 15, 0), End: at(26, 15, 15)}
	if _, err := svc.SchedulePresenting(ctx, m.ID, slot, "呈阅材料", secretary); err != nil {
		t.Fatal(err)
	}
	if err := svc.InstructMaterial(ctx, m.ID, "同意", secretary); !errors.Is(err, desk.ErrIllegalMove) {
		t.Fatalf("instructions before presenting: %v, want refused", err)
	}
	err := svc.PresentMaterial(ctx, m.ID, time.Time{}, secretary)
	var ve *calendar.ValidationError
	if !errors.As(err, &ve) || ve.Problems[0].Code != "materials.present_early" {
		t.Fatalf("confirming before the slot: %v, want materials.present_early", err)
	}
	if got, _ := svc.Materials(ctx, leader.ID, desk.MaterialScheduled); len(got) != 1 || got[0].ID != m.ID {
		t.Fatalf("scheduled materials: %+v", got)
	}
	if got, _ := svc.Materials(ctx, leader.ID, desk.MaterialReceived); len(got) != 0 {
		t.Fatalf("received materials include the scheduled ones: %+v", got)
	}
	now = at(26, 15, 20)
	if err := svc.PresentMaterial(ctx, m.ID, time.Time{}, secretary); err != nil {
		t.Fatal(err)
	}
	if err := svc.InstructMaterial(ctx, m.ID, "同意", secretary); err != nil {
		t.Fatal(err)
	}
	m, _ = svc.Material(ctx, m.ID)
	if m.State != desk.MaterialInstructed || !m.Presented.Equal(slot.Start) {
		t.Fatalf("after the slot: %+v, want instructed, presented at %v", m, slot.Start)
	}
	want := []string{"→expected", "expected→received", "received→scheduled", "scheduled→presented", "presented→instructed"}
	got := trail(t, svc, m.Subject())
	if len(got) != len(want) {
		t.Fatalf("trail %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]+" ") {
			t.Errorf("trail %d: %q, want %s", i, got[i], want[i])
		}
	}
}

// Calling the slot off cancels its engagement and puts the materials
// back among those received, to be booked again.
func TestUnschedulingCancelsTheSlot(t *testing.T) {
	ctx := context.Background()
	svc, leader := newDesk(t)
	m := desk.Material{LeaderID: leader.ID, Title: "汇报", From: "发改局"}
	if err := svc.AddMaterial(ctx, &m, secretary); err != nil {
		t.Fatal(err)
	}
	if err := svc.ReceiveMaterial(ctx, m.ID, desk.Receipt{}, secretary); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SchedulePresenting(ctx, m.ID, calendar.Slot{Start: at(26, 15, 0), End: at(26, 15, 15)}, "呈阅材料", secretary); err != nil {
		t.Fatal(err)
	}
	m, _ = svc.Material(ctx, m.ID)
	slot := m.EngagementID
	if err := svc.UnschedulePresenting(ctx, m.ID, secretary); err != nil {
		t.Fatal(err)
	}
	m, _ = svc.Material(ctx, m.ID)
	e, err := svc.Booking().Engagement(ctx, slot)
	if err != nil || m.State != desk.MaterialReceived || m.EngagementID != 0 || e.Status != calendar.StatusCancelled {
		t.Fatalf("unscheduled: %+v, slot %+v (%v)", m, e, err)
	}
}
