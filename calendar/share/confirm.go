package share

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/share/state"
	"anteroom/dav"
)

// ConfirmTimeout bounds how long a booking waits for the server: the
// booking holds the local write lock meanwhile. A slower server counts as
// unreachable, and the booking is kept unconfirmed.
const ConfirmTimeout = 3 * time.Second

// LedgerStore is what the ledger needs of storage (package data's DB, and
// its transactions, have it).
type LedgerStore interface {
	SyncBooks(ctx context.Context) ([]state.Book, error)
	SyncAccounts(ctx context.Context) ([]state.Account, error)
	SyncItem(ctx context.Context, leaderID int64, uid string) (state.Item, bool, error)
	ObjectRows(ctx context.Context, uid string) ([]calendar.Engagement, error)
	MarkUnconfirmed(ctx context.Context, leaderID int64, key string, at time.Time) error
	ClearUnconfirmed(ctx context.Context, leaderID int64, key string) error
	Unconfirmed(ctx context.Context, leaderID int64) ([]string, error)
}

// Desk names this desk in the ledger: a stable id and a name for people.
type Desk struct {
	ID, Name string
}

// Ledger confirms bookings of linked books with the other desks through
// each book's ledger (calendar.Confirmer).
type Ledger struct {
	view    StoreView
	desk    Desk
	secrets Secrets
	timeout time.Duration
	now     func() time.Time

	mu      sync.Mutex
	clients map[int64]*dav.Client // by account
}

// StoreView gives the ledger's view of a booking's store (package data's
// DB, or one bound to a transaction); false when it has none.
type StoreView func(calendar.Store) (LedgerStore, bool)

// NewLedger returns the ledger of the desk, with the passwords in secrets;
// view finds the sync state in the store a booking is saved in.
func NewLedger(desk Desk, secrets Secrets, view StoreView) *Ledger {
	return &Ledger{view: view, desk: desk, secrets: secrets, timeout: ConfirmTimeout, now: time.Now, clients: map[int64]*dav.Client{}}
}

// SetClock replaces the clock, for tests.
func (l *Ledger) SetClock(now func() time.Time) { l.now = now }

// SetClient makes the ledger talk to account through c, for tests.
func (l *Ledger) SetClient(account int64, c *dav.Client) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.clients[account] = c
}

// errStore marks a storage error met while changing the ledger: the
// booking fails, it is not a server that could not be reached.
type errStore struct{ err error }

func (e errStore) Error() string { return e.err.Error() }
func (e errStore) Unwrap() error { return e.err }

// errNoSyncState: the booking's store keeps no sync state.
var errNoSyncState = errors.New("share: the booking's store keeps no sync state")

// clashError: another desk's booking holds the slot.
type clashError struct{ entry LedgerEntry }

func (e clashError) Error() string { return "the slot is taken by " + e.entry.Title }

// Confirm records e in the leader's ledger unless another desk's booking
// overlaps it; then it returns that booking, and with override records e
// anyway. When the server cannot be asked in time the booking is marked
// not yet confirmed in tx and the server named.
func (l *Ledger) Confirm(ctx context.Context, tx calendar.Store, leader calendar.Leader, e calendar.Engagement, override bool) (calendar.Confirmation, error) {
	st, ok := l.view(tx)
	if !ok {
		return calendar.Confirmation{}, errNoSyncState
	}
	book, acct, linked, err := bookOf(ctx, st, leader.ID)
	if err != nil || !linked {
		return calendar.Confirmation{}, err
	}
	key := LedgerKey(e)
	client, err := l.client(acct)
	var clash *LedgerEntry
	if err == nil {
		clash, err = l.swap(ctx, st, client, book, func(entries []LedgerEntry, now time.Time) ([]LedgerEntry, *LedgerEntry, error) {
			entries = without(entries, key)
			if !inLedger(e, now) {
				return entries, nil, nil
			}
			x, err := l.clashing(ctx, st, leader.ID, entries, key, e.Start, e.End)
			if err != nil {
				return nil, nil, err
			}
			if x != nil && !override {
				return nil, nil, clashError{*x}
			}
			return append(entries, l.entry(e)), x, nil
		})
	}
	var ce clashError
	var se errStore
	switch {
	case errors.As(err, &ce):
		clash = &ce.entry
	case errors.As(err, &se):
		return calendar.Confirmation{}, se.err
	case err != nil:
		if err := st.MarkUnconfirmed(ctx, leader.ID, key, l.now().UTC()); err != nil {
			return calendar.Confirmation{}, err
		}
		return calendar.Confirmation{Unconfirmed: acct.URL}, nil
	default:
		if err := st.ClearUnconfirmed(ctx, leader.ID, key); err != nil {
			return calendar.Confirmation{}, err
		}
	}
	if clash == nil {
		return calendar.Confirmation{}, nil
	}
	other := calendar.Engagement{UID: clash.Key, LeaderID: leader.ID, Title: clash.Title, Start: clash.Start, End: clash.End, Kind: calendar.KindMeeting}
	return calendar.Confirmation{Clash: &other, Desk: clash.DeskName}, nil
}

