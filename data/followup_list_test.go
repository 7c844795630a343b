package data

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/followup"
)

// TestListMinutesGivesEachItsOwnDecisions: a leader's list, and every
// leader's, holds each minutes with exactly its own decisions in order,
// as reading it alone does; minutes without decisions have none.
func TestListMinutesGivesEachItsOwnDecisions(t *testing.T) {
	db := openTemp(t)
	zhang, li := addLeader(t, db, "张书记"), addLeader(t, db, "李主任")
	start := time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC)
	for i := range 30 {
		leader := zhang
		if i%3 == 0 {
			leader = li
		}
		m := followup.Minutes{State: followup.MinutesDraft, Meeting: followup.Meeting{
			EngagementID: int64(i + 1), UID: fmt.Sprintf("m%d@x", i), LeaderID: leader.ID,
			Title: fmt.Sprintf("常委会（第%d次）", i), Start: start.Add(time.Duration(i) * 24 * time.Hour),
			End: start.Add(time.Duration(i)*24*time.Hour + time.Hour), ZoneName: "Asia/Shanghai",
			Classification: calendar.ClassInternal}, Created: start, Updated: start}
		for n := range i % 4 {
			m.Decisions = append(m.Decisions, followup.Decision{N: n + 1, Text: fmt.Sprintf("第%d次会议议定事项%d", i, n+1)})
		}
		if err := db.Followup().AddMinutes(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	for _, leader := range []int64{zhang.ID, li.ID, 0} {
		list, err := db.Followup().ListMinutes(ctx, leader)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]int{zhang.ID: 20, li.ID: 10, 0: 30}[leader]
		if len(list) != want {
			t.Fatalf("leader %d: %d minutes listed, want %d", leader, len(list), want)
		}
		withDecisions := 0
		for _, m := range list {
			alone, err := db.Followup().Minutes(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(m, alone) {
				t.Fatalf("leader %d: listed\n%+v\nread alone\n%+v", leader, m, alone)
			}
			if len(m.Decisions) > 0 {
				withDecisions++
			}
		}
		if withDecisions == 0 || withDecisions == len(list) {
			t.Fatalf("leader %d: %d of %d minutes have decisions: nothing to tell apart", leader, withDecisions, len(list))
		}
	}
}

// BenchmarkListMinutes10k lists a decade of minutes (10,000 with three
// decisions each), as the minutes window and `minutes list` do.
func BenchmarkListMinutes10k(b *testing.B) {
	db := openTemp(b)
	leader := addLeader(b, db, "张书记")
	start := time.Date(2016, 11, 2, 1, 0, 0, 0, time.UTC)
	err := db.WithTx(ctx, func(st calendar.Store) error {
		for i := range 10_000 {
			at := start.Add(time.Duration(i) * 8 * time.Hour)
			m := followup.Minutes{State: followup.MinutesDraft, Meeting: followup.Meeting{
				EngagementID: int64(i + 1), UID: fmt.Sprintf("m%d@x", i), LeaderID: leader.ID, Title: "常委会",
				Start: at, End: at.Add(time.Hour), ZoneName: "Asia/Shanghai", Classification: calendar.ClassInternal},
				Created: start, Updated: start}
			for n := range 3 {
				m.Decisions = append(m.Decisions, followup.Decision{N: n + 1, Text: "议定事项"})
			}
			if err := st.(*DB).Followup().AddMinutes(ctx, &m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if list, err := db.Followup().ListMinutes(ctx, leader.ID); err != nil || len(list) != 10_000 {
			b.Fatalf("%d minutes, %v", len(list), err)
		}
	}
}
