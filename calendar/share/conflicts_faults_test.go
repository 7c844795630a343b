package share_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"anteroom/calendar/share"
	"anteroom/dav"
	"anteroom/dav/davtest"
)

// Both desks edit one item between syncs: the second to sync gets one
// conflict holding both versions, neither side is overwritten, and each
// way of resolving it works.
func TestConcurrentEditsMakeOneConflictAndEachResolutionWorks(t *testing.T) {
	srv := davtest.Start(t)
	a, b := newDesk(t, srv, davtest.Password), newDesk(t, srv, davtest.Password)
	ctx := context.Background()
	m := a.meeting("调研", 3, 10)
	a.sync()
	b.sync()

	edit := func(d *desk, title string) {
		e := d.one(m.UID)
		e.Title = title
		d.save(&e)
	}
	edit(a, "调研（A 改）")
	edit(b, "调研（B 改）")
	a.sync()
	rep := b.sync()
	if rep.Conflicts != 1 || rep.PulledUpdated != 0 || rep.PushedUpdated != 0 {
		t.Fatalf("desk B: %+v, want one conflict and nothing taken or sent", rep)
	}
	cs, err := b.db.Sync().OpenSyncConflicts(ctx)
	if err != nil || len(cs) != 1 {
		t.Fatalf("conflicts on B: %v %v", cs, err)
	}
	c := cs[0]
	if !strings.Contains(c.Local, "B 改") || !strings.Contains(c.Server, "A 改") {
		t.Errorf("the conflict keeps local %q / server %q", c.Local, c.Server)
	}
	if b.one(m.UID).Title != "调研（B 改）" {
		t.Errorf("desk B's version was overwritten")
	}
	if again := b.sync(); again.Conflicts != 0 || !quiet(again) {
		t.Errorf("a second sync with the conflict open did %+v", again)
	}
	// Keep B's: it goes to the server and to A.
	if err := b.engine.Resolve(ctx, b.book(), c.ID, share.KeepLocal); err != nil {
		t.Fatal(err)
	}
	a.sync()
	if got := a.one(m.UID).Title; got != "调研（B 改）" {
		t.Errorf("after keeping B's version A has %q", got)
	}
	if err := b.engine.Resolve(ctx, b.book(), c.ID, share.KeepLocal); !errors.Is(err, share.ErrResolved) {
		t.Errorf("resolving twice: %v", err)
	}

	// Again, and this time B keeps the server's (A's) version.
	b.sync()
	edit(a, "调研（A 再改）")
	edit(b, "调研（B 再改）")
	a.sync()
	if rep := b.sync(); rep.Conflicts != 1 {
		t.Fatalf("desk B: %+v, want one conflict", rep)
	}
	cs, _ = b.db.Sync().OpenSyncConflicts(ctx)
	if err := b.engine.Resolve(ctx, b.book(), cs[0].ID, share.KeepServer); err != nil {
		t.Fatal(err)
	}
	if got := b.one(m.UID).Title; got != "调研（A 再改）" {
		t.Errorf("after keeping the server's version B has %q", got)
	}
	for _, d := range []*desk{a, b} {
		if rep := d.sync(); !quiet(rep) {
			t.Errorf("after resolving, a sync did %+v", rep)
		}
	}
}

// An item changed here and deleted on the server is a conflict too, not a
// silent deletion.
func TestEditAgainstServerDeletionIsAConflict(t *testing.T) {
	srv := davtest.Start(t)
	a, b := newDesk(t, srv, davtest.Password), newDesk(t, srv, davtest.Password)
	m := a.meeting("接待", 4, 15)
	a.sync()
	b.sync()
	if err := a.svc.Delete(context.Background(), m.ID); err != nil {
		t.Fatal(err)
	}
	a.sync()
	e := b.one(m.UID)
	e.Notes = "改了时间"
	b.save(&e)
	if rep := b.sync(); rep.Conflicts != 1 || rep.PulledDeleted != 0 {
		t.Fatalf("desk B: %+v, want one conflict and nothing deleted", rep)
	}
	if len(b.byUID(m.UID)) != 1 {
		t.Fatal("desk B lost its edited item")
	}
}

