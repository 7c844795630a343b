package review_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/plan"
	"anteroom/calendar/review"
	"anteroom/data/datatest"
)

// The review tests' week is 2026-W48, Monday 23 to Sunday 29 November in
// Shanghai, with the sample week in it; the review happens on Friday 27th
// at 16:00.
var (
	w48      = calendar.Week{Year: 2026, Number: 48}
	friday16 = at(27, 16, 0)
)

// reviewDesk is a service over a new database with the sample week in
// w48, a weekly series on Tuesdays at 17:00 and its clock at friday16.
type reviewDesk struct {
	t      *testing.T
	svc    *calendar.Service
	dk     *desk.Service
	rv     *review.Service
	leader calendar.Leader
	now    time.Time
	series calendar.Engagement
}

func newReviewDesk(t *testing.T) *reviewDesk {
	t.Helper()
	d := &reviewDesk{t: t, now: friday16}
	db := datatest.Open(t)
	d.svc = calendar.NewService(db)
	d.svc.SetClock(func() time.Time { return d.now })
	d.dk = desk.NewService(d.svc, db.Desk(), t.TempDir())
	d.rv = review.NewService(d.svc, d.dk, db.Review())
	d.leader = calendar.Leader{Name: "张书记", ZoneName: "Asia/Shanghai"}
	ctx := context.Background()
	if err := d.svc.AddLeader(ctx, &d.leader); err != nil {
		t.Fatal(err)
	}
	if _, err := calendar.LoadSampleWeek(ctx, d.svc, d.leader, w48.Monday()); err != nil {
		t.Fatal(err)
	}
	d.series = calendar.Engagement{LeaderID: d.leader.ID, Title: "党组理论学习", Start: at(24, 17, 0), End: at(24, 17, 30),
		ZoneName: "Asia/Shanghai", RRule: "FREQ=WEEKLY;BYDAY=TU;COUNT=8", Classification: calendar.ClassInternal}
	if err := d.svc.Save(ctx, &d.series); err != nil {
		t.Fatal(err)
	}
	return d
}

func (d *reviewDesk) review(w calendar.Week) review.WeekReview {
	d.t.Helper()
	rv, err := d.rv.WeekReview(context.Background(), d.leader.ID, w)
	if err != nil {
		d.t.Fatal(err)
	}
	return rv
}

// item returns the item of w titled title.
func (d *reviewDesk) item(w calendar.Week, title string) review.ReviewItem {
	d.t.Helper()
	for _, it := range d.review(w).Items {
		if it.Title() == title {
			return it
		}
	}
	d.t.Fatalf("%s has no item %q", w, title)
	return review.ReviewItem{}
}

func (d *reviewDesk) material(title string, receive bool) desk.Material {
	d.t.Helper()
	ctx := context.Background()
	m := desk.Material{LeaderID: d.leader.ID, Title: title, From: "县发改局"}
	if err := d.dk.AddMaterial(ctx, &m, secretary); err != nil {
		d.t.Fatal(err)
	}
	if receive {
		if err := d.dk.ReceiveMaterial(ctx, m.ID, desk.Receipt{Copies: 1}, secretary); err != nil {
			d.t.Fatal(err)
		}
	}
	return m
}

func titles(items []review.ReviewItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Title())
	}
	return out
}

