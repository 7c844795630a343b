package dav_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"anteroom/dav"
	"anteroom/dav/davtest"
)

func TestDiscoverFromBareServerURL(t *testing.T) {
	f := setUp(t)
	acct, err := f.c.Discover(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := "/" + davtest.User + "/"
	if acct.Principal != want || acct.HomeSet != want {
		t.Errorf("Discover = %+v, want principal and home %s", acct, want)
	}
}

func TestCalendarsListNameSyncSupportAndComponents(t *testing.T) {
	f := setUp(t)
	second := davtest.CalendarPath(davtest.User, "wang")
	if err := f.c.MakeCalendar(f.ctx, second, "王局长 · 日程"); err != nil {
		t.Fatal(err)
	}
	cals, err := f.c.Calendars(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]dav.Calendar{}
	for _, c := range cals {
		byPath[c.Path] = c
	}
	if len(cals) != 2 {
		t.Fatalf("Calendars = %+v, want book and wang", cals)
	}
	book, wang := byPath[f.cal], byPath[second]
	if book.Name != "Book" || wang.Name != "王局长 · 日程" {
		t.Errorf("names %q, %q", book.Name, wang.Name)
	}
	for _, c := range cals {
		if !c.SupportsSync || c.SyncToken == "" || c.CTag == "" {
			t.Errorf("%s: sync support %v, token %q, ctag %q", c.Path, c.SupportsSync, c.SyncToken, c.CTag)
		}
	}
	if !slices.Equal(book.Components, []string{"VEVENT"}) {
		t.Errorf("book components %v, want the VEVENT it was made with", book.Components)
	}
	if len(wang.Components) == 0 {
		t.Errorf("wang components empty, want the server's default")
	}

	// One calendar read alone; its ctag moves when an object is added.
	before, err := f.c.Calendar(f.ctx, f.cal)
	if err != nil {
		t.Fatal(err)
	}
	f.create(t, "ctag-1", "x")
	after, err := f.c.Calendar(f.ctx, f.cal)
	if err != nil {
		t.Fatal(err)
	}
	if before.CTag == after.CTag || before.SyncToken == after.SyncToken {
		t.Errorf("ctag %q→%q, token %q→%q: want both changed", before.CTag, after.CTag, before.SyncToken, after.SyncToken)
	}
}

func TestMakeCalendarOnExistingPathIsPreconditionFailed(t *testing.T) {
	f := setUp(t)
	err := f.c.MakeCalendar(f.ctx, f.cal, "Again")
	wantKind(t, err, dav.ErrPreconditionFailed, "sync.precondition_failed")
}

func TestMakeCalendarWithoutParentIsNotALostRace(t *testing.T) {
	f := setUp(t)
	err := f.c.MakeCalendar(f.ctx, "/"+davtest.User+"/missing/child/", "x")
	if err == nil {
		t.Fatal("MKCALENDAR under a missing parent succeeded")
	}
	if errors.Is(err, dav.ErrPreconditionFailed) {
		t.Fatalf("missing parent reported as a lost race: %v", err)
	}
}

// A URL with a path (what Nextcloud users paste) skips /.well-known and
// starts discovery there.
func TestDiscoverFromAURLWithAPath(t *testing.T) {
	f := setUp(t)
	c, err := dav.New(f.srv.URL+davtest.User+"/", davtest.User, davtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	home, err := c.HomeSet(f.ctx)
	if err != nil || home != "/"+davtest.User+"/" {
		t.Fatalf("HomeSet = %q, %v", home, err)
	}
	cals, err := c.Calendars(f.ctx)
	if err != nil || len(cals) != 1 || cals[0].Path != f.cal {
		t.Fatalf("Calendars = %+v, %v", cals, err)
	}
}

// What is not a server's address is refused before anything is sent, by
// New and by CheckAddress alike, as an error with its own message key.
func TestNewRefusesAnAddressWithoutHost(t *testing.T) {
	for _, bad := range []string{"dav.example.org", "ftp://dav.example.org/", "http://", "http://[::1"} {
		_, err := dav.New(bad, "u", "p")
		var de *dav.Error
		if !errors.As(err, &de) || !errors.Is(err, dav.ErrBadAddress) || de.Code() != "sync.bad_address" {
			t.Errorf("New(%q) = %v, want an ErrBadAddress", bad, err)
		}
		if check := dav.CheckAddress(bad); check == nil || check.Error() != err.Error() {
			t.Errorf("CheckAddress(%q) = %v, want what New said, %v", bad, check, err)
		}
	}
	for _, good := range []string{"https://dav.example.org", "http://127.0.0.1:5232/"} {
		if err := dav.CheckAddress(good); err != nil {
			t.Errorf("CheckAddress(%q) = %v", good, err)
		}
	}
}

// An address that answers, but not as a CalDAV server (a web server that
// knows no PROPFIND, a web page, a path that is not there), is said to
// be one, so that the user checks the address; what the server said is
// kept inside.
func TestDiscoverSaysAnotherKindOfServerIsNotCalDAV(t *testing.T) {
	for name, answer := range map[string]http.HandlerFunc{
		"no PROPFIND (501)": func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "Unsupported method ('PROPFIND')", http.StatusNotImplemented)
		},
		"a web page": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<!DOCTYPE html><html><body>欢迎访问</body></html>")
		},
		"nothing there (404)": http.NotFound,
	} {
		srv := httptest.NewServer(answer)
		c, err := dav.New(srv.URL+"/dav/", "u", "p")
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Discover(context.Background())
		var de *dav.Error
		if !errors.Is(err, dav.ErrNotCalDAV) || !errors.As(err, &de) || de.Code() != "sync.not_caldav" || de.Args()["Server"] != srv.URL {
			t.Errorf("%s: Discover = %v, want ErrNotCalDAV naming %s", name, err, srv.URL)
		}
		srv.Close()
	}
	// a refused password stays one
	refusing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", `Basic realm="dav"`)
		http.Error(w, "no", http.StatusUnauthorized)
	}))
	defer refusing.Close()
	c, _ := dav.New(refusing.URL+"/dav/", "u", "p")
	if _, err := c.Discover(context.Background()); !errors.Is(err, dav.ErrUnauthorized) || errors.Is(err, dav.ErrNotCalDAV) {
		t.Errorf("a refused password: Discover = %v", err)
	}
}
