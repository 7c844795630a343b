package share

import (
	"context"
	"errors"

	"anteroom/calendar/share/state"
	"anteroom/dav"
)

// pushMovedAway deletes from the book's calendar what was moved here to
// another leader: the object belongs to that leader's book now (whose
// own sync creates it there), and would otherwise stay in this one. A
// deletion that loses (412: another desk changed the object since) is
// left for the next pull, which brings the other desk's version.
func (e *Engine) pushMovedAway(ctx context.Context, book state.Book, rep *Report) error {
	moved, err := e.store.MovedAway(ctx, book.LeaderID)
	if err != nil {
		return err
	}
	for _, it := range moved {
		err := e.client.Delete(ctx, it.Href, it.ETag)
		switch {
		case err == nil || errors.Is(err, dav.ErrNotFound):
			rep.PushedDeleted++
			if err := e.store.ForgetSyncItem(ctx, book.LeaderID, it.UID); err != nil {
				return err
			}
		case errors.Is(err, dav.ErrPreconditionFailed):
			continue
		default:
			return err
		}
	}
	return nil
}