func TestFridayReviewMarksCarriesFilesAndCloses(t *testing.T) {
	ctx := context.Background()
	d := newReviewDesk(t)
	d.now = deskNow // the materials come in on Monday
	report := d.material("新能源项目进展汇报", true)
	letter := d.material("城南园区规划说明", false)
	d.now = friday16

	rv := d.review(w48)
	if rv.Closed() || len(rv.Items) != 11+1+2 {
		t.Fatalf("review of %s: closed %v, %d items %q; want the 11 sample items, the Tuesday occurrence and 2 materials",
			w48, rv.Closed(), len(rv.Items), titles(rv.Items))
	}
	if first := rv.Items[0]; first.Title() != "周一例会" || first.Ref.Kind != review.RefEngagement {
		t.Fatalf("first item %+v, want Monday's meeting", first)
	}

	// Done, with a note.
	weekly := d.item(w48, "周一例会")
	if _, err := d.rv.MarkDone(ctx, d.leader.ID, w48, weekly.Ref, "已形成纪要", secretary); err != nil {
		t.Fatal(err)
	}

	// Not done: the visit on Friday goes into the first free slot next week.
	visit := d.item(w48, "会见台商投资协会代表")
	res, err := d.rv.Carry(ctx, d.leader.ID, w48, visit.Ref, review.CarryTo{}, "对方改期", secretary)
	if err != nil {
		t.Fatal(err)
	}
	if res.Booked == nil || res.CarryOver.State != review.CarryBooked || res.CarryOver.Times != 1 || res.Again {
		t.Fatalf("carry: %+v", res)
	}
	booked := *res.Booked
	if calendar.WeekOf(calendar.DateOf(booked.Start.In(shanghai))) != w48.Next() {
		t.Fatalf("carried into %v, want a slot in %s", booked.Start.In(shanghai), w48.Next())
	}
	if booked.Duration() != time.Hour || booked.Kind != calendar.KindVisit || booked.Title != "会见台商投资协会代表" || booked.ID == visit.Engagement.ID {
		t.Fatalf("carried engagement %+v, want a new one-hour visit of the same title", booked)
	}
	// The engine says the slot is free: nothing at all to say of it.
	if fs, err := d.svc.Check(ctx, d.leader, booked); err != nil || len(fs) != 0 {
		t.Fatalf("Check of the carried visit: %v, %v", fs, err)
	}
	if origin, _ := d.svc.Engagement(ctx, visit.Engagement.ID); origin.Status != calendar.StatusCancelled {
		t.Fatalf("the carried visit stays %s where it was", origin.Status)
	}

	// Carrying it again changes nothing.
	before, _ := d.svc.CountEngagements(ctx, d.leader.ID)
	again, err := d.rv.Carry(ctx, d.leader.ID, w48, visit.Ref, review.CarryTo{}, "再次顺延", secretary)
	if err != nil || !again.Again || again.Booked == nil || again.Booked.ID != booked.ID || again.CarryOver.ID != res.CarryOver.ID {
		t.Fatalf("second carry: %+v, %v", again, err)
	}
	if after, _ := d.svc.CountEngagements(ctx, d.leader.ID); after != before {
		t.Fatalf("carrying twice made %d engagements of %d", after, before)
	}
	if _, err := d.rv.MarkDone(ctx, d.leader.ID, w48, visit.Ref, "", secretary); !errors.Is(err, review.ErrDecided) {
		t.Fatalf("marking a carried item done: %v", err)
	}

	// The series' occurrence is carried alone; the series stays.
	occ := d.item(w48, "党组理论学习")
	if occ.Ref.Kind != review.RefOccurrence || !strings.HasPrefix(occ.Ref.Text(shanghai), "S") {
		t.Fatalf("the occurrence is named %s", occ.Ref.Text(shanghai))
	}
	if _, err := d.rv.Carry(ctx, d.leader.ID, w48, occ.Ref, review.CarryTo{}, "", secretary); err != nil {
		t.Fatal(err)
	}
	series, err := d.svc.Engagement(ctx, d.series.ID)
	if err != nil || series.RRule != d.series.RRule || series.Status != calendar.StatusConfirmed || !series.Start.Equal(d.series.Start) {
		t.Fatalf("the series changed: %+v, %v", series, err)
	}
	next, _ := d.svc.Agenda(ctx, d.leader, w48.Next().Monday(), w48.Next().Sunday())
	var tuesdays []string
	for _, e := range next {
		if e.Title == "党组理论学习" {
			tuesdays = append(tuesdays, e.Start.In(shanghai).Format("Mon 15:04")+" "+string(e.Status)+map[bool]string{true: " occurrence", false: " single"}[e.IsOccurrence()])
		}
	}
	if len(tuesdays) != 2 || !slices.Contains(tuesdays, "Tue 17:00 confirmed occurrence") {
		t.Fatalf("next week's 党组理论学习: %q, want its own occurrence and the carried one", tuesdays)
	}

	// Onto the to-schedule list.
	flood := d.item(w48, "防汛工作专题会")
	res, err = d.rv.Carry(ctx, d.leader.ID, w48, flood.Ref, review.CarryTo{List: true}, "等待上级通知", secretary)
	if err != nil || res.Booked != nil || res.CarryOver.State != review.CarryToSchedule {
		t.Fatalf("carry to the list: %+v, %v", res, err)
	}
	if list, _ := d.rv.ToSchedule(ctx, d.leader.ID); len(list) != 1 || list[0].Title != "防汛工作专题会" || list[0].ToWeek != w48.Next() {
		t.Fatalf("to-schedule list %+v", list)
	}

	// Materials: filed only by legal moves, instructions written down.
	var ve *calendar.ValidationError
	if _, err := d.rv.MarkDone(ctx, d.leader.ID, w48, refM(report), "", secretary); !errors.As(err, &ve) || ve.Problems[0].Field != "note" {
		t.Fatalf("received materials done without instructions: %v", err)
	}
	mark, err := d.rv.MarkDone(ctx, d.leader.ID, w48, refM(report), "同意，请发改局牵头推进", secretary)
	if err != nil || mark.Archived != 1 {
		t.Fatalf("materials done: %+v, %v", mark, err)
	}
	if got := trail(t, d.dk, report.Subject()); len(got) != 5 || !strings.HasPrefix(got[2], "received→presented") ||
		got[3] != "presented→instructed 秘书甲 同意，请发改局牵头推进" || !strings.HasPrefix(got[4], "instructed→archived") {
		t.Fatalf("materials trail %q", got)
	}
	var me *desk.MoveError
	if _, err := d.rv.MarkDone(ctx, d.leader.ID, w48, refM(letter), "已阅", secretary); !errors.As(err, &me) || me.State != "expected" {
		t.Fatalf("expected materials done: %v", err)
	}

	// Closing names what is undecided, unless the rest is done.
	_, err = d.rv.CloseReview(ctx, d.leader.ID, w48, "", secretary, false)
	var re *review.ReviewError
	if !errors.Is(err, review.ErrUndecided) || !errors.As(err, &re) || re.Args()["Count"] != 8 || !strings.Contains(re.Error(), "E") {
		t.Fatalf("closing with 8 items undecided: %v", err)
	}
	closed, err := d.rv.CloseReview(ctx, d.leader.ID, w48, "本周工作基本完成", secretary, true)
	if err != nil {
		t.Fatal(err)
	}
	if r := closed.Record; r.Done != 10 || r.Carried != 4 || r.Archived != 1 || r.By != secretary || !r.Closed.Equal(friday16) || len(closed.Marked) != 9 {
		t.Fatalf("record %+v, %d marked on closing; want 10 done (9 at close), 4 carried (the letter at close), 1 filed", r, len(closed.Marked))
	}
	if again, err := d.rv.CloseReview(ctx, d.leader.ID, w48, "", "秘书乙", true); err != nil || !again.Again || again.Record.ID != closed.Record.ID {
		t.Fatalf("closing again: %+v, %v", again, err)
	}
	if _, err := d.rv.MarkDone(ctx, d.leader.ID, w48, weekly.Ref, "", secretary); !errors.Is(err, review.ErrReviewClosed) {
		t.Fatalf("a decision on a closed review: %v", err)
	}

	// Reopened, it reads as it was closed, whatever the calendar does now.
	if err := d.svc.Delete(ctx, weekly.Engagement.ID); err != nil {
		t.Fatal(err)
	}
	rv = d.review(w48)
	if !rv.Closed() || len(rv.Items) != 14 || rv.Items[0].Title() != "周一例会" || rv.Items[0].Mark.Note != "已形成纪要" {
		t.Fatalf("reopened: closed %v, %q", rv.Closed(), titles(rv.Items))
	}
	if done, carried, open := rv.Counts(); done != 10 || carried != 4 || open != 0 {
		t.Fatalf("reopened counts %d/%d/%d", done, carried, open)
	}

	// Next week: what was carried comes up again, counted once.
	next49 := d.review(w48.Next())
	for _, title := range []string{"会见台商投资协会代表", "防汛工作专题会", "城南园区规划说明"} {
		it := d.item(w48.Next(), title)
		if it.Times != 1 || it.StandsOut() {
			t.Errorf("%s in %s: carried %d times", title, w48.Next(), it.Times)
		}
	}
	if n := strings.Count(strings.Join(titles(next49.Items), "|"), "会见台商投资协会代表"); n != 1 {
		t.Fatalf("the carried visit is in %s %d times", w48.Next(), n)
	}
}

