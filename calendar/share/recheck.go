package share

import (
	"context"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/share/state"
)

// Clash is a booking saved while the server could not be asked that
// another desk's booking overlaps: it stays unconfirmed until it is moved
// or cancelled.
type Clash struct {
	Booking calendar.Engagement // this desk's
	Other   LedgerEntry         // the other desk's, confirmed first
}

// Recheck, after a sync, confirms the leader's bookings saved offline
// against the book's ledger: those no other desk's booking overlaps are
// added to it and confirmed, the others are returned as clashes. It also
// tidies the ledger: entries that have ended, this desk's entries of
// bookings it no longer holds, and entries of bookings deleted or
// cancelled here go. With nothing unconfirmed and tidy false it asks the
// server nothing.
func (l *Ledger) Recheck(ctx context.Context, st LedgerStore, book state.Book, leader calendar.Leader, tidy bool) ([]Clash, error) {
	keys, err := st.Unconfirmed(ctx, leader.ID)
	if err != nil || len(keys) == 0 && !tidy {
		return nil, err
	}
	acct, err := accountOf(ctx, st, book.AccountID)
	if err != nil {
		return nil, err
	}
	client, err := l.client(acct)
	if err != nil {
		return nil, err
	}
	var pending []calendar.Engagement
	var gone, confirmed []string
	for _, k := range keys {
		e, ok, err := held(ctx, st, k)
		if err != nil {
			return nil, err
		}
		if !ok || !inLedger(e, l.now()) {
			gone = append(gone, k)
			continue
		}
		pending = append(pending, e)
	}
	var clashes []Clash
	_, err = l.swap(ctx, st, client, book, func(entries []LedgerEntry, now time.Time) ([]LedgerEntry, *LedgerEntry, error) {
		clashes, confirmed = nil, nil
		kept := entries[:0:0]
		for _, x := range entries {
			ok, err := l.stands(ctx, st, leader.ID, x)
			if err != nil {
				return nil, nil, errStore{err}
			}
			if ok {
				kept = append(kept, x)
			}
		}
		for _, e := range pending {
			key := LedgerKey(e)
			kept = without(kept, key)
			x, err := l.clashing(ctx, st, leader.ID, kept, key, e.Start, e.End)
			if err != nil {
				return nil, nil, err
			}
			if x != nil {
				clashes = append(clashes, Clash{Booking: e, Other: *x})
				continue
			}
			kept = append(kept, l.entry(e))
			confirmed = append(confirmed, key)
		}
		return kept, nil, nil
	})
	if err != nil {
		return nil, err
	}
	for _, k := range append(gone, confirmed...) {
		if err := st.ClearUnconfirmed(ctx, leader.ID, k); err != nil {
			return clashes, err
		}
	}
	return clashes, nil
}

// held is the live engagement the ledger key names, if this desk holds it.
func held(ctx context.Context, st LedgerStore, key string) (calendar.Engagement, bool, error) {
	uid, _, _ := cut(key)
	rows, err := st.ObjectRows(ctx, uid)
	if err != nil {
		return calendar.Engagement{}, false, err
	}
	for _, r := range rows {
		if LedgerKey(r) == key {
			return r, true, nil
		}
	}
	return calendar.Engagement{}, false, nil
}

func accountOf(ctx context.Context, st LedgerStore, id int64) (state.Account, error) {
	accts, err := st.SyncAccounts(ctx)
	if err != nil {
		return state.Account{}, err
	}
	for _, a := range accts {
		if a.ID == id {
			return a, nil
		}
	}
	return state.Account{}, calendar.ErrNotFound
}
