package followup

import (
	"time"

	"anteroom/calendar"
)

// State is where a follow-up item is (督办状态).
type State string

// The states of a follow-up item: handed down, being worked on, reported
// back to the leader (反馈), closed. Overdue is not a state: it is read
// from the due date.
const (
	StateOpen       State = "open"
	StateInProgress State = "in_progress"
	StateReported   State = "reported"
	StateClosed     State = "closed"
)

// States lists the states in order.
var States = []State{StateOpen, StateInProgress, StateReported, StateClosed}

// Priority is how pressing an item is (轻重缓急).
type Priority string

// The priorities, most pressing first.
const (
	PriorityUrgent    Priority = "urgent"
	PriorityImportant Priority = "important"
	PriorityNormal    Priority = "normal"
)

// Priorities lists the priorities, most pressing first.
var Priorities = []Priority{PriorityUrgent, PriorityImportant, PriorityNormal}

// SourceKind is where an item came from.
type SourceKind string

// An item comes from a decision in minutes, from the leader's
// instructions on briefing materials, or is handed down directly.
const (
	FromMinutes   SourceKind = "minutes"
	FromMaterials SourceKind = "materials"
	FromDirect    SourceKind = "direct"
)

// Source links an item back to where it came from.
type Source struct {
	Kind       SourceKind
	MinutesID  int64  // FromMinutes
	Decision   int    // FromMinutes: the decision's number
	MaterialID int64  // FromMaterials
	Title      string // the meeting's or the materials' title, as it was
}

// Item is one follow-up item (督办事项).
type Item struct {
	ID       int64
	LeaderID int64
	Text     string
	Source   Source

	Unit     string // responsible unit (责任单位)
	Person   string // responsible person, optional
	Due      calendar.Date
	Priority Priority
	State    State

	// Confidential items come from a confidential meeting, or were marked
	// so: outside the full level they show only as 公务事项.
	Confidential bool

	Reports     []Report // progress, oldest first
	CloseReason string   // why it was closed before being reported back
	Closed      time.Time

	Created time.Time
	Updated time.Time
}

// Report is one progress report on an item (进展).
type Report struct {
	ID   int64
	At   time.Time
	By   string
	Text string
}

// Overdue reports whether the item is still being worked on after its
// due date, on day today.
func (it Item) Overdue(today calendar.Date) bool {
	if it.State != StateOpen && it.State != StateInProgress {
		return false
	}
	return it.Due.Before(today)
}

// Latest returns the latest progress report and whether there is one.
func (it Item) Latest() (Report, bool) {
	if len(it.Reports) == 0 {
		return Report{}, false
	}
	return it.Reports[len(it.Reports)-1], true
}

// Subject returns what the item's audit trail belongs to.
func (it Item) Subject() Subject { return Subject{Item: it.ID} }

// NewItem is what a follow-up item is created with.
type NewItem struct {
	LeaderID     int64 // direct items only; others take their source's leader
	Text         string
	Source       Source // Kind and MinutesID+Decision or MaterialID; Title is filled in
	Unit         string
	Person       string
	Due          calendar.Date
	Priority     Priority // normal when empty
	Confidential bool     // also set when the source is confidential
}

// Filter narrows a list of items; the zero Filter lists every item.
type Filter struct {
	LeaderID int64 // 0: every leader
	State    State // "": every state
	Unit     string
	Overdue  bool          // only items overdue on Today
	DueFrom  calendar.Date // with DueTo: due in [DueFrom, DueTo]
	DueTo    calendar.Date
	Text     string // a substring of the text, unit, person or source title
	Today    calendar.Date
}

// Valid reports whether s is one of the States.
func (s State) Valid() bool {
	for _, x := range States {
		if s == x {
			return true
		}
	}
	return false
}