func refM(m desk.Material) review.ItemRef {
	return review.ItemRef{Kind: review.RefMaterial, ID: m.ID}
}

func TestAnItemCarriedThreeTimesStandsOut(t *testing.T) {
	ctx := context.Background()
	d := newReviewDesk(t)
	w := w48
	title := "安全生产工作会议"
	for i := 1; i <= 3; i++ {
		d.now = w.Monday().AddDays(4).In(shanghai).Add(16 * time.Hour) // that week's Friday afternoon
		it := d.item(w, title)
		if it.Times != i-1 {
			t.Fatalf("%s: carried %d times before, want %d", w, it.Times, i-1)
		}
		to := review.CarryTo{List: i == 2} // into a slot, onto the list, and booked from it
		res, err := d.rv.Carry(ctx, d.leader.ID, w, it.Ref, to, "领导出差", secretary)
		if err != nil {
			t.Fatalf("%s: %v", w, err)
		}
		if res.CarryOver.Times != i || (i != 2) != (res.Booked != nil) {
			t.Fatalf("%s: %+v", w, res)
		}
		w = w.Next()
	}
	last := d.item(w, title)
	if last.Times != 3 || !last.StandsOut() || last.Ref.Kind != review.RefEngagement {
		t.Fatalf("%s after three carries: %+v", w, last)
	}
	hist, err := d.rv.CarryHistory(ctx, d.leader.ID, last.Ref)
	if err != nil {
		t.Fatal(err)
	}
	var weeks []string
	for _, m := range hist {
		weeks = append(weeks, m.Week.String())
	}
	if strings.Join(weeks, " ") != "2026-W48 2026-W49 2026-W50" {
		t.Fatalf("history %q", weeks)
	}
}

