package state

import "time"

// Publication is a read-only calendar on the server that shows one
// leader's book to others at a privacy level (busy for other offices,
// limited for the office, full for the leader's own phone). Each sync
// makes its objects match the book rendered at that level; nothing is
// read back from it.
type Publication struct {
	ID        int64
	LeaderID  int64
	AccountID int64
	Calendar  string // the calendar's path on the server
	Privacy   string // "busy", "limited" or "full"
	Changes   int64  // the calendar's change counter at the last complete publish; -1 before
	LastSync  time.Time
}

// Published is one object a publication holds: the book's UID, where it
// lives, its ETag, and a digest of what was written, so an unchanged item
// is not written again.
type Published struct {
	PublicationID int64
	UID           string
	Href          string
	ETag          string
	Digest        string
}
