package data

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/followup"
)

// TestFollowupCountsAndDueItemsAsTheItemsSay: the board's counts and the
// review's list of items due, made in SQL, are what reading every item
// and sorting them out says (the way they were made before): items of two
// leaders in every state and priority, due over two months, some with
// progress reports, on many days and windows.
func TestFollowupCountsAndDueItemsAsTheItemsSay(t *testing.T) {
	db := openTemp(t)
	store := db.Followup()
	leaders := []int64{addLeader(t, db, "张书记").ID, addLeader(t, db, "李主任").ID}
	r := rand.New(rand.NewPCG(3, 9))
	first := calendar.NewDate(2026, 11, 1)
	stamp := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := range 300 {
		it := followup.Item{LeaderID: leaders[r.IntN(2)], Text: fmt.Sprintf("督办事项%d", i), Unit: "县发改委",
			Source: followup.Source{Kind: followup.FromDirect}, Due: first.AddDays(r.IntN(60)),
			Priority: followup.Priorities[r.IntN(3)], State: followup.States[r.IntN(4)], Created: stamp, Updated: stamp}
		if it.State == followup.StateClosed {
			it.Closed = stamp
		}
		if err := store.AddItem(ctx, &it); err != nil {
			t.Fatal(err)
		}
		if r.IntN(3) == 0 {
			if err := store.AddReport(ctx, it.ID, &followup.Report{At: stamp, By: "办公室", Text: "已推进"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	compared := 0
	for range 60 {
		leader := append(leaders, 0)[r.IntN(3)]
		today := first.AddDays(r.IntN(70))
		from := first.AddDays(r.IntN(60))
		to := from.AddDays(r.IntN(10))
		all, err := store.Items(ctx, followup.Filter{LeaderID: leader, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		var want followup.Counts
		var wantDue []followup.Item
		for _, it := range all {
			if it.State != followup.StateClosed {
				want.Open++
			}
			if it.Overdue(today) {
				want.Overdue++
			}
			if it.State != followup.StateClosed && (it.Overdue(today) || (!it.Due.Before(from) && !to.Before(it.Due))) {
				wantDue = append(wantDue, it)
			}
		}
		got, err := store.CountItems(ctx, leader, today)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("leader %d on %s: counts %+v, the items say %+v", leader, today, got, want)
		}
		due, err := store.DueItems(ctx, leader, from, to, today)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(due, wantDue) {
			t.Fatalf("leader %d on %s, due %s–%s: %d items, the items say %d", leader, today, from, to, len(due), len(wantDue))
		}
		if want.Overdue > 0 && len(wantDue) > want.Overdue {
			compared++
		}
	}
	if compared < 20 {
		t.Fatalf("only %d days had items both overdue and due in the window", compared)
	}
}
