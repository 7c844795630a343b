package data

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