// swap changes the book's ledger with change, which is given the entries
// that have not ended and returns the new list and what to report; the
// ledger's calendar is made on first use. The whole exchange is bounded
// by the ledger's timeout.
func (l *Ledger) swap(ctx context.Context, st LedgerStore, client *dav.Client, book state.Book,
	change func(entries []LedgerEntry, now time.Time) ([]LedgerEntry, *LedgerEntry, error)) (*LedgerEntry, error) {
	ctx, cancel := context.WithTimeout(ctx, l.timeout)
	defer cancel()
	object, collection := LedgerPath(book.Calendar)
	var found *LedgerEntry
	do := func() error {
		_, err := client.SwapData(ctx, object, func(cur *dav.Object) ([]byte, error) {
			now := l.now()
			var old []LedgerEntry
			if cur != nil {
				old = decodeLedger(cur.Data)
			}
			entries := pruned(old, now)
			next, x, err := change(entries, now)
			if err != nil {
				return nil, err
			}
			found = x
			if cur != nil && sameEntries(old, next) {
				return nil, nil // nothing to write
			}
			return encodeLedger(next, now), nil
		})
		return err
	}
	err := do()
	var de *dav.Error
	if errors.As(err, &de) && (de.Status == 409 || de.Status == 404) && de.Method == "PUT" {
		// No ledger calendar yet: make it (another desk may just have) and try again.
		if merr := client.MakeCalendar(ctx, collection, "Anteroom booking ledger", "VJOURNAL"); merr != nil && !errors.Is(merr, dav.ErrPreconditionFailed) {
			return nil, merr
		}
		err = do()
	}
	return found, err
}

// clashing returns the first entry of another booking than key that
// overlaps [start, end) and still stands.
func (l *Ledger) clashing(ctx context.Context, st LedgerStore, leaderID int64, entries []LedgerEntry, key string, start, end time.Time) (*LedgerEntry, error) {
	for i, x := range entries {
		if x.Key == key || !x.Start.Before(end) || !x.End.After(start) {
			continue
		}
		standing, err := l.stands(ctx, st, leaderID, x)
		if err != nil {
			return nil, errStore{err}
		}
		if standing {
			return &entries[i], nil
		}
	}
	return nil, nil
}

// stands reports whether an entry still holds its slot as far as this
// desk knows: not when this desk holds it cancelled, nor when it is this
// desk's own booking or one this desk has synced and no longer holds
// (deleted here or on the server since). A booking this desk has never
// seen stands: another desk made it and this one has not pulled it yet.
func (l *Ledger) stands(ctx context.Context, st LedgerStore, leaderID int64, x LedgerEntry) (bool, error) {
	uid, _, occurrence := cut(x.Key)
	rows, err := st.ObjectRows(ctx, uid)
	if err != nil {
		return false, err
	}
	for _, r := range rows {
		if LedgerKey(r) == x.Key {
			return !r.Cancelled(), nil
		}
	}
	if x.Desk == l.desk.ID {
		return false, nil
	}
	if occurrence {
		return true, nil // an override this desk has not pulled yet
	}
	_, synced, err := st.SyncItem(ctx, leaderID, uid)
	return !synced, err
}

func cut(key string) (uid, recurrence string, occurrence bool) {
	for i := len(key) - 1; i >= 0; i-- {
		if key[i] == '#' {
			return key[:i], key[i+1:], true
		}
	}
	return key, "", false
}

func (l *Ledger) entry(e calendar.Engagement) LedgerEntry {
	return LedgerEntry{Key: LedgerKey(e), Start: e.Start.UTC(), End: e.End.UTC(), Desk: l.desk.ID, DeskName: l.desk.Name, Title: e.Title}
}

func without(entries []LedgerEntry, key string) []LedgerEntry {
	out := entries[:0:0]
	for _, x := range entries {
		if x.Key != key {
			out = append(out, x)
		}
	}
	return out
}

func sameEntries(a, b []LedgerEntry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Key != b[i].Key || !a[i].Start.Equal(b[i].Start) || !a[i].End.Equal(b[i].End) || a[i].Desk != b[i].Desk ||
			a[i].DeskName != b[i].DeskName || a[i].Title != b[i].Title {
			return false
		}
	}
	return true
}

// bookOf finds the leader's linked book and its account.
func bookOf(ctx context.Context, st LedgerStore, leaderID int64) (state.Book, state.Account, bool, error) {
	books, err := st.SyncBooks(ctx)
	if err != nil {
		return state.Book{}, state.Account{}, false, err
	}
	for _, b := range books {
		if b.LeaderID != leaderID {
			continue
		}
		accts, err := st.SyncAccounts(ctx)
		if err != nil {
			return state.Book{}, state.Account{}, false, err
		}
		for _, a := range accts {
			if a.ID == b.AccountID {
				return b, a, true, nil
			}
		}
	}
	return state.Book{}, state.Account{}, false, nil
}

// client is a client for acct, its password from the secret store.
func (l *Ledger) client(acct state.Account) (*dav.Client, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c, ok := l.clients[acct.ID]; ok {
		return c, nil
	}
	password, err := l.secrets.Get(acct.URL, acct.User)
	if err != nil {
		return nil, err
	}
	c, err := dav.New(acct.URL, acct.User, password, dav.WithDecoder(nil))
	if err != nil {
		return nil, fmt.Errorf("account %s at %s: %w", acct.User, acct.URL, err)
	}
	l.clients[acct.ID] = c
	return c, nil
}
