package followup_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/followup"
	"anteroom/data/datatest"
)

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

const secretary = "秘书甲"

// world is a database with one leader, a meeting on Monday 23 November
// 2026 at 9:00 in Shanghai, and a clock that starts at noon that day.
type world struct {
	book    *calendar.Service
	desk    *desk.Service
	svc     *followup.Service
	leader  calendar.Leader
	meeting calendar.Engagement
	now     time.Time
}

func newWorld(t *testing.T, class calendar.Classification) *world {
	t.Helper()
	db := datatest.Open(t)
	w := &world{now: time.Date(2026, 11, 23, 12, 0, 0, 0, shanghai)}
	w.book = calendar.NewService(db)
	w.book.SetClock(func() time.Time { return w.now })
	w.desk = desk.NewService(w.book, db.Desk(), filepath.Join(t.TempDir(), "files"))
	w.svc = followup.NewService(w.book, w.desk, db.Followup())
	ctx := context.Background()
	w.leader = calendar.Leader{Name: "王主任", ZoneName: "Asia/Shanghai"}
	if err := w.book.AddLeader(ctx, &w.leader); err != nil {
		t.Fatal(err)
	}
	w.meeting = calendar.Engagement{LeaderID: w.leader.ID, Kind: calendar.KindMeeting, Title: "安全生产专题会",
		Location: "三楼会议室", Start: time.Date(2026, 11, 23, 9, 0, 0, 0, shanghai),
		End: time.Date(2026, 11, 23, 10, 30, 0, 0, shanghai), ZoneName: "Asia/Shanghai",
		Status: calendar.StatusConfirmed, Classification: class}
	if err := w.book.Save(ctx, &w.meeting); err != nil {
		t.Fatal(err)
	}
	return w
}

func ptr(s string) *string { return &s }