// failAfter is a transport that stops answering after n requests, as a
// server that goes down in the middle of a sync.
type failAfter struct {
	n    atomic.Int64
	base http.RoundTripper
}

func (f *failAfter) RoundTrip(r *http.Request) (*http.Response, error) {
	if f.n.Add(-1) < 0 {
		return nil, errors.New("connection refused")
	}
	return f.base.RoundTrip(r)
}

// The server goes away during a sync: the error says so in words, nothing
// is lost here, and the next sync completes without duplicates.
func TestServerGoneDuringSyncLosesNothing(t *testing.T) {
	srv := davtest.Start(t)
	a, b := newDesk(t, srv, davtest.Password), newDesk(t, srv, davtest.Password)
	var uids []string
	for i := 0; i < 5; i++ {
		uids = append(uids, a.meeting("会议", i+1, 9+i).UID)
	}
	cut := &failAfter{base: http.DefaultTransport}
	cut.n.Store(3) // the sync-collection, then two of the five creates
	flaky, err := dav.New(srv.URL, davtest.User, davtest.Password, dav.WithDecoder(nil), dav.WithHTTPClient(&http.Client{Transport: cut}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = share.NewEngine(a.db.Sync(), flaky).Sync(context.Background(), a.book())
	var de *dav.Error
	if !errors.As(err, &de) || de.Code() != "sync.unreachable" {
		t.Fatalf("sync with the server gone: %v, want sync.unreachable", err)
	}
	for _, u := range uids {
		a.one(u) // still here
	}
	if rep := a.sync(); rep.PushedCreated != 3 {
		t.Errorf("the next sync: %+v, want the other three created", rep)
	}
	if rep := b.sync(); rep.PulledNew != 5 {
		t.Errorf("desk B: %+v, want five new", rep)
	}
	items, err := a.client.ListETags(context.Background(), a.book().Calendar)
	if err != nil || len(items) != 5 {
		t.Errorf("the server holds %d objects (%v), want 5", len(items), err)
	}
}

func TestWrongPasswordAndDeletedCalendarAreSaidInWords(t *testing.T) {
	srv := davtest.Start(t)
	a := newDesk(t, srv, davtest.Password)
	a.meeting("会议", 1, 9)
	a.sync()
	wrong := share.NewEngine(a.db.Sync(), a.newClient(srv.URL, "not-the-password"))
	_, err := wrong.Sync(context.Background(), a.book())
	var de *dav.Error
	if !errors.As(err, &de) || de.Code() != "sync.unauthorized" {
		t.Errorf("wrong password: %v, want sync.unauthorized", err)
	}
	if err := a.client.DeleteCalendar(context.Background(), a.book().Calendar); err != nil {
		t.Fatal(err)
	}
	_, err = a.engine.Sync(context.Background(), a.book())
	if !errors.As(err, &de) || de.Code() != "sync.not_found" {
		t.Errorf("calendar deleted on the server: %v, want sync.not_found", err)
	}
	if len(a.byUID(a.meeting("另一个", 2, 9).UID)) != 1 {
		t.Error("the desk stopped working")
	}
}

// A sync with nothing changed on either side costs one request.
func TestQuietSyncIsOneRequest(t *testing.T) {
	srv := davtest.Start(t)
	a := newDesk(t, srv, davtest.Password)
	for i := 0; i < 3; i++ {
		a.meeting("会议", i+1, 10)
	}
	a.sync()
	a.sync()
	a.requests.Store(0)
	start := time.Now()
	if rep := a.sync(); !quiet(rep) {
		t.Fatalf("quiet sync did %+v", rep)
	}
	if n := a.requests.Load(); n != 1 {
		t.Errorf("a sync with no change sent %d requests, want 1", n)
	}
	t.Logf("no-change sync: %v", time.Since(start))
}
