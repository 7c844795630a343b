package share_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"anteroom/calendar"
	"anteroom/calendar/ics"
	"anteroom/calendar/share"
	"anteroom/calendar/share/state"
	"anteroom/dav/davtest"
)

// The strings of the confidential item: none may reach a calendar below
// full.
var secrets = []string{"绝密会谈", "秘密地点", "机密说明", "保密办"}

// rawObjects is every object of a calendar as the server sends it, with
// how many there are.
func (d *desk) rawObjects(cal string) (string, int) {
	d.t.Helper()
	ctx := context.Background()
	items, err := d.client.ListETags(ctx, cal)
	if err != nil {
		d.t.Fatal(err)
	}
	var all strings.Builder
	for _, it := range items {
		o, err := d.client.Get(ctx, it.Path)
		if err != nil {
			d.t.Fatal(err)
		}
		all.Write(o.Data)
	}
	// Unfold, so a string folded across lines is still found.
	return strings.NewReplacer("\r\n ", "", "\r\n\t", "").Replace(all.String()), len(items)
}

// Busy, limited and full publications of one book: a confidential item
// shows only its time below full; an edit and a deletion reach every
// publication at the next publish, and a publish with nothing changed
// sends nothing.
func TestPublicationsShowTheBookAtTheirPrivacyLevel(t *testing.T) {
	srv := davtest.Start(t)
	d := newDesk(t, srv, davtest.Password)
	ctx := context.Background()
	secret := d.meeting("绝密会谈", 2, 9)
	secret.Location, secret.Notes, secret.Organiser, secret.Classification = "秘密地点甲", "机密说明乙", "保密办", calendar.ClassConfidential
	d.save(&secret)
	open := d.meeting("公开会议", 2, 14)
	open.Location, open.Notes, open.Classification = "大礼堂", "公开说明", calendar.ClassPublic
	d.save(&open)
	d.sync()

	accts, err := d.db.Sync().SyncAccounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pubs := map[ics.Privacy]state.Publication{}
	for _, level := range []ics.Privacy{ics.PrivacyBusy, ics.PrivacyLimited, ics.PrivacyFull} {
		got, err := share.AddPublication(ctx, d.db.Sync(), d.client, accts[0], d.leader, level, "")
		if err != nil || !got.Created {
			t.Fatalf("publish at %s: %+v %v", level, got, err)
		}
		pubs[level] = got.Publication
	}
	if _, err := share.AddPublication(ctx, d.db.Sync(), d.client, accts[0], d.leader, ics.PrivacyBusy, d.book().Calendar); !errors.Is(err, share.ErrPublishOverBook) {
		t.Fatalf("publishing over the book's calendar: %v, want ErrPublishOverBook", err)
	}
	publisher := share.NewPublisher(d.db.Sync(), d.client)
	publishAll := func() (created, updated, deleted int) {
		t.Helper()
		all, err := d.db.Sync().Publications(ctx)
		if err != nil || len(all) != 3 {
			t.Fatalf("publications %v %v", all, err)
		}
		for _, p := range all {
			rep, err := publisher.Publish(ctx, p)
			if err != nil {
				t.Fatalf("publish %s: %v", p.Privacy, err)
			}
			created, updated, deleted = created+rep.Created, updated+rep.Updated, deleted+rep.Deleted
		}
		return
	}
	if c, u, del := publishAll(); c != 6 || u+del != 0 {
		t.Fatalf("first publish: %d created %d updated %d deleted, want 6 created", c, u, del)
	}
	busy, n := d.rawObjects(pubs[ics.PrivacyBusy].Calendar)
	limited, _ := d.rawObjects(pubs[ics.PrivacyLimited].Calendar)
	full, _ := d.rawObjects(pubs[ics.PrivacyFull].Calendar)
	if n != 2 {
		t.Fatalf("the busy calendar holds %d objects, want 2", n)
	}
	for _, s := range secrets {
		if c := strings.Count(busy, s); c != 0 {
			t.Errorf("the busy calendar shows %q %d times", s, c)
		}
		if c := strings.Count(limited, s); c != 0 {
			t.Errorf("the limited calendar shows %q %d times", s, c)
		}
		if !strings.Contains(full, s) {
			t.Errorf("the full calendar does not show %q", s)
		}
	}
	if strings.Contains(busy, "公开会议") || strings.Contains(busy, "大礼堂") || strings.Count(busy, ics.BusyTitle) != 2 {
		t.Errorf("the busy calendar shows more than the times:\n%s", busy)
	}
	if !strings.Contains(limited, "公开会议") || !strings.Contains(limited, "大礼堂") || strings.Contains(limited, "公开说明") {
		t.Errorf("the limited calendar should show the public item's title and place, not its notes:\n%s", limited)
	}
	if strings.Contains(busy, "X-ANTEROOM") || strings.Contains(limited, "X-ANTEROOM") || !strings.Contains(full, "X-ANTEROOM-KIND:meeting") {
		t.Errorf("Anteroom's own properties belong in the full calendar only")
	}

	// Nothing changed: no request at all.
	before := d.requests.Load()
	if c, u, del := publishAll(); c+u+del != 0 || d.requests.Load() != before {
		t.Fatalf("a publish with nothing changed did %d/%d/%d and sent %d requests", c, u, del, d.requests.Load()-before)
	}

	// An edit and a deletion reach every publication.
	open.Title = "公开会议（改）"
	d.save(&open)
	if err := d.svc.Delete(ctx, secret.ID); err != nil {
		t.Fatal(err)
	}
	if c, u, del := publishAll(); c != 0 || u != 3 || del != 3 {
		t.Fatalf("after an edit and a deletion: %d created %d updated %d deleted, want 0 3 3", c, u, del)
	}
	limited, n = d.rawObjects(pubs[ics.PrivacyLimited].Calendar)
	if n != 1 || !strings.Contains(limited, "公开会议（改）") {
		t.Errorf("the limited calendar holds %d objects:\n%s", n, limited)
	}
	for _, level := range []ics.Privacy{ics.PrivacyBusy, ics.PrivacyFull} {
		if _, n := d.rawObjects(pubs[level].Calendar); n != 1 {
			t.Errorf("the %s calendar holds %d objects after the deletion, want 1", level, n)
		}
	}
}
