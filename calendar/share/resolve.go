package share

import (
	"context"
	"errors"
	"fmt"

	"anteroom/calendar"
	"anteroom/calendar/share/state"
	"anteroom/dav"
)

// The sides a conflict can be resolved to keep.
const (
	KeepLocal  = "local"
	KeepServer = "server"
)

// ErrResolved is returned for a conflict already resolved.
var ErrResolved = errors.New("the sync conflict is already resolved")

// Resolve ends conflict id of book: KeepLocal sends this desk's version
// over the server's current one (or deletes it there, when deleted here);
// KeepServer takes the server's current version here (or deletes the item
// here, when deleted there). Another change on the server since the
// conflict was found is ErrPreconditionFailed: sync, then resolve again.
func (e *Engine) Resolve(ctx context.Context, book state.Book, id int64, keep string) error {
	c, err := e.store.SyncConflict(ctx, id)
	if err != nil {
		return err
	}
	if !c.Resolved.IsZero() {
		return fmt.Errorf("conflict %d: %w", id, ErrResolved)
	}
	leader, err := e.store.Leader(ctx, c.LeaderID)
	if err != nil {
		return err
	}
	current, err := e.client.Get(ctx, c.Href)
	if errors.Is(err, dav.ErrNotFound) {
		current, err = nil, nil
	}
	if err != nil {
		return err
	}
	var rep Report
	switch keep {
	case KeepLocal:
		err = e.keepLocal(ctx, book, leader, c, current)
	case KeepServer:
		err = e.keepServer(ctx, book, leader, c, current, &rep)
	default:
		return fmt.Errorf("keep %q: want %s or %s: %w", keep, KeepLocal, KeepServer, calendar.ErrInvalid)
	}
	if err != nil {
		return err
	}
	return e.store.ResolveSyncConflict(ctx, id, keep, e.now().UTC())
}

func (e *Engine) keepLocal(ctx context.Context, book state.Book, leader calendar.Leader, c state.Conflict, current *dav.Object) error {
	data, rev, err := localObject(ctx, e.store, leader, c.UID, e.now())
	if err != nil {
		return err
	}
	if data == nil {
		if current != nil {
			if err := e.client.Delete(ctx, c.Href, current.ETag); err != nil && !errors.Is(err, dav.ErrNotFound) {
				return err
			}
		}
		return e.store.ForgetSyncItem(ctx, c.LeaderID, c.UID)
	}
	condition := dav.IfNoneMatch
	if current != nil {
		condition = current.ETag
	}
	etag, err := e.client.Put(ctx, c.Href, data, condition)
	if err != nil {
		return err
	}
	return e.store.PutSyncItem(ctx, state.Item{LeaderID: c.LeaderID, UID: c.UID, Href: c.Href, ETag: etag, Rev: rev, At: e.now().UTC()})
}

func (e *Engine) keepServer(ctx context.Context, book state.Book, leader calendar.Leader, c state.Conflict, current *dav.Object, rep *Report) error {
	if current == nil {
		return inTx(ctx, e.store, e.now, func(tx Store, svc *calendar.Service) error {
			if _, err := deleteObject(ctx, tx, svc, c.UID); err != nil {
				return err
			}
			return tx.ForgetSyncItem(ctx, c.LeaderID, c.UID)
		})
	}
	return e.take(ctx, book, leader, []serverObject{{href: current.Path, etag: current.ETag, data: current.Data}}, true, rep)
}
