package remind_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/remind"
	"anteroom/data"
)

func TestMeetingRemindsAQuarterOfAnHourBefore(t *testing.T) {
	f := newFixture(t, at(7, 9, 0))
	f.engagement(t, meeting("周例会", at(7, 10, 0)))
	for _, now := range []time.Time{at(7, 9, 0), at(7, 9, 30), at(7, 9, 44)} {
		if b := f.checkAt(t, now); !b.Empty() {
			t.Fatalf("at %s: %v fired, want nothing before 9:45", now.Format("15:04"), titles(b.All()))
		}
	}
	b := f.checkAt(t, at(7, 9, 45))
	if got := titles(b.Fresh); !slices.Equal(got, []string{"周例会"}) || b.Summary() {
		t.Fatalf("at 9:45: fresh %v missed %v summary %v, want 周例会 alone", got, titles(b.Missed), b.Summary())
	}
	if r := b.Fresh[0]; !r.At.Equal(at(7, 9, 45)) || !r.Starts.Equal(at(7, 10, 0)) || r.Kind != "meeting" {
		t.Errorf("reminder %+v, want at 9:45 for 10:00, kind meeting", r)
	}
	if b := f.checkAt(t, at(7, 9, 46)); !b.Empty() {
		t.Errorf("at 9:46 %v fired again", titles(b.All()))
	}
}

