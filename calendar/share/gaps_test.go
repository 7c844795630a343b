package share_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/share"
	"anteroom/data/datatest"
	"anteroom/dav/davtest"
)

// The kind of an engagement and the office organising it travel from
// desk to desk, both ways; an object without them (a phone's) stays a
// meeting.
func TestKindAndOrganiserTravelBetweenDesks(t *testing.T) {
	srv := davtest.Start(t)
	a, b := newDesk(t, srv, davtest.Password), newDesk(t, srv, davtest.Password)
	m := a.meeting("会见德国代表团", 3, 10)
	m.Kind, m.Organiser = calendar.KindVisit, "市外办"
	a.save(&m)
	a.sync()
	if rep := b.sync(); rep.PulledNew != 1 {
		t.Fatalf("desk B: %+v", rep)
	}
	got := b.one(m.UID)
	if got.Kind != calendar.KindVisit || got.Organiser != "市外办" {
		t.Fatalf("desk B has kind %q organised by %q, want visit by 市外办", got.Kind, got.Organiser)
	}
	// B changes only the kind and the organiser: A takes both.
	got.Kind, got.Organiser = calendar.KindActivity, "市委办公厅"
	b.save(&got)
	if rep := b.sync(); rep.PushedUpdated != 1 {
		t.Fatalf("desk B: %+v", rep)
	}
	if rep := a.sync(); rep.PulledUpdated != 1 {
		t.Fatalf("desk A: %+v, want the kind's change pulled", rep)
	}
	if onA := a.one(m.UID); onA.Kind != calendar.KindActivity || onA.Organiser != "市委办公厅" {
		t.Errorf("desk A has kind %q organised by %q", onA.Kind, onA.Organiser)
	}
	for _, d := range []*desk{a, b} {
		if rep := d.sync(); !quiet(rep) {
			t.Errorf("a quiet sync did %+v", rep)
		}
	}
}

// An override deleted on one desk (the occurrence put back as its series
// has it) is deleted on the other.
func TestOverrideRemovedOnServerIsRemovedHere(t *testing.T) {
	srv := davtest.Start(t)
	a, b := newDesk(t, srv, davtest.Password), newDesk(t, srv, davtest.Password)
	loc, _ := time.LoadLocation("Asia/Shanghai")
	first := time.Date(2031, 3, 3, 9, 0, 0, 0, loc)
	s := calendar.Engagement{LeaderID: a.leader.ID, Kind: calendar.KindMeeting, Title: "周例会", Start: first, End: first.Add(time.Hour),
		ZoneName: "Asia/Shanghai", RRule: "FREQ=WEEKLY;COUNT=4"}
	a.save(&s)
	a.sync()
	b.sync()
	second := first.AddDate(0, 0, 7)
	moved := calendar.Engagement{SeriesID: b.one(s.UID).ID, RecurrenceID: second, LeaderID: b.leader.ID, Kind: calendar.KindMeeting,
		Title: "周例会（改期）", Start: second.Add(5 * time.Hour), End: second.Add(6 * time.Hour), ZoneName: "Asia/Shanghai"}
	b.save(&moved)
	b.sync()
	a.sync()
	if rows := a.byUID(s.UID); len(rows) != 2 {
		t.Fatalf("desk A holds %d rows, want the series and its override", len(rows))
	}
	// B puts the occurrence back.
	if err := b.svc.Delete(context.Background(), moved.ID); err != nil {
		t.Fatal(err)
	}
	if rep := b.sync(); rep.PushedUpdated != 1 {
		t.Fatalf("desk B: %+v", rep)
	}
	if rep := a.sync(); rep.PulledUpdated != 1 {
		t.Fatalf("desk A: %+v, want the series updated", rep)
	}
	rows := a.byUID(s.UID)
	if len(rows) != 1 || rows[0].SeriesID != 0 {
		t.Fatalf("desk A holds %d rows of the series after the override went, want the series alone", len(rows))
	}
	occ, err := a.svc.Between(context.Background(), a.leader.ID, second.Add(-time.Hour), second.Add(24*time.Hour))
	if err != nil || len(occ) != 1 || !occ[0].Start.Equal(second) || occ[0].Title != "周例会" {
		t.Fatalf("desk A's second occurrence: %v %+v, want 周例会 at %v", err, occ, second)
	}
	for _, d := range []*desk{a, b} {
		if rep := d.sync(); !quiet(rep) {
			t.Errorf("a quiet sync did %+v", rep)
		}
	}
}

// An engagement moved to another leader leaves the first leader's
// calendar on the server, and reaches the second's when that book is
// linked too.
func TestEngagementMovedToAnotherLeaderLeavesTheFirstBook(t *testing.T) {
	srv := davtest.Start(t)
	a := newDesk(t, srv, davtest.Password)
	ctx := context.Background()
	li := datatest.Leader(t, a.db, "李主任", "Asia/Shanghai")
	unlinked := datatest.Leader(t, a.db, "王秘书长", "Asia/Shanghai")
	accts, err := a.db.Sync().SyncAccounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := share.Link(ctx, a.db.Sync(), a.client, accts[0], li, ""); err != nil {
		t.Fatal(err)
	}
	books, err := a.db.Sync().SyncBooks(ctx)
	if err != nil || len(books) != 2 {
		t.Fatalf("books %v %v", books, err)
	}
	syncAll := func() share.Report {
		var all share.Report
		for _, bk := range books {
			bk := bk
			fresh, _ := a.db.Sync().SyncBooks(ctx)
			for _, f := range fresh {
				if f.LeaderID == bk.LeaderID {
					bk = f
				}
			}
			rep, err := a.engine.Sync(ctx, bk)
			if err != nil {
				t.Fatalf("sync leader %d: %v", bk.LeaderID, err)
			}
			all.PushedCreated += rep.PushedCreated
			all.PushedDeleted += rep.PushedDeleted
		}
		return all
	}
	uids := func(cal string) string {
		items, err := a.client.ListETags(ctx, cal)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, it := range items {
			out = append(out, it.Path[strings.LastIndex(it.Path, "/")+1:])
		}
		return strings.Join(out, ",")
	}
	zhang, liCal := books[0].Calendar, books[1].Calendar
	m := a.meeting("调研", 2, 9)
	n := a.meeting("座谈", 3, 9)
	syncAll()
	if got := uids(zhang); !strings.Contains(got, m.UID) || !strings.Contains(got, n.UID) {
		t.Fatalf("张书记's calendar holds %s", got)
	}
	// To a linked leader: out of one calendar, into the other.
	m.LeaderID = li.ID
	a.save(&m)
	// To a leader whose book is not linked: out of the calendar only.
	n.LeaderID = unlinked.ID
	a.save(&n)
	if rep := syncAll(); rep.PushedDeleted != 2 || rep.PushedCreated != 1 {
		t.Fatalf("sync: %+v, want two deleted and one created", rep)
	}
	if got := uids(zhang); strings.Contains(got, m.UID) || strings.Contains(got, n.UID) {
		t.Errorf("张书记's calendar still holds %s", got)
	}
	if got := uids(liCal); got != m.UID+".ics" {
		t.Errorf("李主任's calendar holds %q, want %s.ics", got, m.UID)
	}
	if rep := syncAll(); rep.PushedCreated+rep.PushedDeleted != 0 {
		t.Errorf("the next sync did %+v", rep)
	}
}
