package share

import (
	"context"
	"errors"

	"anteroom/calendar"
	"anteroom/calendar/share/state"
	"anteroom/dav"
)

// push sends what changed here since the last sync: creates with
// If-None-Match: *, updates and deletions with If-Match. A write that
// loses to another desk's becomes a conflict; nothing is overwritten.
func (e *Engine) push(ctx context.Context, book state.Book, leader calendar.Leader, rep *Report) error {
	if err := e.pushMovedAway(ctx, book, rep); err != nil {
		return err
	}
	pending, err := e.store.PendingPush(ctx, book.LeaderID)
	if err != nil {
		return err
	}
	e.report(PhasePush, 0, len(pending))
	for i, p := range pending {
		if err := ctx.Err(); err != nil {
			return err // cancelled: what was sent is recorded, the rest goes next time
		}
		if err := e.pushOne(ctx, book, leader, p, rep); err != nil {
			return err
		}
		e.report(PhasePush, i+1, len(pending))
	}
	return nil
}

func (e *Engine) pushOne(ctx context.Context, book state.Book, leader calendar.Leader, p state.Pending, rep *Report) error {
	data, rev, err := localObject(ctx, e.store, leader, p.UID, e.now())
	if err != nil {
		return err
	}
	rev = max(rev, p.Rev)
	if data == nil {
		if p.Synced == nil {
			return e.store.ForgetSyncItem(ctx, book.LeaderID, p.UID) // made and deleted between two syncs
		}
		err := e.client.Delete(ctx, p.Synced.Href, p.Synced.ETag)
		switch {
		case err == nil || errors.Is(err, dav.ErrNotFound):
			rep.PushedDeleted++
			return e.store.ForgetSyncItem(ctx, book.LeaderID, p.UID)
		case errors.Is(err, dav.ErrPreconditionFailed):
			return e.lost(ctx, book, leader, p.UID, p.Synced.Href, rep)
		}
		return err
	}
	href, condition := dav.ObjectPath(book.Calendar, p.UID), dav.IfNoneMatch
	if p.Synced != nil {
		href, condition = p.Synced.Href, p.Synced.ETag
	}
	etag, err := e.client.Put(ctx, href, data, condition)
	if errors.Is(err, dav.ErrPreconditionFailed) {
		return e.lost(ctx, book, leader, p.UID, href, rep)
	}
	if err != nil {
		return err
	}
	if p.Synced == nil {
		rep.PushedCreated++
	} else {
		rep.PushedUpdated++
	}
	return e.store.PutSyncItem(ctx, state.Item{LeaderID: book.LeaderID, UID: p.UID, Href: href, ETag: etag, Rev: rev, At: e.now().UTC()})
}

// lost handles a write the server refused with 412: someone else changed
// (or created, or deleted) the object since this desk last saw it. Both
// sides changed it, so both versions are kept as a conflict.
func (e *Engine) lost(ctx context.Context, book state.Book, leader calendar.Leader, uid, href string, rep *Report) error {
	server, etag := "", ""
	o, err := e.client.Get(ctx, href)
	switch {
	case err == nil:
		server, etag = string(o.Data), o.ETag
	case !errors.Is(err, dav.ErrNotFound):
		return err
	}
	return e.conflict(ctx, book, leader, uid, href, server, etag, rep, true)
}
