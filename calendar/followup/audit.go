package followup

import (
	"time"

	"anteroom/calendar/desk"
)

// Subject names the record an audit entry belongs to: minutes or an item.
// Exactly one ID is set.
type Subject struct {
	Minutes int64
	Item    int64
}

// AuditEntry is one line of a record's trail: who changed it, when, from
// which state to which, and what.
type AuditEntry struct {
	ID      int64
	Subject Subject
	At      time.Time
	Who     string
	From    string // a MinutesState or State; empty when created
	To      string
	Note    string // what changed, a reason, the text of a report
}

// DeskTrail is a trail as the desk's trails are shown and printed: the
// same lines, without the subject.
func DeskTrail(es []AuditEntry) []desk.AuditEntry {
	out := make([]desk.AuditEntry, len(es))
	for i, e := range es {
		out[i] = desk.AuditEntry{ID: e.ID, At: e.At, Who: e.Who, From: e.From, To: e.To, Note: e.Note}
	}
	return out
}
