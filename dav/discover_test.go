package dav_test

import (
	"errors"
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
