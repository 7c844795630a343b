// Package state holds what the sync engine (package share) keeps between
// syncs, as plain values: accounts, the link of each leader's book to a
// calendar on the server, what was last synced of each calendar object,
// and the conflicts waiting for a decision. Storage (package data) keeps
// them; neither side knows the other.
package state

import "time"

// Account is one user on one CalDAV server. Its password is never here:
// the secret store keeps it.
type Account struct {
	ID        int64
	URL       string // the address the user gave, e.g. https://dav.example.org/
	User      string
	Principal string // found by discovery, e.g. /desk/
	Home      string // calendar-home-set, e.g. /desk/
	Created   time.Time
}

// Book links one leader's book to a calendar of an account.
type Book struct {
	LeaderID  int64
	AccountID int64
	Calendar  string    // the calendar's path on the server, e.g. /desk/zhang/
	Token     string    // the sync token of the last complete pull; "" before the first
	LastSync  time.Time // zero before the first complete sync
}

// Item is what the last sync left of one calendar object: which UID it
// holds (a single engagement, or a series with its overrides), where it
// lives, its ETag, and the local revision of that UID the server then
// matched. A local revision above Rev is a change made here since.
type Item struct {
	LeaderID int64
	UID      string
	Href     string
	ETag     string
	Rev      int64
	At       time.Time
}

// Pending is a UID of a linked book changed here since it was last
// synced: Rev is its local revision now; Synced is nil when the server
// has never had it from us.
type Pending struct {
	UID    string
	Rev    int64
	Synced *Item
}

// Conflict is one calendar object changed on both sides since the last
// sync: both versions as iCalendar text ("" for a side that deleted it),
// kept until the user picks one.
type Conflict struct {
	ID         int64
	LeaderID   int64
	UID        string
	Href       string
	Local      string
	Server     string
	ServerETag string // the server's ETag when the conflict was found; "" when deleted there
	Found      time.Time
	Resolved   time.Time // zero while open
	Kept       string    // "local" or "server" once resolved
}
