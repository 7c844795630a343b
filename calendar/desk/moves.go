package desk

import (
	"errors"

	"anteroom/calendar"
)

// ErrIllegalMove is returned when a visit request or briefing materials
// are asked to move in a way their state does not allow (presented before
// received, booked once declined). The error is a *MoveError; compare
// with errors.Is.
var ErrIllegalMove = errors.New("not allowed in this state")

// MoveError names a refused move: which record, the state it is in and
// the move asked for. Code, StateCode and MoveCode are message keys the UI
// and CLI translate; Error is the English text.
type MoveError struct {
	Subject Subject
	State   string // the record's current state
	Move    string // the move refused
}

func (e *MoveError) Error() string {
	return calendar.Fill(englishMoves[e.Code()], map[string]any{"ID": e.id(), "State": englishMoves[e.StateCode()], "Move": englishMoves[e.MoveCode()]})
}

// Unwrap lets callers test errors.Is(err, ErrIllegalMove).
func (e *MoveError) Unwrap() error { return ErrIllegalMove }

// Code is the key of the whole message; its placeholders are ID, State
// and Move (Args).
func (e *MoveError) Code() string { return e.prefix() + "illegal_move" }

// StateCode is the key of the current state's name.
func (e *MoveError) StateCode() string { return e.prefix() + "state." + e.State }

// MoveCode is the key of the move's name.
func (e *MoveError) MoveCode() string { return e.prefix() + "move." + e.Move }

// Args names the record, its state and the move refused.
func (e *MoveError) Args() map[string]any {
	return map[string]any{"ID": e.id(), "State": phrase(e.StateCode()), "Move": phrase(e.MoveCode())}
}

// phrase is a state or move by its key.
func phrase(key string) calendar.Phrase { return calendar.Phrase{Key: key, English: English(key)} }

var _ calendar.Translatable = (*MoveError)(nil)

func (e *MoveError) prefix() string {
	if e.Subject.Material != 0 {
		return materialKeys
	}
	return visitKeys
}

// The message keys of the visits desk start with these.
const (
	visitKeys    = "visit."
	materialKeys = "materials."
)

func (e *MoveError) id() int64 {
	if e.Subject.Material != 0 {
		return e.Subject.Material
	}
	return e.Subject.Visit
}

// StateCode returns the message key naming a visit state, e.g. "visit.state.booked".
func (s VisitState) StateCode() string { return visitKeys + "state." + string(s) }

// MoveCode returns the message key naming a visit move, e.g. "visit.move.book".
func (m VisitMove) MoveCode() string { return visitKeys + "move." + string(m) }

// StateCode returns the message key naming a materials state.
func (s MaterialState) StateCode() string { return materialKeys + "state." + string(s) }

// MoveCode returns the message key naming a materials move.
func (m MaterialMove) MoveCode() string { return materialKeys + "move." + string(m) }

// English returns the English name of a state or move key; the
// translations live in assets/translations.
func English(code string) string {
	if s, ok := englishMoves[code]; ok {
		return s
	}
	return code
}

// englishMoves are the English fallbacks of the visit and materials
// message keys.
var englishMoves = map[string]string{
	"visit.illegal_move":         "visit request {{.ID}} is {{.State}}: it cannot be {{.Move}}",
	"visit.state.requested":      "requested",
	"visit.state.booked":         "booked",
	"visit.state.declined":       "declined",
	"visit.state.withdrawn":      "withdrawn",
	"visit.state.done":           "done",
	"visit.state.cancelled":      "cancelled",
	"visit.state.no_show":        "no-show",
	"visit.move.book":            "booked",
	"visit.move.decline":         "declined",
	"visit.move.withdraw":        "withdrawn",
	"visit.move.complete":        "marked done",
	"visit.move.cancel":          "cancelled",
	"visit.move.no_show":         "marked a no-show",
	"materials.illegal_move":     "materials {{.ID}} are {{.State}}: they cannot be {{.Move}}",
	"materials.state.expected":   "expected",
	"materials.state.received":   "received",
	"materials.state.scheduled":  "scheduled for presenting",
	"materials.state.presented":  "presented",
	"materials.state.instructed": "instructed",
	"materials.state.archived":   "archived",
	"materials.move.receive":     "received",
	"materials.move.schedule":    "scheduled for presenting",
	"materials.move.unschedule":  "taken off the schedule",
	"materials.move.present":     "presented",
	"materials.move.instruct":    "given instructions",
	"materials.move.archive":     "archived",
}

// VisitMoveTo checks that r may take move m and returns the state it leads to.
func VisitMoveTo(r VisitRequest, m VisitMove) (VisitState, error) {
	to, ok := r.State.Next(m)
	if !ok {
		return "", &MoveError{Subject: r.Subject(), State: string(r.State), Move: string(m)}
	}
	return to, nil
}

// materialMove checks that mat may take move m and returns the state it leads to.
func materialMove(mat Material, m MaterialMove) (MaterialState, error) {
	to, ok := mat.State.Next(m)
	if !ok {
		return "", &MoveError{Subject: mat.Subject(), State: string(mat.State), Move: string(m)}
	}
	return to, nil
}
