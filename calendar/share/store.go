package share

import (
	"context"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/imports"
	"anteroom/calendar/share/state"
)

// Store is what the engine needs of storage (package data's DB has it):
// the calendar, transactions, and the sync state of package state.
type Store interface {
	imports.Store
	// SyncTx is calendar.Store's WithTx for the sync engine: fn gets the
	// store bound to one write transaction, joined when already in one.
	SyncTx(ctx context.Context, fn func(Store) error) error

	SaveSyncAccount(ctx context.Context, a *state.Account) error
	SyncAccounts(ctx context.Context) ([]state.Account, error)
	RemoveSyncAccount(ctx context.Context, id int64) error
	LinkBook(ctx context.Context, b state.Book) error
	SyncBooks(ctx context.Context) ([]state.Book, error)
	SaveSyncToken(ctx context.Context, leaderID int64, token string, at time.Time) error

	SyncItem(ctx context.Context, leaderID int64, uid string) (state.Item, bool, error)
	SyncItemByHref(ctx context.Context, leaderID int64, href string) (state.Item, bool, error)
	SyncItems(ctx context.Context, leaderID int64) ([]state.Item, error)
	PutSyncItem(ctx context.Context, it state.Item) error
	ForgetSyncItem(ctx context.Context, leaderID int64, uid string) error
	LocalRev(ctx context.Context, uid string) (int64, error)
	PendingPush(ctx context.Context, leaderID int64) ([]state.Pending, error)
	ObjectRows(ctx context.Context, uid string) ([]calendar.Engagement, error)
	MovedAway(ctx context.Context, leaderID int64) ([]state.Item, error)

	SaveSyncConflict(ctx context.Context, c *state.Conflict) error
	OpenSyncConflicts(ctx context.Context) ([]state.Conflict, error)
	SyncConflict(ctx context.Context, id int64) (state.Conflict, error)
	OpenConflictOn(ctx context.Context, leaderID int64, uid string) (state.Conflict, bool, error)
	ResolveSyncConflict(ctx context.Context, id int64, kept string, at time.Time) error
}

// inTx runs fn in one transaction of s, with a Service bound to it.
func inTx(ctx context.Context, s Store, now func() time.Time, fn func(tx Store, svc *calendar.Service) error) error {
	return s.SyncTx(ctx, func(tx Store) error {
		svc := calendar.NewService(tx)
		svc.SetClock(now)
		return fn(tx, svc)
	})
}
