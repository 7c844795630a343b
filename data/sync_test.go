package data_test

import (
	"context"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/share/state"
	"anteroom/data/datatest"
)

// Every write of a linked book's engagement, an override's included, marks
// its calendar object changed here until a sync records that revision;
// writes to books that are not linked cost nothing.
func TestLocalRevisionsMarkWhatAPushSends(t *testing.T) {
	ctx := context.Background()
	db := datatest.Open(t)
	svc := calendar.NewService(db)
	zhang := datatest.Leader(t, db, "张书记", "Asia/Shanghai")
	li := datatest.Leader(t, db, "李主任", "Asia/Shanghai")
	start := time.Date(2031, 3, 3, 1, 0, 0, 0, time.UTC)
	before := datatest.Engagement(t, db, calendar.Engagement{LeaderID: zhang.ID, Title: "早已有", Start: start, End: start.Add(time.Hour)})
	datatest.Engagement(t, db, calendar.Engagement{LeaderID: li.ID, Title: "未关联", Start: start, End: start.Add(time.Hour)})

	acct := state.Account{URL: "http://127.0.0.1:1/", User: "desk", Created: time.Now()}
	if err := db.Sync().SaveSyncAccount(ctx, &acct); err != nil {
		t.Fatal(err)
	}
	if err := db.Sync().LinkBook(ctx, state.Book{LeaderID: zhang.ID, AccountID: acct.ID, Calendar: "/desk/zhang/"}); err != nil {
		t.Fatal(err)
	}
	pending := func(leader int64) []state.Pending {
		t.Helper()
		p, err := db.Sync().PendingPush(ctx, leader)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	if p := pending(zhang.ID); len(p) != 1 || p[0].UID != before.UID || p[0].Synced != nil {
		t.Fatalf("after linking: %+v, want the engagement made before", p)
	}
	if err := db.Sync().PutSyncItem(ctx, state.Item{LeaderID: zhang.ID, UID: before.UID, Href: "/desk/zhang/x.ics", ETag: `"1"`, Rev: pending(zhang.ID)[0].Rev, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if p := pending(zhang.ID); len(p) != 0 {
		t.Fatalf("after recording the sync: %+v, want nothing", p)
	}
	// A series and an override of it: one object, the series' UID.
	s := calendar.Engagement{LeaderID: zhang.ID, Kind: calendar.KindMeeting, Title: "周例会", Start: start, End: start.Add(time.Hour), ZoneName: "Asia/Shanghai", RRule: "FREQ=WEEKLY;COUNT=3"}
	if err := svc.Save(ctx, &s); err != nil {
		t.Fatal(err)
	}
	occ := calendar.Engagement{SeriesID: s.ID, RecurrenceID: start.AddDate(0, 0, 7), LeaderID: zhang.ID, Kind: calendar.KindMeeting, Title: "改期",
		Start: start.AddDate(0, 0, 8), End: start.AddDate(0, 0, 8).Add(time.Hour), ZoneName: "Asia/Shanghai"}
	if err := svc.Save(ctx, &occ); err != nil {
		t.Fatal(err)
	}
	p := pending(zhang.ID)
	if len(p) != 1 || p[0].UID != s.UID {
		t.Fatalf("after a series and its override: %+v, want the series' UID once", p)
	}
	rows, err := db.Sync().ObjectRows(ctx, s.UID)
	if err != nil || len(rows) != 2 || rows[1].RecurrenceID.IsZero() {
		t.Fatalf("object rows: %d %v", len(rows), err)
	}
	// A deletion is a change too.
	if err := svc.Delete(ctx, before.ID); err != nil {
		t.Fatal(err)
	}
	if p := pending(zhang.ID); len(p) != 2 || p[1].UID != before.UID || p[1].Synced == nil {
		t.Fatalf("after deleting a synced item: %+v", p)
	}
	if p := pending(li.ID); len(p) != 0 {
		t.Errorf("a book not linked has pending changes: %+v", p)
	}
}
