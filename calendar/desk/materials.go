package desk

import (
	"strings"
	"time"

	"anteroom/calendar"
)

// MaterialState is where briefing materials (汇报材料) stand on their way
// from the visitor to the files: nothing may stop half-way.
type MaterialState string

// The states of briefing materials, in the only order they go through.
const (
	MaterialExpected   MaterialState = "expected"   // asked for, not handed in yet
	MaterialReceived   MaterialState = "received"   // handed in to the office
	MaterialScheduled  MaterialState = "scheduled"  // a slot to present them is booked, not yet passed or confirmed
	MaterialPresented  MaterialState = "presented"  // put before the leader
	MaterialInstructed MaterialState = "instructed" // the leader's instructions (批示) are recorded
	MaterialArchived   MaterialState = "archived"   // filed
)

// MaterialStates lists every state in order.
var MaterialStates = []MaterialState{MaterialExpected, MaterialReceived, MaterialScheduled, MaterialPresented, MaterialInstructed, MaterialArchived}

// MaterialMove is a step taken with briefing materials.
type MaterialMove string

// The moves of briefing materials.
const (
	MoveReceive    MaterialMove = "receive"
	MoveSchedule   MaterialMove = "schedule"   // book a slot to present them
	MoveUnschedule MaterialMove = "unschedule" // call the booked slot off
	MovePresent    MaterialMove = "present"
	MoveInstruct   MaterialMove = "instruct"
	MoveArchive    MaterialMove = "archive"
)

// materialMoves is the state machine of briefing materials: a single
// line, with one detour: a booked slot to present them (scheduled) is
// confirmed as presented once it has passed, or called off.
var materialMoves = map[MaterialState]map[MaterialMove]MaterialState{
	MaterialExpected:   {MoveReceive: MaterialReceived},
	MaterialReceived:   {MoveSchedule: MaterialScheduled, MovePresent: MaterialPresented},
	MaterialScheduled:  {MovePresent: MaterialPresented, MoveUnschedule: MaterialReceived},
	MaterialPresented:  {MoveInstruct: MaterialInstructed},
	MaterialInstructed: {MoveArchive: MaterialArchived},
}

// Valid reports whether s is one of MaterialStates.
func (s MaterialState) Valid() bool {
	for _, v := range MaterialStates {
		if v == s {
			return true
		}
	}
	return false
}

// Next returns the state move m leads to from s, and whether m is allowed.
func (s MaterialState) Next(m MaterialMove) (MaterialState, bool) {
	to, ok := materialMoves[s][m]
	return to, ok
}

// Move returns the move that takes s forward, towards the files; false
// once archived.
func (s MaterialState) Move() (MaterialMove, bool) {
	for _, m := range []MaterialMove{MoveReceive, MovePresent, MoveInstruct, MoveArchive} {
		if _, ok := materialMoves[s][m]; ok {
			return m, true
		}
	}
	return "", false
}

// Material is what a visitor hands in instead of, or besides, a visit.
type Material struct {
	ID       int64
	LeaderID int64
	VisitID  int64 // the declined request it stands for; 0 when added by hand

	Title string        // what it is about
	From  string        // who hands it in: organisation, person
	Due   calendar.Date // expected by; zero when no date was set

	State      MaterialState
	Received   time.Time
	ReceivedBy string
	Copies     int // 份
	Pages      int // 页
	Files      []Attachment

	Presented    time.Time
	EngagementID int64 // the short "呈阅材料" engagement booked to present them, if one was
	// The booked engagement's times, read with the materials; zero when none.
	SlotStart, SlotEnd time.Time

	Instructions string // the leader's 批示
	Instructed   time.Time
	Archived     time.Time

	Created time.Time
	Updated time.Time
}

// Subject returns what the materials' audit trail and files belong to.
func (m Material) Subject() Subject { return Subject{Material: m.ID} }

// SlotPassed reports whether the slot booked to present the materials
// has ended by now: only then can they be confirmed as presented.
func (m Material) SlotPassed(now time.Time) bool {
	return !m.SlotEnd.IsZero() && !now.Before(m.SlotEnd)
}

// Overdue reports whether the materials are still expected after their
// due date, as of today.
func (m Material) Overdue(today calendar.Date) bool {
	return m.State == MaterialExpected && !m.Due.IsZero() && m.Due.Before(today)
}

// Matches reports whether q occurs in the title, the sender, who received
// them or the instructions, ignoring case.
func (m Material) Matches(q string) bool {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return true
	}
	for _, f := range []string{m.Title, m.From, m.ReceivedBy, m.Instructions} {
		if strings.Contains(strings.ToLower(f), q) {
			return true
		}
	}
	for _, a := range m.Files {
		if strings.Contains(strings.ToLower(a.Name), q) {
			return true
		}
	}
	return false
}

// Receipt is what the office notes when materials are handed in.
type Receipt struct {
	At     time.Time // zero: now
	By     string    // who took them in; empty: whoever records it
	Copies int
	Pages  int
	Files  []string // local files to keep with them
}