// issued writes minutes of the meeting with two decisions and takes them
// through submit, sign and issue.
func (w *world) issued(t *testing.T) followup.Minutes {
	t.Helper()
	ctx := context.Background()
	m, err := w.svc.EditMinutes(ctx, w.meeting.ID, time.Time{}, followup.Draft{
		Decisions: []string{"各单位本周内完成隐患排查", "办公室牵头起草整改方案"},
		Attendees: []string{"王主任", "李处长", " "}, Text: ptr("会议听取了安全生产情况汇报。")}, secretary)
	if err != nil {
		t.Fatal(err)
	}
	if m, err = w.svc.SubmitMinutes(ctx, m.ID, secretary); err != nil {
		t.Fatal(err)
	}
	if m, err = w.svc.SignMinutes(ctx, m.ID, "王主任", secretary); err != nil {
		t.Fatal(err)
	}
	if m, err = w.svc.IssueMinutes(ctx, m.ID, "办纪〔2026〕12号", calendar.NewDate(2026, 11, 24), []string{"安监处", "办公室"}, secretary); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMinutesGoFromDraftToIssuedAndFeedTheBoard(t *testing.T) {
	w := newWorld(t, calendar.ClassInternal)
	ctx := context.Background()
	m := w.issued(t)
	got, err := w.svc.Minutes(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != followup.MinutesIssued || got.SignedBy != "王主任" || got.DocNumber != "办纪〔2026〕12号" ||
		len(got.Decisions) != 2 || got.Decisions[1].N != 2 || got.Decisions[1].Text != "办公室牵头起草整改方案" ||
		len(got.Attendees) != 2 || len(got.IssuedTo) != 2 || got.Meeting.Title != "安全生产专题会" {
		t.Fatalf("issued minutes read back as %+v", got)
	}
	var items []followup.Item
	for n := 1; n <= 2; n++ {
		it, err := w.svc.AddItem(ctx, followup.NewItem{Source: followup.Source{Kind: followup.FromMinutes, MinutesID: m.ID, Decision: n},
			Unit: "安监处", Due: calendar.NewDate(2026, 11, 27), Priority: followup.PriorityUrgent}, secretary)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, it)
	}
	if items[0].Text != "各单位本周内完成隐患排查" || items[0].LeaderID != w.leader.ID || items[0].Source.Title != "安全生产专题会" {
		t.Fatalf("an item from decision 1 is %+v", items[0])
	}
	it, err := w.svc.ReportProgress(ctx, items[0].ID, "已完成12家单位排查", "安监处张三", secretary)
	if err != nil {
		t.Fatal(err)
	}
	if it.State != followup.StateInProgress {
		t.Fatalf("after a report the item is %s", it.State)
	}
	if it, err = w.svc.Feedback(ctx, it.ID, secretary); err != nil || it.State != followup.StateReported {
		t.Fatalf("feedback: %v, %s", err, it.State)
	}
	if it, err = w.svc.Close(ctx, it.ID, false, "", secretary); err != nil || it.State != followup.StateClosed {
		t.Fatalf("close: %v, %s", err, it.State)
	}
	trail, err := w.svc.Audit(ctx, it.Subject())
	if err != nil {
		t.Fatal(err)
	}
	var moves []string
	for _, e := range trail {
		moves = append(moves, e.From+">"+e.To)
	}
	if want := []string{">open", "open>in_progress", "in_progress>reported", "reported>closed"}; !equal(moves, want) {
		t.Fatalf("trail %v, want %v", moves, want)
	}
	mtrail, _ := w.svc.Audit(ctx, m.Subject())
	if len(mtrail) != 4 || mtrail[2].Note != "王主任" || mtrail[3].Who != secretary {
		t.Fatalf("minutes trail %+v", mtrail)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestIllegalMovesAreRefusedNamingTheState(t *testing.T) {
	w := newWorld(t, calendar.ClassInternal)
	ctx := context.Background()
	m, err := w.svc.EditMinutes(ctx, w.meeting.ID, time.Time{}, followup.Draft{Decisions: []string{"甲"}}, secretary)
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.svc.SignMinutes(ctx, m.ID, "王主任", secretary)
	var move *followup.MoveError
	if !errors.As(err, &move) || move.State != "draft" || move.Move != followup.MoveSign {
		t.Fatalf("signing a draft: %v", err)
	}
	if err.Error() != "minutes 1 are a draft: they cannot be signed" {
		t.Fatalf("message %q", err)
	}
	_, err = w.svc.AddItem(ctx, followup.NewItem{Source: followup.Source{Kind: followup.FromMinutes, MinutesID: m.ID, Decision: 1},
		Unit: "办公室", Due: calendar.NewDate(2026, 12, 1)}, secretary)
	if !errors.As(err, &move) || move.Move != followup.MoveFollowUp {
		t.Fatalf("following up a draft's decision: %v", err)
	}
	if _, err := w.svc.SubmitMinutes(ctx, m.ID, secretary); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.EditMinutes(ctx, w.meeting.ID, time.Time{}, followup.Draft{Text: ptr("x")}, secretary); !errors.As(err, &move) || move.State != "submitted" {
		t.Fatalf("editing submitted minutes: %v", err)
	}

	it, err := w.svc.AddItem(ctx, followup.NewItem{LeaderID: w.leader.ID, Source: followup.Source{Kind: followup.FromDirect},
		Text: "起草年度工作总结", Unit: "办公室", Due: calendar.NewDate(2026, 12, 1)}, secretary)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.Feedback(ctx, it.ID, secretary); !errors.As(err, &move) || move.State != "open" {
		t.Fatalf("feedback with nothing reported: %v", err)
	}
	if _, err := w.svc.Close(ctx, it.ID, false, "", secretary); !errors.As(err, &move) || move.Move != followup.MoveClose {
		t.Fatalf("closing an open item: %v", err)
	}
	if _, err := w.svc.Close(ctx, it.ID, true, " ", secretary); !errors.Is(err, calendar.ErrInvalid) {
		t.Fatalf("forced close without a reason: %v", err)
	}
	closed, err := w.svc.Close(ctx, it.ID, true, "领导改为口头交办", secretary)
	if err != nil || closed.State != followup.StateClosed || closed.CloseReason != "领导改为口头交办" {
		t.Fatalf("forced close: %v %+v", err, closed)
	}
	trail, _ := w.svc.Audit(ctx, it.Subject())
	if last := trail[len(trail)-1]; last.Note != "领导改为口头交办" {
		t.Fatalf("the forced close's reason is not in the trail: %+v", last)
	}
	if _, err := w.svc.ReportProgress(ctx, it.ID, "迟到的进展", "", secretary); !errors.As(err, &move) || move.State != "closed" {
		t.Fatalf("a report on a closed item: %v", err)
	}
	// A meeting that has not started has no minutes yet.
	later := w.meeting
	later.ID, later.UID = 0, ""
	later.Start, later.End = later.Start.Add(48*time.Hour), later.End.Add(48*time.Hour)
	if err := w.book.Save(ctx, &later); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.EditMinutes(ctx, later.ID, time.Time{}, followup.Draft{}, secretary); !errors.Is(err, calendar.ErrInvalid) {
		t.Fatalf("minutes of a future meeting: %v", err)
	}
}

func TestOverdueIsReadFromTheDueDateOnTheInjectedClock(t *testing.T) {
	w := newWorld(t, calendar.ClassInternal)
	ctx := context.Background()
	it, err := w.svc.AddItem(ctx, followup.NewItem{LeaderID: w.leader.ID, Source: followup.Source{Kind: followup.FromDirect},
		Text: "报送统计数据", Unit: "统计处", Due: calendar.NewDate(2026, 11, 25)}, secretary)
	if err != nil {
		t.Fatal(err)
	}
	check := func(day int, want bool) {
		t.Helper()
		w.now = time.Date(2026, 11, day, 9, 0, 0, 0, shanghai)
		today := w.svc.Today(shanghai)
		got, err := w.svc.Items(ctx, followup.Filter{Overdue: true, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if (len(got) == 1) != want {
			t.Fatalf("on %s overdue items %d, want overdue %v", today, len(got), want)
		}
		c, _ := w.svc.Count(ctx, 0, today)
		if c.Open != 1 || (c.Overdue == 1) != want {
			t.Fatalf("on %s counts %+v", today, c)
		}
	}
	check(25, false) // due today is not late
	check(26, true)
	if _, err := w.svc.ReportProgress(ctx, it.ID, "数据已报", "统计处", secretary); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.Feedback(ctx, it.ID, secretary); err != nil {
		t.Fatal(err)
	}
	w.now = time.Date(2026, 11, 30, 9, 0, 0, 0, shanghai)
	if got, _ := w.svc.Items(ctx, followup.Filter{Overdue: true, Today: w.svc.Today(shanghai)}); len(got) != 0 {
		t.Fatalf("an item reported back is still overdue: %+v", got)
	}
}

func TestMinutesOutliveTheirMeetingAndConfidentialityCarries(t *testing.T) {
	w := newWorld(t, calendar.ClassConfidential)
	ctx := context.Background()
	m := w.issued(t)
	it, err := w.svc.AddItem(ctx, followup.NewItem{Source: followup.Source{Kind: followup.FromMinutes, MinutesID: m.ID, Decision: 2},
		Unit: "办公室", Due: calendar.NewDate(2026, 12, 4)}, secretary)
	if err != nil {
		t.Fatal(err)
	}
	if !it.Confidential {
		t.Fatal("an item from a confidential meeting is not confidential")
	}
	cancelled := w.meeting
	cancelled.Status = calendar.StatusCancelled
	if err := w.book.Save(ctx, &cancelled); err != nil {
		t.Fatal(err)
	}
	if got, _ := w.svc.Minutes(ctx, m.ID); !got.Meeting.Cancelled || got.Meeting.Gone {
		t.Fatalf("after cancelling, the meeting link reads %+v", got.Meeting)
	}
	if err := w.book.Delete(ctx, w.meeting.ID); err != nil {
		t.Fatal(err)
	}
	got, err := w.svc.Minutes(ctx, m.ID)
	if err != nil || !got.Meeting.Gone || got.Meeting.Title != "安全生产专题会" || len(got.Decisions) != 2 {
		t.Fatalf("after deleting the meeting the minutes read %v %+v", err, got)
	}
	if items, _ := w.svc.Items(ctx, followup.Filter{}); len(items) != 1 {
		t.Fatalf("after deleting the meeting %d items remain", len(items))
	}
}

func TestAnItemFromTheLeadersInstructionsOnMaterials(t *testing.T) {
	w := newWorld(t, calendar.ClassInternal)
	ctx := context.Background()
	mat := desk.Material{LeaderID: w.leader.ID, Title: "关于园区扩建的请示", From: "园区管委会"}
	if err := w.desk.AddMaterial(ctx, &mat, secretary); err != nil {
		t.Fatal(err)
	}
	src := followup.Source{Kind: followup.FromMaterials, MaterialID: mat.ID}
	if _, err := w.svc.AddItem(ctx, followup.NewItem{Source: src, Unit: "发改处", Due: calendar.NewDate(2026, 12, 10)}, secretary); !errors.Is(err, calendar.ErrInvalid) {
		t.Fatalf("an item from materials without instructions: %v", err)
	}
	if err := w.desk.ReceiveMaterial(ctx, mat.ID, desk.Receipt{}, secretary); err != nil {
		t.Fatal(err)
	}
	if err := w.desk.PresentMaterial(ctx, mat.ID, w.now.Add(-time.Hour), secretary); err != nil {
		t.Fatal(err)
	}
	if err := w.desk.InstructMaterial(ctx, mat.ID, "请发改处研究提出意见", "王主任"); err != nil {
		t.Fatal(err)
	}
	it, err := w.svc.AddItem(ctx, followup.NewItem{Source: src, Unit: "发改处", Due: calendar.NewDate(2026, 12, 10), Priority: followup.PriorityImportant}, secretary)
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.svc.Items(ctx, followup.Filter{Text: "园区", Today: calendar.NewDate(2026, 11, 23)})
	if err != nil || len(got) != 1 || got[0].ID != it.ID || got[0].Text != "请发改处研究提出意见" ||
		got[0].Source.Kind != followup.FromMaterials || got[0].Source.MaterialID != mat.ID {
		t.Fatalf("search by the materials' title: %v %+v", err, got)
	}
}
