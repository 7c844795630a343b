package dav_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"anteroom/dav"
	"anteroom/dav/davtest"
)

func TestWrongPasswordIsUnauthorized(t *testing.T) {
	srv := davtest.Start(t)
	c, err := dav.New(srv.URL, davtest.User, "not-the-password")
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Discover(t.Context())
	e := wantKind(t, err, dav.ErrUnauthorized, "sync.unauthorized")
	if e.Status != http.StatusUnauthorized {
		t.Errorf("status %d", e.Status)
	}
	if strings.Contains(e.Error(), "not-the-password") || strings.Contains(e.URL, "not-the-password") {
		t.Errorf("the password leaks into the error: %v", e)
	}
	if got := e.Args()["Server"]; got != strings.TrimSuffix(srv.URL, "/") {
		t.Errorf("Args Server = %v, want %s", got, srv.URL)
	}
}

func TestStoppedServerIsUnreachable(t *testing.T) {
	f := setUp(t)
	path, etag := f.create(t, "down-1", "v1")
	f.srv.Stop()
	_, err := f.c.Update(f.ctx, path, etag, event("down-1", "v2", time.Now()))
	e := wantKind(t, err, dav.ErrUnreachable, "sync.unreachable")
	if e.Status != 0 || e.Method != "PUT" {
		t.Errorf("error %+v", e)
	}
	_, err = f.c.SyncCollection(f.ctx, f.cal, "")
	wantKind(t, err, dav.ErrUnreachable, "sync.unreachable")
}

func TestUnknownHostIsUnreachable(t *testing.T) {
	c, err := dav.New("http://no-such-host.invalid/", davtest.User, davtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Discover(t.Context())
	wantKind(t, err, dav.ErrUnreachable, "sync.unreachable")
}

// A server that accepts the connection and never answers is unreachable
// once the client's timeout passes.
func TestSilentServerIsUnreachableAfterTheTimeout(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			defer conn.Close()
		}
	}()
	c, err := dav.New("http://"+l.Addr().String()+"/", "u", "p", dav.WithHTTPClient(&http.Client{Timeout: 200 * time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Calendar(t.Context(), "/u/book/")
	wantKind(t, err, dav.ErrUnreachable, "sync.unreachable")
}

// Cancelling is the caller's choice, not a network fault.
func TestCancelledContextIsNotUnreachable(t *testing.T) {
	f := setUp(t)
	ctx, cancel := context.WithCancel(f.ctx)
	cancel()
	_, err := f.c.SyncCollection(ctx, f.cal, "")
	if !errors.Is(err, context.Canceled) || errors.Is(err, dav.ErrUnreachable) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

func TestDeletedCalendarIsNotFound(t *testing.T) {
	f := setUp(t)
	f.create(t, "gone-1", "v1")
	first, err := f.c.SyncCollection(f.ctx, f.cal, "")
	if err != nil {
		t.Fatal(err)
	}
	// Someone deletes the whole calendar on the server (another client, the web UI).
	other, err := dav.New(f.srv.URL, davtest.User, davtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.DeleteCalendar(f.ctx, f.cal); err != nil {
		t.Fatal(err)
	}
	_, err = f.c.SyncCollection(f.ctx, f.cal, first.Token)
	e := wantKind(t, err, dav.ErrNotFound, "sync.not_found")
	if e.Args()["Path"] != f.cal {
		t.Errorf("Args Path = %v, want %s", e.Args()["Path"], f.cal)
	}
	_, err = f.c.Calendar(f.ctx, f.cal)
	wantKind(t, err, dav.ErrNotFound, "sync.not_found")
	_, err = f.c.ListETags(f.ctx, f.cal)
	wantKind(t, err, dav.ErrNotFound, "sync.not_found")
}

func TestAnotherAccountsCalendarIsForbidden(t *testing.T) {
	f := setUp(t)
	path, _ := f.create(t, "mine-1", "v1")
	other, err := dav.New(f.srv.URL, davtest.OtherUser, davtest.OtherPassword)
	if err != nil {
		t.Fatal(err)
	}
	_, err = other.Get(f.ctx, path)
	wantKind(t, err, dav.ErrForbidden, "sync.forbidden")
	_, err = other.Create(f.ctx, dav.ObjectPath(f.cal, "theirs-1"), event("theirs-1", "x", time.Now()))
	wantKind(t, err, dav.ErrForbidden, "sync.forbidden")
}
