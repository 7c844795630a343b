package calendar_test

import (
	"context"
	"testing"
	"time"

	"anteroom/calendar"
)

func TestSearchFindsChineseSubstringsInEveryField(t *testing.T) {
	svc, ls := newService(t, "Asia/Shanghai")
	l := ls[0]
	ctx := context.Background()
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, mustZone(t, "Asia/Shanghai"))
	for _, e := range []calendar.Engagement{
		{Title: "防汛工作专题会", Location: "第一会议室"},
		{Title: "会见客商", Location: "县政府防汛指挥部"},
		{Title: "周例会", Organiser: "县防汛办"},
		{Title: "调研", Notes: "听取防汛准备汇报"},
		{Title: "Board Meeting"},
		{Title: "植树活动"},
		{Title: "三年前的防汛会", Start: at.AddDate(-3, 0, 0)}, // outside the searched years
	} {
		e.LeaderID = l.ID
		if e.Start.IsZero() {
			e.Start = at
		}
		e.End = e.Start.Add(time.Hour)
		at = at.Add(2 * time.Hour)
		if err := svc.Save(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	got, more, err := svc.Search(ctx, l, " 防汛 ", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || more {
		t.Fatalf("防汛 found %d (more %v): %+v", len(got), more, got)
	}
	if got, _, _ := svc.Search(ctx, l, "board meeting", 10); len(got) != 1 {
		t.Fatalf("case-insensitive search found %d", len(got))
	}
	if got, more, _ := svc.Search(ctx, l, "防汛", 2); len(got) != 2 || !more {
		t.Fatalf("limit 2 gave %d, more %v", len(got), more)
	}
	if got, _, _ := svc.Search(ctx, l, "", 10); len(got) != 0 {
		t.Fatal("an empty query found something")
	}
}
