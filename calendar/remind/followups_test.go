package remind_test

import (
	"context"
	"slices"
	"testing"

	"anteroom/calendar"
	"anteroom/calendar/followup"
	"anteroom/calendar/remind"
)

func TestFollowUpsRemindOnTheirDueDayAndEachMorningOverdue(t *testing.T) {
	f := newFixture(t, at(7, 7, 0))
	ctx := context.Background()
	fu := followup.NewService(f.book, f.desk, f.db.Followup())
	f.svc.AddSource(remind.FollowUps(f.book, fu))
	add := func(text string, due calendar.Date) followup.Item {
		it, err := fu.AddItem(ctx, followup.NewItem{LeaderID: f.leader.ID, Source: followup.Source{Kind: followup.FromDirect},
			Text: text, Unit: "办公室", Due: due}, "秘书甲")
		if err != nil {
			t.Fatal(err)
		}
		return it
	}
	add("报送年度总结", calendar.NewDate(2026, 12, 7))
	late := add("整改方案", calendar.NewDate(2026, 12, 4))
	add("下周的事", calendar.NewDate(2026, 12, 14))
	reported := add("已反馈的事", calendar.NewDate(2026, 12, 3))
	if _, err := fu.ReportProgress(ctx, reported.ID, "办完了", "", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if _, err := fu.Feedback(ctx, reported.ID, "秘书甲"); err != nil {
		t.Fatal(err)
	}

	if b := f.checkAt(t, at(7, 8, 59)); !b.Empty() {
		t.Errorf("before 9:00: %v", titles(b.All()))
	}
	b := f.checkAt(t, at(7, 9, 0))
	got := titles(b.Fresh)
	slices.Sort(got)
	if !slices.Equal(got, []string{"报送年度总结", "整改方案"}) {
		t.Fatalf("at 9:00: %v, want the item due today and the overdue one", titles(b.All()))
	}
	for _, r := range b.Fresh {
		want := remind.WhatFollowUpDue
		if r.ItemID == late.ID {
			want = remind.WhatFollowUpOverdue
		}
		if r.What != want || r.Place != "办公室" {
			t.Errorf("reminder %+v, want %s for 办公室", r, want)
		}
	}
	if b := f.checkAt(t, at(7, 15, 0)); !b.Empty() {
		t.Errorf("in the afternoon %v fired again", titles(b.All()))
	}
	// The next morning both are overdue and remind again; once reported
	// back, an item is quiet.
	if _, err := fu.ReportProgress(ctx, late.ID, "方案已起草", "", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if _, err := fu.Feedback(ctx, late.ID, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	f.restart(t)
	fu = followup.NewService(f.book, f.desk, f.db.Followup())
	f.svc.AddSource(remind.FollowUps(f.book, fu))
	if b := f.checkAt(t, at(8, 9, 30)); !slices.Equal(titles(b.Fresh), []string{"报送年度总结"}) || b.Fresh[0].What != remind.WhatFollowUpOverdue {
		t.Fatalf("next morning: %v, want only 报送年度总结, overdue", titles(b.All()))
	}
}