func TestCarryIntoATimeTheRulesBlockChangesNothing(t *testing.T) {
	ctx := context.Background()
	d := newReviewDesk(t)
	safety := d.item(w48, "安全生产工作会议")
	before, _ := d.svc.CountEngagements(ctx, d.leader.ID)

	// Next Monday 08:30 is the weekly meeting… not there yet: book one.
	blocker := calendar.Engagement{LeaderID: d.leader.ID, Title: "县委常委会", Start: at(30, 10, 0), End: at(30, 12, 0), ZoneName: "Asia/Shanghai"}
	if err := d.svc.Save(ctx, &blocker); err != nil {
		t.Fatal(err)
	}
	_, err := d.rv.Carry(ctx, d.leader.ID, w48, safety.Ref, review.CarryTo{Start: at(30, 10, 30)}, "", secretary)
	var ce *calendar.ConflictError
	if !errors.As(err, &ce) || ce.Findings[0].Other.Title != "县委常委会" {
		t.Fatalf("carry over the 常委会: %v", err)
	}
	if after, _ := d.svc.CountEngagements(ctx, d.leader.ID); after != before+1 {
		t.Fatalf("a refused carry left %d engagements, want %d", after, before+1)
	}
	if e, _ := d.svc.Engagement(ctx, safety.Engagement.ID); e.Status == calendar.StatusCancelled {
		t.Fatal("a refused carry cancelled the origin")
	}
	if it := d.item(w48, "安全生产工作会议"); it.Decided() {
		t.Fatalf("a refused carry was recorded: %+v", it.Mark)
	}
	// Into the reviewed week itself: refused too.
	if _, err := d.rv.Carry(ctx, d.leader.ID, w48, safety.Ref, review.CarryTo{Start: at(28, 10, 0)}, "", secretary); !errors.Is(err, calendar.ErrInvalid) {
		t.Fatalf("carry into the same week: %v", err)
	}
	// A free time is taken as asked.
	res, err := d.rv.Carry(ctx, d.leader.ID, w48, safety.Ref, review.CarryTo{Start: at(30, 14, 0)}, "", secretary)
	if err != nil || res.Booked == nil || !res.Booked.Start.Equal(at(30, 14, 0)) || res.Booked.Duration() != 90*time.Minute {
		t.Fatalf("carry to Monday 14:00: %+v, %v", res, err)
	}
}

