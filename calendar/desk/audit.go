package desk

import "time"

// Subject names the one record an attachment or an audit entry belongs
// to: a visit request or briefing materials. Exactly one ID is set.
type Subject struct {
	Visit    int64
	Material int64
}

// AuditEntry is one line of a record's trail: who moved it, when, from
// which state to which, and why. A record's first entry has an empty From.
type AuditEntry struct {
	ID      int64
	Subject Subject
	At      time.Time
	Who     string
	From    string // a VisitState or MaterialState; empty when created
	To      string
	Note    string // a reason, the leader's instructions, the names of files added
}
