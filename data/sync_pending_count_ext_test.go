package data_test

import (
	"context"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/share/state"
	"anteroom/data"
	"anteroom/data/datatest"
)

// linkedBook opens a store with 张书记's book linked to a sync account and
// a second leader's not.
func linkedBook(t testing.TB) (*data.DB, calendar.Leader, calendar.Leader) {
	ctx := context.Background()
	db := datatest.Open(t)
	zhang := datatest.Leader(t, db, "张书记", "Asia/Shanghai")
	li := datatest.Leader(t, db, "李主任", "Asia/Shanghai")
	acct := state.Account{URL: "http://127.0.0.1:1/", User: "desk", Created: time.Now()}
	if err := db.Sync().SaveSyncAccount(ctx, &acct); err != nil {
		t.Fatal(err)
	}
	if err := db.Sync().LinkBook(ctx, state.Book{LeaderID: zhang.ID, AccountID: acct.ID, Calendar: "/desk/zhang/"}); err != nil {
		t.Fatal(err)
	}
	return db, zhang, li
}

// The count the status line shows is the number of changes a push would
// send, in every state of the book: nothing synced, some synced, changed
// again after a sync, one in an open conflict, a book not linked.
func TestPendingCountIsTheLengthOfPendingPush(t *testing.T) {
	ctx := context.Background()
	db, zhang, li := linkedBook(t)
	start := time.Date(2031, 3, 3, 1, 0, 0, 0, time.UTC)
	var made []calendar.Engagement
	for i := range 6 {
		made = append(made, datatest.Engagement(t, db, calendar.Engagement{LeaderID: zhang.ID, Title: "会议",
			Start: start.Add(time.Duration(i) * time.Hour), End: start.Add(time.Duration(i)*time.Hour + 30*time.Minute)}))
	}
	datatest.Engagement(t, db, calendar.Engagement{LeaderID: li.ID, Title: "未关联", Start: start, End: start.Add(time.Hour)})
	same := func(step string, want int) {
		t.Helper()
		for _, l := range []calendar.Leader{zhang, li} {
			p, err := db.Sync().PendingPush(ctx, l.ID)
			if err != nil {
				t.Fatal(err)
			}
			n, err := db.Sync().PendingCount(ctx, l.ID)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(p) {
				t.Fatalf("%s, %s: count %d, PendingPush lists %d", step, l.Name, n, len(p))
			}
			if l.ID == zhang.ID && n != want {
				t.Fatalf("%s: %d pending, want %d", step, n, want)
			}
		}
	}
	same("nothing synced", 6)
	synced := func(e calendar.Engagement) {
		t.Helper()
		rev, err := db.Sync().LocalRev(ctx, e.UID)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Sync().PutSyncItem(ctx, state.Item{LeaderID: zhang.ID, UID: e.UID, Href: "/desk/zhang/" + e.UID + ".ics", ETag: `"1"`, Rev: rev, At: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	synced(made[0])
	synced(made[1])
	synced(made[2])
	same("three synced", 3)
	made[1].Title = "改了"
	if err := calendar.NewService(db).Save(ctx, &made[1]); err != nil {
		t.Fatal(err)
	}
	same("one changed again after its sync", 4)
	c := state.Conflict{LeaderID: zhang.ID, UID: made[4].UID, Href: "/desk/zhang/x.ics", Local: "a", Server: "b", Found: time.Now()}
	if err := db.Sync().SaveSyncConflict(ctx, &c); err != nil {
		t.Fatal(err)
	}
	same("one in an open conflict", 3)
}

// BenchmarkSyncStatusCount compares reading every pending change with
// counting them, on a book with 100,000 changes never synced: what the
// status line did after every reload, and what it does now.
func BenchmarkSyncStatusCount(b *testing.B) {
	ctx := context.Background()
	db, zhang, _ := linkedBook(b)
	if err := data.FillPendingForTest(ctx, db, zhang.ID, 100_000); err != nil {
		b.Fatal(err)
	}
	b.Run("PendingPush", func(b *testing.B) {
		for b.Loop() {
			if p, err := db.Sync().PendingPush(ctx, zhang.ID); err != nil || len(p) != 100_000 {
				b.Fatal(len(p), err)
			}
		}
	})
	b.Run("PendingCount", func(b *testing.B) {
		for b.Loop() {
			if n, err := db.Sync().PendingCount(ctx, zhang.ID); err != nil || n != 100_000 {
				b.Fatal(n, err)
			}
		}
	})
}