func TestCarryOfAnAllDayItemTakesAFreeDay(t *testing.T) {
	ctx := context.Background()
	d := newReviewDesk(t)
	trip := d.item(w48, "赴省城出差：全省经济工作会议")
	res, err := d.rv.Carry(ctx, d.leader.ID, w48, trip.Ref, review.CarryTo{}, "", secretary)
	if err != nil || res.Booked == nil {
		t.Fatalf("carry of the two-day trip: %+v, %v", res, err)
	}
	b := *res.Booked
	// Tuesday has the series' 党组理论学习: the first two free days are Wednesday and Thursday.
	if !b.AllDay || b.StartDay != calendar.NewDate(2026, 12, 2) || b.EndDay != calendar.NewDate(2026, 12, 4) {
		t.Fatalf("the trip was carried to %s–%s (all day %v), want Wednesday and Thursday of next week", b.StartDay, b.EndDay, b.AllDay)
	}
	if fs, err := d.svc.Check(ctx, d.leader, b); err != nil || len(fs) != 0 {
		t.Fatalf("Check of the carried trip: %v, %v", fs, err)
	}
}

func TestReviewReminderOnFridayAfternoonOnly(t *testing.T) {
	ctx := context.Background()
	d := newReviewDesk(t)
	cases := []struct {
		now  time.Time
		want bool
	}{
		{at(27, 15, 0), true},
		{at(27, 14, 0), true},
		{at(27, 23, 59), true},
		{at(27, 13, 59), false},
		{at(27, 10, 0), false},
		{at(26, 16, 0), false}, // Thursday
		{at(28, 16, 0), false}, // Saturday
	}
	for _, c := range cases {
		due, err := d.rv.ReviewsDue(ctx, c.now)
		if err != nil || (len(due) == 1) != c.want {
			t.Errorf("%v: reviews due %+v, %v; want %v", c.now, due, err, c.want)
		}
	}
	// A holiday on Friday brings the review forward to Thursday.
	a, _ := d.svc.Availability(ctx, d.leader.ID)
	a.SetOverride(calendar.DateOverride{Date: calendar.NewDate(2026, 11, 27), Kind: calendar.DayOff, Title: "假日"})
	if err := d.svc.SaveAvailability(ctx, a); err != nil {
		t.Fatal(err)
	}
	if due, _ := d.rv.ReviewsDue(ctx, at(26, 16, 0)); len(due) != 1 {
		t.Error("no reminder on Thursday afternoon before a Friday off")
	}
	if due, _ := d.rv.ReviewsDue(ctx, at(27, 16, 0)); len(due) != 0 {
		t.Error("a reminder on the Friday off")
	}
	// Once the week is reviewed, nothing.
	if _, err := d.rv.CloseReview(ctx, d.leader.ID, w48, "", secretary, true); err != nil {
		t.Fatal(err)
	}
	if due, _ := d.rv.ReviewsDue(ctx, at(26, 16, 0)); len(due) != 0 {
		t.Errorf("a reminder for a reviewed week: %+v", due)
	}
}

