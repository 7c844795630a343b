package dav_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"anteroom/dav"
	"anteroom/dav/davtest"
)

// counter counts the requests a client sends.
type counter struct {
	n    atomic.Int64
	next http.RoundTripper
}

func (c *counter) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.RoundTrip(r)
}

// fixture is a fresh server, a client of its first account, and one empty
// calendar.
type fixture struct {
	srv      *davtest.Server
	c        *dav.Client
	requests *counter
	cal      string
	ctx      context.Context
}

func setUp(t testing.TB) *fixture {
	t.Helper()
	srv := davtest.Start(t)
	f := &fixture{srv: srv, requests: &counter{next: http.DefaultTransport}, ctx: context.Background()}
	var err error
	f.c, err = dav.New(srv.URL, davtest.User, davtest.Password,
		dav.WithHTTPClient(&http.Client{Transport: f.requests, Timeout: 30 * time.Second}))
	if err != nil {
		t.Fatal(err)
	}
	f.cal = davtest.CalendarPath(davtest.User, "book")
	if err := f.c.MakeCalendar(f.ctx, f.cal, "Book", "VEVENT"); err != nil {
		t.Fatalf("MakeCalendar: %v\n%s", err, srv.Log())
	}
	return f
}

// event is a small valid calendar with one event.
func event(uid, summary string, start time.Time) *ical.Calendar {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//Anteroom//dav test//EN")
	ev := ical.NewEvent()
	ev.Props.SetText(ical.PropUID, uid)
	ev.Props.SetDateTime(ical.PropDateTimeStamp, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	ev.Props.SetDateTime(ical.PropDateTimeStart, start.UTC())
	ev.Props.SetDateTime(ical.PropDateTimeEnd, start.Add(time.Hour).UTC())
	ev.Props.SetText(ical.PropSummary, summary)
	cal.Children = append(cal.Children, ev.Component)
	return cal
}

func summaryOf(t testing.TB, o *dav.Object) string {
	t.Helper()
	if o.Err != nil || o.Calendar == nil {
		t.Fatalf("%s: not decoded: %v", o.Path, o.Err)
	}
	events := o.Calendar.Events()
	if len(events) == 0 {
		t.Fatalf("%s: no event", o.Path)
	}
	s, err := events[0].Props.Text(ical.PropSummary)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (f *fixture) create(t testing.TB, uid, summary string) (path, etag string) {
	t.Helper()
	path = dav.ObjectPath(f.cal, uid)
	etag, err := f.c.Create(f.ctx, path, event(uid, summary, time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatalf("Create %s: %v", path, err)
	}
	return path, etag
}

// wantKind fails unless err is a *dav.Error of kind with code.
func wantKind(t testing.TB, err error, kind error, code string) *dav.Error {
	t.Helper()
	var e *dav.Error
	if !errors.As(err, &e) || !errors.Is(err, kind) {
		t.Fatalf("got error %v (%T), want %v", err, err, kind)
	}
	if e.Code() != code {
		t.Errorf("Code() = %q, want %q", e.Code(), code)
	}
	return e
}
