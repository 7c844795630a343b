package remind

import "time"

// Lead is how long before an item its reminder fires; Off means none.
type Lead time.Duration

// Off is the lead of an item that must not remind.
const Off Lead = -1

// On reports whether the lead asks for a reminder at all.
func (l Lead) On() bool { return l >= 0 }

// Minutes returns the lead in whole minutes; -1 when Off.
func (l Lead) Minutes() int {
	if !l.On() {
		return -1
	}
	return int(time.Duration(l) / time.Minute)
}

// LeadMinutes returns the lead of m minutes; a negative m is Off.
func LeadMinutes(m int) Lead {
	if m < 0 {
		return Off
	}
	return Lead(time.Duration(m) * time.Minute)
}

// What says which kind of item a reminder is about, for its wording.
type What string

// The items that remind.
const (
	WhatEngagement What = "engagement" // a meeting, visit, activity: Kind says which
	WhatMaterial   What = "material"   // briefing materials due today
)

// Reminder is one reminder an item asks for.
type Reminder struct {
	// Key names the item, the occurrence and its time: a reminder with a
	// key that fired once never fires again, and a moved item gets a new key.
	Key  string
	What What
	Kind string // the engagement's kind; empty for other items

	ItemID   int64 // the item's ID in its own store, to open it
	LeaderID int64
	Title    string
	Place    string

	Starts time.Time // when the item begins; for a due date, the start of that day
	At     time.Time // when the reminder fires
	// Stale is when the reminder no longer warns of anything to come: the
	// start of an engagement, the end of a due day. A reminder not sent
	// before then was missed and goes into the catch-up summary.
	Stale  time.Time
	AllDay bool // about a whole day: show the date, not a time
}

// Fired is a reminder as sent: when, and whether alone or in a summary.
type Fired struct {
	Reminder
	FiredAt time.Time
	Summary bool // told in a catch-up summary, not on its own
}

// Clock tells the time; calendar.Service is one, tests bring their own.
type Clock interface {
	Now() time.Time
}
