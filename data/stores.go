package data

import (
	"anteroom/calendar"
	"anteroom/calendar/share"
)

// One *DB holds the connection and implements the booking store; each
// other subsystem gets a view of it that adds that subsystem's records,
// so no type carries every table's methods. A view bound to a
// transaction (DeskTx, ReviewTx) reads and writes in it.

// DeskStore is the database as the visits desk needs it: the booking
// store and the visit requests, materials, attached files, directory and
// audit trails.
type DeskStore struct{ *DB }

// Desk returns the database as the visits desk's store.
func (db *DB) Desk() DeskStore { return DeskStore{db} }

// ReviewStore is the database as the Friday review needs it: the desk's
// store and the review's decisions, carry-overs and closed reviews.
type ReviewStore struct{ DeskStore }

// Review returns the database as the Friday review's store.
func (db *DB) Review() ReviewStore { return ReviewStore{DeskStore{db}} }

// SyncStore is the database as sharing a book through CalDAV needs it:
// the booking store and the accounts, linked books, sync state,
// conflicts, publications and bookings not yet confirmed with other desks.
type SyncStore struct{ *DB }

// Sync returns the database as the sync engine's store.
func (db *DB) Sync() SyncStore { return SyncStore{db} }

// LedgerView is the sync view of st, a store of this package (the DB or
// one bound to a transaction), as the cross-desk ledger needs it.
func LedgerView(st calendar.Store) (share.LedgerStore, bool) {
	db, ok := st.(*DB)
	if !ok {
		return nil, false
	}
	return SyncStore{db}, true
}