func TestWeekPlanHidesConfidentialAndLeavesOutCancelled(t *testing.T) {
	ctx := context.Background()
	d := newReviewDesk(t)
	deputy := calendar.Leader{Name: "李县长", ZoneName: "Asia/Shanghai"}
	if err := d.svc.AddLeader(ctx, &deputy); err != nil {
		t.Fatal(err)
	}
	joint := calendar.Engagement{LeaderID: deputy.ID, Title: "县政府常务会议", Location: "县政府第一会议室", Organiser: "县政府办",
		Start: at(23, 8, 30), End: at(23, 10, 0), ZoneName: "Asia/Shanghai", Classification: calendar.ClassPublic}
	called := calendar.Engagement{LeaderID: d.leader.ID, Title: "已取消的座谈会", Start: at(24, 16, 0), End: at(24, 17, 0),
		ZoneName: "Asia/Shanghai", Status: calendar.StatusCancelled}
	for _, e := range []*calendar.Engagement{&joint, &called} {
		if err := d.svc.Save(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	p, err := plan.Build(ctx, d.svc, []int64{d.leader.ID, deputy.ID}, w48)
	if err != nil {
		t.Fatal(err)
	}
	// 11 sample items, the trip on two days, the series' Tuesday, the deputy's meeting; not the cancelled one.
	if len(p.Days) != 7 || p.Rows() != 11+1+1+1 || len(p.Leaders) != 2 {
		t.Fatalf("plan: %d days, %d rows, %d leaders", len(p.Days), p.Rows(), len(p.Leaders))
	}
	monday := p.Days[0].Rows
	if monday[0].Title != "周一例会" || monday[1].Title != "县政府常务会议" || monday[1].Organiser != "县政府办" || monday[1].Leader.Name != "李县长" {
		t.Fatalf("Monday's rows %+v", monday)
	}
	for _, day := range p.Days {
		for _, r := range day.Rows {
			if r.Title == "已取消的座谈会" {
				t.Error("the cancelled engagement is in the plan")
			}
			if r.Confidential != (r.Title == "") || r.Confidential && (r.Location != "" || r.Organiser != "") {
				t.Errorf("row %+v: a confidential row keeps details, or a plain one lost its title", r)
			}
		}
	}
	if c := p.Days[0].Rows[3]; !c.Confidential || c.Start.Hour() != 15 {
		t.Fatalf("the 常委会 row is %+v, want a confidential row at 15:00", c)
	}
	if wed, thu := p.Days[2].Rows, p.Days[3].Rows; len(wed) != 1 || len(thu) != 1 || !wed[0].AllDay || wed[0].Title != thu[0].Title {
		t.Fatalf("the two-day trip: Wednesday %+v, Thursday %+v", wed, thu)
	}
}

func TestABookedVisitMovesWithItsEngagementAndEndsDone(t *testing.T) {
	ctx := context.Background()
	d := newReviewDesk(t)
	d.now = deskNow
	r := addRequest(t, d.dk, request(d.leader))
	if _, err := d.dk.BookVisit(ctx, r.ID, calendar.Slot{Start: at(24, 16, 0), End: at(24, 16, 45)}, secretary); err != nil {
		t.Fatal(err)
	}
	d.now = friday16
	it := d.item(w48, "华东电力公司")
	res, err := d.rv.Carry(ctx, d.leader.ID, w48, it.Ref, review.CarryTo{Start: at(30, 14, 0)}, "企业负责人出差", secretary)
	if err != nil {
		t.Fatal(err)
	}
	r, _ = d.dk.VisitRequest(ctx, r.ID)
	if r.State != desk.VisitBooked || r.EngagementID != res.Booked.ID {
		t.Fatalf("the request after the carry: %s, engagement %d; want booked with %d", r.State, r.EngagementID, res.Booked.ID)
	}
	if got := trail(t, d.dk, r.Subject()); !strings.HasSuffix(got[len(got)-1], "→ 2026-11-30 14:00") {
		t.Fatalf("request trail %q", got)
	}

	// Next Friday it took place: the request is done.
	d.now = friday16.AddDate(0, 0, 7)
	if _, err := d.rv.MarkDone(ctx, d.leader.ID, w48.Next(), review.RefOf(*res.Booked), "", secretary); err != nil {
		t.Fatal(err)
	}
	if r, _ = d.dk.VisitRequest(ctx, r.ID); r.State != desk.VisitDone {
		t.Fatalf("the request is %s after its visit was marked done", r.State)
	}
}
