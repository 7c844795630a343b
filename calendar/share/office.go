package share

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/share/state"
	"anteroom/dav"
)

// Office is what one desk shares: its accounts and their passwords, a
// sync engine per linked book, and the figures a status line shows. The
// command line and the window both go through it, so an account added in
// one works the same in the other.
type Office struct {
	Store   Store
	Secrets Secrets
	Now     func() time.Time
	// NewClient makes an account's CalDAV client; nil means Client.
	NewClient func(url, user, password string) (*dav.Client, error)
}

// Client is a CalDAV client for an account that leaves reading objects to
// the engine.
func Client(url, user, password string) (*dav.Client, error) {
	return dav.New(url, user, password, dav.WithDecoder(nil))
}

func (o *Office) client(url, user, password string) (*dav.Client, error) {
	if o.NewClient != nil {
		return o.NewClient(url, user, password)
	}
	return Client(url, user, password)
}

func (o *Office) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// Added is an account just added and the book linked with it.
type Added struct {
	Account state.Account
	Linked  Linked
	KeptIn  string // InSecretStore or InFile: where the password went
}

// AddAccount discovers the account at url, keeps it and its password (in
// the secret store, never the database) and links leader's book to the
// calendar choice names (see Link; "" for one named after the leader).
func (o *Office) AddAccount(ctx context.Context, url, user, password string, leader calendar.Leader, choice string) (Added, error) {
	client, err := o.client(url, user, password)
	if err != nil {
		return Added{}, err
	}
	acct, err := Connect(ctx, client, url, user, o.now())
	if err != nil {
		return Added{}, err
	}
	if err := o.Store.SaveSyncAccount(ctx, &acct); err != nil {
		return Added{}, err
	}
	where, err := o.Secrets.Set(acct.URL, acct.User, password)
	if err != nil {
		return Added{}, err
	}
	linked, err := Link(ctx, o.Store, client, acct, leader, choice)
	if err != nil {
		return Added{}, err
	}
	return Added{Account: acct, Linked: linked, KeptIn: where}, nil
}

// Account returns the account with id; ErrNoAccount when there is none.
func (o *Office) Account(ctx context.Context, id int64) (state.Account, error) {
	accts, err := o.Store.SyncAccounts(ctx)
	if err != nil {
		return state.Account{}, err
	}
	for _, a := range accts {
		if a.ID == id {
			return a, nil
		}
	}
	return state.Account{}, &Problem{Key: "sync.no_account", English: "there is no account {{.ID}}", Values: map[string]any{"ID": id}}
}

// RemoveAccount forgets the account, its password and its books' links;
// the engagements stay.
func (o *Office) RemoveAccount(ctx context.Context, id int64) (state.Account, error) {
	acct, err := o.Account(ctx, id)
	if err != nil {
		return acct, err
	}
	if err := o.Store.RemoveSyncAccount(ctx, id); err != nil {
		return acct, err
	}
	return acct, o.Secrets.Delete(acct.URL, acct.User)
}

// Client is a client for account id, with its kept password.
func (o *Office) Client(ctx context.Context, id int64) (*dav.Client, error) {
	acct, err := o.Account(ctx, id)
	if err != nil {
		return nil, err
	}
	password, err := o.Secrets.Get(acct.URL, acct.User)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &Problem{Key: "sync.no_password", English: "no password is kept for {{.User}} at {{.URL}}: add the account again",
			Values: map[string]any{"User": acct.User, "URL": acct.URL}}
	}
	if err != nil {
		return nil, err
	}
	return o.client(acct.URL, acct.User, password)
}

// Engine is a sync engine for the account of book, with its kept password.
func (o *Office) Engine(ctx context.Context, b state.Book) (*Engine, error) {
	client, err := o.Client(ctx, b.AccountID)
	if err != nil {
		return nil, err
	}
	e := NewEngine(o.Store, client)
	if o.Now != nil {
		e.SetClock(o.Now)
	}
	return e, nil
}

// BookReport is one book's part of SyncAll.
type BookReport struct {
	Book   state.Book
	Report Report
	Err    error
}

// SyncAll syncs every linked book in turn, telling progress how far each
// is; one book's failure does not stop the others, but a cancelled ctx
// does.
func (o *Office) SyncAll(ctx context.Context, progress func(state.Book, Progress)) ([]BookReport, error) {
	books, err := o.Store.SyncBooks(ctx)
	if err != nil {
		return nil, err
	}
	var out []BookReport
	for _, b := range books {
		r := BookReport{Book: b}
		e, err := o.Engine(ctx, b)
		if err == nil {
			if progress != nil {
				e.SetProgress(func(p Progress) { progress(b, p) })
			}
			r.Report, err = e.Sync(ctx, b)
		}
		r.Err = err
		out = append(out, r)
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
	}
	return out, nil
}

// Status is what the status line shows of sharing.
type Status struct {
	Books     int       // linked books; 0 means nothing is shared
	LastSync  time.Time // the oldest complete sync of a linked book; zero when one never synced
	Pending   int       // local changes not yet on the server
	Conflicts int       // open sync conflicts
}

// Status counts what waits: local changes to send, conflicts to decide.
func (o *Office) Status(ctx context.Context) (Status, error) {
	books, err := o.Store.SyncBooks(ctx)
	if err != nil {
		return Status{}, err
	}
	st := Status{Books: len(books)}
	for i, b := range books {
		if i == 0 || b.LastSync.Before(st.LastSync) {
			st.LastSync = b.LastSync
		}
		n, err := pendingCount(ctx, o.Store, b.LeaderID)
		if err != nil {
			return Status{}, err
		}
		st.Pending += n
	}
	cs, err := o.Store.OpenSyncConflicts(ctx)
	if err != nil {
		return Status{}, err
	}
	st.Conflicts = len(cs)
	return st, nil
}

// Resolve ends conflict id, keeping KeepLocal or KeepServer (see
// Engine.Resolve), with the engine of its book.
func (o *Office) Resolve(ctx context.Context, id int64, keep string) error {
	c, err := o.Store.SyncConflict(ctx, id)
	if err != nil {
		return err
	}
	books, err := o.Store.SyncBooks(ctx)
	if err != nil {
		return err
	}
	for _, b := range books {
		if b.LeaderID != c.LeaderID {
			continue
		}
		e, err := o.Engine(ctx, b)
		if err != nil {
			return err
		}
		return e.Resolve(ctx, b, id, keep)
	}
	return fmt.Errorf("conflict %d: %w", id, &Problem{Key: "sync.book_unlinked", English: "the book of this conflict is no longer linked to a server"})
}

// Problem is an error of sharing a person reads (calendar.Translatable).
type Problem struct {
	Key, English string
	Values       map[string]any
}

func (p *Problem) Error() string {
	s := p.English
	for k, v := range p.Values {
		s = strings.ReplaceAll(s, "{{."+k+"}}", fmt.Sprint(v))
	}
	return s
}
func (p *Problem) Code() string         { return p.Key }
func (p *Problem) Args() map[string]any { return p.Values }

var _ calendar.Translatable = (*Problem)(nil)

// Accounts lists the accounts.
func (o *Office) Accounts(ctx context.Context) ([]state.Account, error) {
	return o.Store.SyncAccounts(ctx)
}

// Books lists the linked books.
func (o *Office) Books(ctx context.Context) ([]state.Book, error) { return o.Store.SyncBooks(ctx) }