func TestNeverTwiceAcrossARestart(t *testing.T) {
	f := newFixture(t, at(7, 9, 0))
	f.engagement(t, meeting("周例会", at(7, 10, 0)))
	f.checkAt(t, at(7, 9, 0))
	if b := f.checkAt(t, at(7, 9, 50)); len(b.Fresh) != 1 {
		t.Fatalf("at 9:50: %v, want one reminder", titles(b.All()))
	}
	f.restart(t)
	if b := f.checkAt(t, at(7, 9, 51)); !b.Empty() {
		t.Errorf("after a restart %v fired again", titles(b.All()))
	}
	// Moved to the afternoon, it reminds again, before its new time.
	es, err := f.book.Between(context.Background(), f.leader.ID, at(7, 0, 0), at(8, 0, 0))
	if err != nil || len(es) != 1 {
		t.Fatalf("between: %v %v", es, err)
	}
	e := es[0]
	e.Start, e.End = at(7, 15, 0), at(7, 16, 0)
	if err := f.book.Save(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	if b := f.checkAt(t, at(7, 14, 45)); !slices.Equal(titles(b.Fresh), []string{"周例会"}) {
		t.Errorf("moved to 15:00: %v at 14:45, want it once more", titles(b.All()))
	}
}

func TestAnItemsOwnLeadOverridesItsKind(t *testing.T) {
	f := newFixture(t, at(7, 8, 0))
	early := f.engagement(t, meeting("常委会", at(7, 10, 0)))
	silent := f.engagement(t, meeting("碰头会", at(7, 10, 0)))
	f.engagement(t, meeting("周例会", at(7, 10, 0)))
	ctx := context.Background()
	if err := f.svc.SetLead(ctx, early.ID, remind.LeadMinutes(60)); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.SetLead(ctx, silent.ID, remind.Off); err != nil {
		t.Fatal(err)
	}
	if l, own, err := f.svc.Lead(ctx, early.ID); err != nil || !own || l.Minutes() != 60 {
		t.Fatalf("lead of 常委会: %v %v %v, want its own 60 minutes", l.Minutes(), own, err)
	}
	f.checkAt(t, at(7, 8, 0))
	if b := f.checkAt(t, at(7, 9, 0)); !slices.Equal(titles(b.Fresh), []string{"常委会"}) {
		t.Errorf("at 9:00: %v, want 常委会 an hour before", titles(b.All()))
	}
	if b := f.checkAt(t, at(7, 9, 45)); !slices.Equal(titles(b.Fresh), []string{"周例会"}) {
		t.Errorf("at 9:45: %v, want only 周例会 (碰头会 has no reminder)", titles(b.All()))
	}
	if b := f.checkAt(t, at(7, 10, 30)); !b.Empty() {
		t.Errorf("after the start: %v, want nothing, not even a missed 碰头会", titles(b.All()))
	}
	// Back to the default: tomorrow's copy reminds 15 minutes before.
	if err := f.svc.ClearLead(ctx, silent.ID); err != nil {
		t.Fatal(err)
	}
	if _, own, _ := f.svc.Lead(ctx, silent.ID); own {
		t.Error("碰头会 still has its own lead after ClearLead")
	}
}

func TestCancelledItemsNeverRemind(t *testing.T) {
	f := newFixture(t, at(7, 8, 0))
	off := meeting("取消的会", at(7, 10, 0))
	off.Status = calendar.StatusCancelled
	f.engagement(t, off)
	daily := meeting("晨会", at(7, 9, 0))
	daily.RRule = "FREQ=DAILY;COUNT=5"
	f.engagement(t, daily)
	// Cancel Tuesday's occurrence only.
	occ, err := f.book.Between(context.Background(), f.leader.ID, at(8, 0, 0), at(9, 0, 0))
	if err != nil || len(occ) != 1 {
		t.Fatalf("Tuesday: %v %v", occ, err)
	}
	if err := f.book.CancelOccurrence(context.Background(), occ[0]); err != nil {
		t.Fatal(err)
	}
	f.checkAt(t, at(7, 8, 0))
	var fired []string
	for now := at(7, 8, 0); now.Before(at(9, 12, 0)); now = now.Add(5 * time.Minute) {
		for _, r := range f.checkAt(t, now).All() {
			fired = append(fired, r.Title+" "+r.Starts.In(shanghai).Format("01-02 15:04"))
		}
	}
	want := []string{"晨会 12-07 09:00", "晨会 12-09 09:00"}
	if !slices.Equal(fired, want) {
		t.Errorf("fired %v, want %v (no cancelled meeting, no cancelled Tuesday)", fired, want)
	}
}

func TestASeriesRemindsOfEachOccurrence(t *testing.T) {
	f := newFixture(t, at(7, 8, 0))
	weekly := meeting("周例会", at(7, 10, 0))
	weekly.RRule = "FREQ=DAILY;COUNT=3"
	f.engagement(t, weekly)
	f.checkAt(t, at(7, 8, 0))
	keys := map[string]bool{}
	for d := 7; d <= 9; d++ {
		f.checkAt(t, at(d, 9, 0))
		b := f.checkAt(t, at(d, 9, 45))
		if len(b.Fresh) != 1 || !b.Fresh[0].Starts.Equal(at(d, 10, 0)) {
			t.Fatalf("day %d at 9:45: %+v, want the day's occurrence", d, b.Fresh)
		}
		keys[b.Fresh[0].Key] = true
	}
	if len(keys) != 3 {
		t.Errorf("keys %v, want one per occurrence", keys)
	}
}

func TestMaterialsDueTodayRemindInTheMorning(t *testing.T) {
	f := newFixture(t, at(7, 7, 0))
	ctx := context.Background()
	due := desk.Material{LeaderID: f.leader.ID, Title: "新能源项目汇报材料", From: "华东电力公司", Due: calendar.NewDate(2026, 12, 7)}
	if err := f.desk.AddMaterial(ctx, &due, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	later := desk.Material{LeaderID: f.leader.ID, Title: "明天的材料", Due: calendar.NewDate(2026, 12, 8)}
	if err := f.desk.AddMaterial(ctx, &later, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	handed := desk.Material{LeaderID: f.leader.ID, Title: "已收到的材料", Due: calendar.NewDate(2026, 12, 7)}
	if err := f.desk.AddMaterial(ctx, &handed, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if err := f.desk.ReceiveMaterial(ctx, handed.ID, desk.Receipt{}, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if b := f.checkAt(t, at(7, 8, 59)); !b.Empty() {
		t.Errorf("before 9:00: %v", titles(b.All()))
	}
	b := f.checkAt(t, at(7, 9, 0))
	if !slices.Equal(titles(b.Fresh), []string{"新能源项目汇报材料"}) {
		t.Fatalf("at 9:00: %v, want only the expected materials due today", titles(b.All()))
	}
	if r := b.Fresh[0]; r.What != remind.WhatMaterial || r.Place != "华东电力公司" || !r.AllDay {
		t.Errorf("reminder %+v, want materials from 华东电力公司 for the day", r)
	}
	if b := f.checkAt(t, at(7, 17, 0)); !b.Empty() {
		t.Errorf("in the afternoon: %v fired again", titles(b.All()))
	}
	// Opened the next day at noon: tomorrow's are due now, told on their own.
	f.restart(t)
	if b := f.checkAt(t, at(8, 12, 0)); !slices.Equal(titles(b.Fresh), []string{"明天的材料"}) || b.Summary() {
		t.Errorf("next day at noon: fresh %v missed %v, want 明天的材料 alone", titles(b.Fresh), titles(b.Missed))
	}
}

func TestVisitsStartingSoonRemind(t *testing.T) {
	f := newFixture(t, at(7, 8, 0))
	ctx := context.Background()
	r := desk.VisitRequest{LeaderID: f.leader.ID, Org: "华东电力公司", Purpose: "汇报项目进展", Visitors: 2,
		People:  []desk.Visitor{{Name: "王伟", Title: "总经理"}},
		Windows: []desk.TimeWindow{{Start: at(7, 14, 0), End: at(7, 17, 0)}}}
	if err := f.desk.AddVisitRequest(ctx, &r, nil, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.desk.BookVisitOverride(ctx, r.ID, calendar.Slot{Start: at(7, 14, 0), End: at(7, 14, 30)}, "测试", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	f.checkAt(t, at(7, 8, 0))
	if b := f.checkAt(t, at(7, 13, 44)); !b.Empty() {
		t.Errorf("13:44: %v", titles(b.All()))
	}
	b := f.checkAt(t, at(7, 13, 45))
	if len(b.Fresh) != 1 || b.Fresh[0].Kind != string(calendar.KindVisit) || !b.Fresh[0].Starts.Equal(at(7, 14, 0)) {
		t.Fatalf("13:45: %+v, want the visit at 14:00", b.Fresh)
	}

	// A visit called off does not remind.
	r2 := r
	r2.ID, r2.Windows = 0, []desk.TimeWindow{{Start: at(8, 14, 0), End: at(8, 17, 0)}}
	if err := f.desk.AddVisitRequest(ctx, &r2, nil, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.desk.BookVisitOverride(ctx, r2.ID, calendar.Slot{Start: at(8, 14, 0), End: at(8, 14, 30)}, "测试", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if err := f.desk.MoveVisit(ctx, r2.ID, desk.MoveCancel, "", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if b := f.checkAt(t, at(8, 13, 50)); !b.Empty() {
		t.Errorf("cancelled visit: %v fired", titles(b.All()))
	}
}

func TestCatchingUpAfterAGapIsOneSummary(t *testing.T) {
	f := newFixture(t, at(7, 8, 0))
	for i, h := range []int{9, 9, 10, 10, 11} {
		f.engagement(t, meeting("会议"+string(rune('A'+i)), at(7, h, 30)))
	}
	f.engagement(t, meeting("午间会", at(7, 12, 10)))
	f.engagement(t, meeting("下午会", at(7, 15, 0)))
	f.checkAt(t, at(7, 8, 0))
	// The lid closed at 8:00 and opened at noon.
	b := f.checkAt(t, at(7, 12, 0))
	if !b.Summary() || len(b.Missed) != 5 || !slices.Equal(titles(b.Fresh), []string{"午间会"}) {
		t.Fatalf("at noon: missed %v fresh %v summary %v, want 5 missed, 午间会 fresh, one summary",
			titles(b.Missed), titles(b.Fresh), b.Summary())
	}
	for _, fd := range b.Fired() {
		if !fd.Summary || !fd.FiredAt.Equal(at(7, 12, 0)) {
			t.Errorf("%s recorded as %+v, want in the noon summary", fd.Title, fd)
		}
	}
	if b := f.checkAt(t, at(7, 12, 1)); !b.Empty() {
		t.Errorf("after the summary: %v again", titles(b.All()))
	}
	if b := f.checkAt(t, at(7, 14, 45)); !slices.Equal(titles(b.Fresh), []string{"下午会"}) || b.Summary() {
		t.Errorf("14:45: %v, want 下午会 on its own", titles(b.All()))
	}
	// A week away looks back MaxCatchUp only.
	f.engagement(t, meeting("上周五的会", at(11, 10, 0)))
	f.engagement(t, meeting("周一早会", at(14, 8, 0)))
	b = f.checkAt(t, at(14, 9, 0))
	if !slices.Equal(titles(b.Missed), []string{"周一早会"}) {
		t.Errorf("after a week away: missed %v, want only what fell in the last %v", titles(b.Missed), remind.MaxCatchUp)
	}
}

func TestTheHistoryListsWhatFired(t *testing.T) {
	f := newFixture(t, at(7, 8, 0))
	f.engagement(t, meeting("周例会", at(7, 10, 0)))
	f.engagement(t, meeting("常委会", at(7, 11, 0)))
	f.checkAt(t, at(7, 8, 0))
	f.checkAt(t, at(7, 9, 45))
	f.checkAt(t, at(7, 10, 45))
	hist, err := f.svc.History(context.Background(), at(7, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hist {
		got = append(got, h.Title+" "+h.FiredAt.In(shanghai).Format("15:04"))
	}
	if want := []string{"常委会 10:45", "周例会 09:45"}; !slices.Equal(got, want) {
		t.Errorf("history %v, want %v", got, want)
	}
}

func TestManyAtOnceComeAsOneSummary(t *testing.T) {
	w := remind.Window{From: at(7, 9, 0), To: at(7, 9, 45)}
	var rs []remind.Reminder
	for i := range remind.MaxSingle + 1 {
		rs = append(rs, remind.Reminder{Key: string(rune('a' + i)), At: at(7, 9, 45), Stale: at(7, 10, 0)})
	}
	none := func(string) bool { return false }
	if b := remind.Plan(w, rs[:remind.MaxSingle], none); b.Summary() || len(b.Fresh) != remind.MaxSingle {
		t.Errorf("%d at once: summary %v, want each on its own", remind.MaxSingle, b.Summary())
	}
	if b := remind.Plan(w, rs, none); !b.Summary() {
		t.Errorf("%d at once: not a summary", len(rs))
	}
	if b := remind.Plan(w, append(rs, rs...), func(k string) bool { return k == "a" }); len(b.Fresh) != remind.MaxSingle {
		t.Errorf("duplicates and a fired key: %d fresh, want %d", len(b.Fresh), remind.MaxSingle)
	}
}

func TestTheKindsDefaultsAreSettings(t *testing.T) {
	f := newFixture(t, at(7, 8, 0))
	f.engagement(t, meeting("周例会", at(7, 10, 0)))
	set := remind.DefaultSettings()
	set.Before[calendar.KindMeeting] = remind.LeadMinutes(5)
	if err := f.svc.SaveSettings(context.Background(), set); err != nil {
		t.Fatal(err)
	}
	f.checkAt(t, at(7, 8, 0))
	if b := f.checkAt(t, at(7, 9, 45)); !b.Empty() {
		t.Errorf("9:45 with a 5-minute default: %v", titles(b.All()))
	}
	if b := f.checkAt(t, at(7, 9, 55)); len(b.Fresh) != 1 {
		t.Errorf("9:55 with a 5-minute default: %v, want the meeting", titles(b.All()))
	}
}

func TestTwoWindowsOnOneBookClaimAReminderOnce(t *testing.T) {
	f := newFixture(t, at(7, 9, 45))
	other, err := data.Open(f.path) // a second window's connection
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	r := remind.Fired{Reminder: remind.Reminder{Key: "engagement:x:1", What: remind.WhatEngagement, Title: "周例会",
		Starts: at(7, 10, 0), At: at(7, 9, 45), Stale: at(7, 10, 0)}, FiredAt: at(7, 9, 45)}
	first, err := f.db.Reminders().Claim(context.Background(), []remind.Fired{r}, at(7, 9, 45))
	if err != nil {
		t.Fatal(err)
	}
	second, err := other.Reminders().Claim(context.Background(), []remind.Fired{r}, at(7, 9, 45))
	if err != nil {
		t.Fatal(err)
	}
	if !first[r.Key] || second[r.Key] {
		t.Errorf("claims %v then %v, want the first window only", first, second)
	}
}
