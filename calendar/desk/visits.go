package desk

import (
	"strings"
	"time"

	"anteroom/calendar"
)

// VisitState is where a visit request stands. A request is decided once:
// booked, declined or withdrawn; a booked visit then ends done, cancelled
// or as a no-show.
type VisitState string

// The states of a visit request.
const (
	VisitRequested VisitState = "requested" // waiting for a decision
	VisitBooked    VisitState = "booked"    // on the leader's calendar
	VisitDeclined  VisitState = "declined"  // turned away; briefing materials are expected instead
	VisitWithdrawn VisitState = "withdrawn" // the visitor no longer asks
	VisitDone      VisitState = "done"      // the visit took place
	VisitCancelled VisitState = "cancelled" // booked, then called off; the slot is free again
	VisitNoShow    VisitState = "no_show"   // booked, and nobody came
)

// VisitStates lists every state in the order a request goes through them.
var VisitStates = []VisitState{VisitRequested, VisitBooked, VisitDeclined, VisitWithdrawn, VisitDone, VisitCancelled, VisitNoShow}

// VisitMove is a decision taken on a visit request.
type VisitMove string

// The moves of a visit request.
const (
	MoveBook     VisitMove = "book"
	MoveDecline  VisitMove = "decline"
	MoveWithdraw VisitMove = "withdraw"
	MoveComplete VisitMove = "complete"
	MoveCancel   VisitMove = "cancel"
	MoveNoShow   VisitMove = "no_show"
)

// visitMoves is the state machine of a visit request: from each state, the
// moves allowed and where they lead.
var visitMoves = map[VisitState]map[VisitMove]VisitState{
	VisitRequested: {MoveBook: VisitBooked, MoveDecline: VisitDeclined, MoveWithdraw: VisitWithdrawn},
	VisitBooked:    {MoveComplete: VisitDone, MoveCancel: VisitCancelled, MoveNoShow: VisitNoShow},
}

// Valid reports whether s is one of VisitStates.
func (s VisitState) Valid() bool {
	for _, v := range VisitStates {
		if v == s {
			return true
		}
	}
	return false
}

// Next returns the state move m leads to from s, and whether m is allowed.
func (s VisitState) Next(m VisitMove) (VisitState, bool) {
	to, ok := visitMoves[s][m]
	return to, ok
}

// Moves returns the moves allowed from s, in a fixed order.
func (s VisitState) Moves() []VisitMove {
	var out []VisitMove
	for _, m := range []VisitMove{MoveBook, MoveDecline, MoveWithdraw, MoveComplete, MoveNoShow, MoveCancel} {
		if _, ok := visitMoves[s][m]; ok {
			out = append(out, m)
		}
	}
	return out
}

// Visitor is one person named on a visit request, as the request gave
// them; PersonID links the directory entry they were taken from or added to.
type Visitor struct {
	PersonID int64
	Name     string
	Title    string // 职务, e.g. 总经理
	Phone    string
}

// TimeWindow is a stretch of time the visitor would like to come in.
type TimeWindow struct {
	Start, End time.Time
}

// VisitRequest is someone's wish to see the leader (会客申请) and what
// became of it.
type VisitRequest struct {
	ID       int64
	LeaderID int64

	OrgID      int64  // in the directory; set on save
	Org        string // the organisation asking
	People     []Visitor
	Phone      string // the contact number for the request
	ReferredBy string // the department that passed it on, e.g. 经济部门
	Purpose    string
	Visitors   int          // how many come; at least as many as People
	Windows    []TimeWindow // preferred times, earliest first
	Files      []Attachment // sent with the request

	State         VisitState
	EngagementID  int64  // the visit on the calendar, once booked
	DeclineReason string // why it was declined
	Decided       time.Time
	DecidedBy     string // who took the last decision
	Created       time.Time
	Updated       time.Time
}

// Subject returns what the request's audit trail and files belong to.
func (r VisitRequest) Subject() Subject { return Subject{Visit: r.ID} }

// PeopleText names the people of the request: "王伟 总经理、李娜".
func (r VisitRequest) PeopleText() string {
	names := make([]string, len(r.People))
	for i, p := range r.People {
		names[i] = strings.TrimSpace(p.Name + " " + p.Title)
	}
	return strings.Join(names, "、")
}

// Matches reports whether q occurs in any of the request's words:
// organisation, people, titles, phone, referring department, purpose or
// decline reason. Case is ignored; Chinese matches by plain substring.
func (r VisitRequest) Matches(q string) bool {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return true
	}
	fields := []string{r.Org, r.Phone, r.ReferredBy, r.Purpose, r.DeclineReason}
	for _, p := range r.People {
		fields = append(fields, p.Name, p.Title, p.Phone)
	}
	for _, f := range fields {
		if strings.Contains(strings.ToLower(f), q) {
			return true
		}
	}
	return false
}

// engagementFor returns the calendar entry that books r at slot: a visit,
// entered in the leader's zone, titled by the organisation, with the
// purpose and the people in its notes.
func (r VisitRequest) engagementFor(slot calendar.Slot, zone string) calendar.Engagement {
	notes := []string{r.Purpose}
	if p := r.PeopleText(); p != "" {
		notes = append(notes, p)
	}
	if r.ReferredBy != "" {
		notes = append(notes, r.ReferredBy)
	}
	if r.Phone != "" {
		notes = append(notes, r.Phone)
	}
	return calendar.Engagement{
		LeaderID: r.LeaderID, Kind: calendar.KindVisit, Source: calendar.SourceVisit, Title: r.Org,
		Notes: strings.Join(notes, "\n"), Start: slot.Start, End: slot.End, ZoneName: zone,
		Status: calendar.StatusConfirmed, Classification: calendar.ClassInternal,
	}
}
