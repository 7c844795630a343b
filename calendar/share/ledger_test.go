package share_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/share"
	"anteroom/data"
	"anteroom/dav"
	"anteroom/dav/davtest"
)

// armed runs hook once, before the first PUT of the ledger that follows
// arming it, and counts the 412 answers to ledger writes.
type armed struct {
	base http.RoundTripper
	mu   sync.Mutex
	hook func()
	lost atomic.Int64
	puts atomic.Int64
}

func (a *armed) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodPut && strings.HasSuffix(r.URL.Path, "/ledger.ics") {
		a.puts.Add(1)
		a.mu.Lock()
		hook := a.hook
		a.hook = nil
		a.mu.Unlock()
		if hook != nil {
			hook()
		}
	}
	resp, err := a.base.RoundTrip(r)
	if err == nil && resp.StatusCode == http.StatusPreconditionFailed && strings.HasSuffix(r.URL.Path, "/ledger.ics") {
		a.lost.Add(1)
	}
	return resp, err
}

// confirming makes the desk's bookings confirmed through the ledger, its
// requests going through rt, its clock at now().
func (d *desk) confirming(srv *davtest.Server, name string, rt http.RoundTripper, now func() time.Time) {
	d.t.Helper()
	c, err := dav.New(srv.URL, davtest.User, davtest.Password, dav.WithDecoder(nil), dav.WithHTTPClient(&http.Client{Timeout: 10 * time.Second, Transport: rt}))
	if err != nil {
		d.t.Fatal(err)
	}
	l := share.NewLedger(share.Desk{ID: name, Name: name}, share.Secrets{}, data.LedgerView)
	l.SetClock(now)
	d.svc.SetClock(now)
	l.SetClient(d.book().AccountID, c)
	d.svc.SetConfirmer(l)
}

// plan is a new timed meeting on the desk's leader, days from now, not
// saved.
func (d *desk) plan(title string, days, hour int) calendar.Engagement {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	start := time.Now().In(loc).AddDate(0, 0, days)
	start = time.Date(start.Year(), start.Month(), start.Day(), hour, 0, 0, 0, loc)
	return calendar.Engagement{LeaderID: d.leader.ID, Kind: calendar.KindMeeting, Title: title, Start: start, End: start.Add(time.Hour), ZoneName: "Asia/Shanghai"}
}

// ledgerText is the ledger object of the desk's book as the server has it.
func (d *desk) ledgerText() string {
	d.t.Helper()
	path, _ := share.LedgerPath(d.book().Calendar)
	o, err := d.client.Get(context.Background(), path)
	if err != nil {
		d.t.Fatalf("read the ledger: %v", err)
	}
	text := strings.ReplaceAll(strings.ReplaceAll(string(o.Data), "\r\n ", ""), "+", " ")
	if text, err = url.PathUnescape(text); err != nil {
		d.t.Fatalf("the ledger: %v", err)
	}
	return text
}

// A desk that loses the race to the ledger reads it again (the 412 path
// of the compare-and-swap), finds the other desk's booking there although
// it has never pulled it, and refuses, naming it; nothing is stored.
func TestLedgerRetriesWhenAnotherDeskWritesFirst(t *testing.T) {
	srv := davtest.Start(t)
	a, b := newDesk(t, srv, davtest.Password), newDesk(t, srv, davtest.Password)
	rt := &armed{base: http.DefaultTransport}
	a.confirming(srv, "desk-a", rt, time.Now)
	b.confirming(srv, "desk-b", http.DefaultTransport, time.Now)
	ctx := context.Background()

	first := a.plan("周例会", 3, 9)
	if _, err := a.svc.SaveChecked(ctx, &first); err != nil {
		t.Fatalf("desk A's first booking: %v", err)
	}
	theirs, ours := b.plan("外事接待（B）", 4, 10), a.plan("党委会（A）", 4, 10)
	rt.hook = func() {
		if fs, err := b.svc.SaveChecked(ctx, &theirs); err != nil {
			t.Errorf("desk B's booking, made while desk A writes: %v %v", fs, err)
		}
	}
	fs, err := a.svc.SaveChecked(ctx, &ours)
	if !errors.Is(err, calendar.ErrConflict) {
		t.Fatalf("desk A booked the slot desk B holds: %v %v", fs, err)
	}
	if rt.lost.Load() == 0 {
		t.Error("desk A's ledger write never lost to desk B's: the retry was not exercised")
	}
	var named bool
	for _, f := range fs {
		named = named || f.Rule == calendar.RuleOverlap && f.Code == "conflict.overlap_other_desk" && f.Other != nil && f.Other.Title == "外事接待（B）"
	}
	if !named {
		t.Errorf("the refusal does not name desk B's booking: %+v", fs)
	}
	if ours.ID != 0 || len(a.byUID(theirs.UID)) != 0 {
		t.Errorf("desk A stored something: %+v", ours)
	}
	if text := a.ledgerText(); !strings.Contains(text, "外事接待（B）") || strings.Contains(text, "党委会（A）") || !strings.Contains(text, "周例会") {
		t.Errorf("the ledger holds:\n%s", text)
	}
}

// Entries whose end has passed leave the ledger with the next write; an
// engagement moved or cancelled here changes or leaves its entry.
func TestLedgerPrunesEndedAndCancelledEntries(t *testing.T) {
	srv := davtest.Start(t)
	a := newDesk(t, srv, davtest.Password)
	var clock atomic.Int64
	clock.Store(time.Now().UnixNano())
	now := func() time.Time { return time.Unix(0, clock.Load()) }
	a.confirming(srv, "desk-a", http.DefaultTransport, now)
	ctx := context.Background()
	soon, later := a.plan("明天的会", 1, 9), a.plan("下周的会", 7, 9)
	for _, e := range []*calendar.Engagement{&soon, &later} {
		if _, err := a.svc.SaveChecked(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if n := strings.Count(a.ledgerText(), "X-ANTEROOM-BOOKING"); n != 2 {
		t.Fatalf("%d entries after two bookings:\n%s", n, a.ledgerText())
	}
	clock.Store(now().Add(3 * 24 * time.Hour).UnixNano()) // the first has ended
	third := a.plan("第三个会", 8, 9)
	if _, err := a.svc.SaveChecked(ctx, &third); err != nil {
		t.Fatal(err)
	}
	text := a.ledgerText()
	if strings.Contains(text, "明天的会") || !strings.Contains(text, "下周的会") || !strings.Contains(text, "第三个会") {
		t.Errorf("after the first ended:\n%s", text)
	}
	later.Status = calendar.StatusCancelled
	if _, err := a.svc.SaveChecked(ctx, &later); err != nil {
		t.Fatal(err)
	}
	if text := a.ledgerText(); strings.Contains(text, "下周的会") || !strings.Contains(text, "第三个会") {
		t.Errorf("after cancelling one:\n%s", text)
	}
}
