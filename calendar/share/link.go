package share

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/share/state"
	"anteroom/dav"
)

// Connect finds the account's principal and calendar home from the address
// the user gave and returns the account as it is to be kept.
func Connect(ctx context.Context, client *dav.Client, url, user string, now time.Time) (state.Account, error) {
	acct, err := client.Discover(ctx)
	if err != nil {
		return state.Account{}, err
	}
	return state.Account{URL: url, User: user, Principal: acct.Principal, Home: acct.HomeSet, Created: now.UTC()}, nil
}

// Linked says which calendar a leader's book was linked to.
type Linked struct {
	Calendar string // its path
	Name     string // its display name
	Created  bool   // made now with MKCALENDAR
}

// Link chooses the calendar for leader's book and records the link:
// choice is a path (starting with /) or a calendar's display name, by
// default the leader's name. A name that no calendar has yet is created,
// at a path made from the name, so that two desks naming the same leader
// share one calendar even when they add it at the same time.
func Link(ctx context.Context, s Store, client *dav.Client, acct state.Account, leader calendar.Leader, choice string) (Linked, error) {
	if strings.HasPrefix(choice, "/") {
		cal, err := client.Calendar(ctx, choice)
		if err != nil {
			return Linked{}, err
		}
		return Linked{Calendar: cal.Path, Name: cal.Name}, s.LinkBook(ctx, state.Book{LeaderID: leader.ID, AccountID: acct.ID, Calendar: cal.Path})
	}
	name := strings.TrimSpace(choice)
	if name == "" {
		name = leader.Name
	}
	cals, err := client.Calendars(ctx)
	if err != nil {
		return Linked{}, err
	}
	path := calendarPath(acct.Home, name)
	for _, c := range cals {
		if c.Name == name || strings.TrimSuffix(c.Path, "/") == strings.TrimSuffix(path, "/") {
			return Linked{Calendar: c.Path, Name: c.Name}, s.LinkBook(ctx, state.Book{LeaderID: leader.ID, AccountID: acct.ID, Calendar: c.Path})
		}
	}
	created := true
	if err := client.MakeCalendar(ctx, path, name, "VEVENT"); err != nil {
		if !errors.Is(err, dav.ErrPreconditionFailed) {
			return Linked{}, err
		}
		created = false // another desk made it a moment ago
	}
	if err := s.LinkBook(ctx, state.Book{LeaderID: leader.ID, AccountID: acct.ID, Calendar: path}); err != nil {
		return Linked{}, fmt.Errorf("link %s: %w", path, err)
	}
	return Linked{Calendar: path, Name: name, Created: created}, nil
}

// calendarPath is where a calendar named name goes in home: the name when
// it is plain ASCII, else "book-" and a digest of it (servers differ in
// how they take other characters in paths).
func calendarPath(home, name string) string {
	if !strings.HasSuffix(home, "/") {
		home += "/"
	}
	seg := strings.ToLower(name)
	for _, r := range seg {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			sum := sha1.Sum([]byte(name))
			seg = "book-" + hex.EncodeToString(sum[:6])
			break
		}
	}
	return home + seg + "/"
}
