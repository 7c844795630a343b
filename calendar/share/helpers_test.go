package share_test

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/share"
	"anteroom/calendar/share/state"
	"anteroom/data"
	"anteroom/data/datatest"
	"anteroom/dav"
	"anteroom/dav/davtest"
)

// desk is one Anteroom desk: its own database, linked to the shared book.
type desk struct {
	t        *testing.T
	db       *data.DB
	svc      *calendar.Service
	leader   calendar.Leader
	client   *dav.Client
	engine   *share.Engine
	requests atomic.Int64 // HTTP requests sent to the server
}

// counting counts the requests a desk sends.
type counting struct {
	n    *atomic.Int64
	base http.RoundTripper
}

func (c counting) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.base.RoundTrip(r)
}

// newDesk opens a fresh database with leader 张书记 and links the book to
// the server's calendar for that leader, as `account add` does.
func newDesk(t *testing.T, srv *davtest.Server, password string) *desk {
	t.Helper()
	d := &desk{t: t, db: datatest.Open(t)}
	d.svc = calendar.NewService(d.db)
	d.leader = datatest.Leader(t, d.db, "张书记", "Asia/Shanghai")
	d.client = d.newClient(srv.URL, password)
	d.engine = share.NewEngine(d.db.Sync(), d.client)
	ctx := context.Background()
	acct, err := share.Connect(ctx, d.client, srv.URL, davtest.User, time.Now())
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	if err := d.db.Sync().SaveSyncAccount(ctx, &acct); err != nil {
		t.Fatal(err)
	}
	if _, err := share.Link(ctx, d.db.Sync(), d.client, acct, d.leader, ""); err != nil {
		t.Fatalf("link: %v", err)
	}
	return d
}

func (d *desk) newClient(url, password string) *dav.Client {
	c, err := dav.New(url, davtest.User, password, dav.WithDecoder(nil),
		dav.WithHTTPClient(&http.Client{Timeout: 10 * time.Second, Transport: counting{&d.requests, http.DefaultTransport}}))
	if err != nil {
		d.t.Fatal(err)
	}
	return c
}

func (d *desk) book() state.Book {
	d.t.Helper()
	books, err := d.db.Sync().SyncBooks(context.Background())
	if err != nil || len(books) != 1 {
		d.t.Fatalf("books: %v %v", books, err)
	}
	return books[0]
}

// sync runs one sync and fails the test on an error.
func (d *desk) sync() share.Report {
	d.t.Helper()
	rep, err := d.engine.Sync(context.Background(), d.book())
	if err != nil {
		d.t.Fatalf("sync: %v", err)
	}
	return rep
}

// byUID returns the desk's live engagements of uid (series first, then
// overrides).
func (d *desk) byUID(uid string) []calendar.Engagement {
	d.t.Helper()
	rows, err := d.db.Sync().ObjectRows(context.Background(), uid)
	if err != nil {
		d.t.Fatal(err)
	}
	return rows
}

func (d *desk) one(uid string) calendar.Engagement {
	d.t.Helper()
	rows := d.byUID(uid)
	if len(rows) == 0 {
		d.t.Fatalf("%s is not on this desk", uid)
	}
	return rows[0]
}

func (d *desk) save(e *calendar.Engagement) {
	d.t.Helper()
	if err := d.svc.Save(context.Background(), e); err != nil {
		d.t.Fatalf("save %q: %v", e.Title, err)
	}
}

// meeting is a new timed meeting on the desk's leader, days from now.
func (d *desk) meeting(title string, days int, hour int) calendar.Engagement {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	start := time.Now().In(loc).AddDate(0, 0, days)
	start = time.Date(start.Year(), start.Month(), start.Day(), hour, 0, 0, 0, loc)
	e := calendar.Engagement{LeaderID: d.leader.ID, Kind: calendar.KindMeeting, Title: title, Location: "第一会议室",
		Start: start, End: start.Add(time.Hour), ZoneName: "Asia/Shanghai"}
	d.save(&e)
	return e
}

func sameInstant(t *testing.T, what string, a, b time.Time) {
	t.Helper()
	if !a.Equal(b) {
		t.Errorf("%s: %v on one desk, %v on the other", what, a, b)
	}
}

// quiet reports whether a sync changed nothing on either side.
func quiet(r share.Report) bool {
	return r.PulledNew+r.PulledUpdated+r.PulledDeleted+r.PushedCreated+r.PushedUpdated+r.PushedDeleted+r.Conflicts == 0 && len(r.Unreadable) == 0
}
