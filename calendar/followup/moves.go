package followup

import (
	"errors"
	"strings"

	"anteroom/calendar"
)

// ErrIllegalMove is returned when minutes or an item are asked to move in
// a way their state does not allow (signed before submitted, closed before
// reported back). The error is a *MoveError; compare with errors.Is.
var ErrIllegalMove = errors.New("not allowed in this state")

// Move is a change of state asked of minutes or an item.
type Move string

// The moves of minutes and of follow-up items.
const (
	MoveEdit     Move = "edit"
	MoveSubmit   Move = "submit"
	MoveSign     Move = "sign"
	MoveIssue    Move = "issue"
	MoveFollowUp Move = "follow_up" // take a decision into the follow-up board
	MoveReport   Move = "report"
	MoveFeedback Move = "feedback"
	MoveClose    Move = "close"
)

// MoveError names a refused move: which record, the state it is in and
// the move asked for, and when there is one, what is missing.
type MoveError struct {
	Subject Subject
	State   string
	Move    Move
}

func (e *MoveError) Error() string {
	return calendar.Fill(English(e.Code()), map[string]any{"ID": e.id(), "State": English(e.StateCode()), "Move": English(e.MoveCode())})
}

// Unwrap lets callers test errors.Is(err, ErrIllegalMove).
func (e *MoveError) Unwrap() error { return ErrIllegalMove }

// Code is the key of the whole message; its placeholders are ID, State
// and Move.
func (e *MoveError) Code() string { return e.prefix() + "illegal_move" }

// StateCode is the key of the current state's name.
func (e *MoveError) StateCode() string { return e.prefix() + "state." + e.State }

// MoveCode is the key of the move's name.
func (e *MoveError) MoveCode() string { return e.prefix() + "move." + string(e.Move) }

// Args names the record, its state and the move refused.
func (e *MoveError) Args() map[string]any {
	return map[string]any{"ID": e.id(), "State": phrase(e.StateCode()), "Move": phrase(e.MoveCode())}
}

var _ calendar.Translatable = (*MoveError)(nil)

func (e *MoveError) prefix() string {
	if e.Subject.Minutes != 0 {
		return minutesKeys
	}
	return itemKeys
}

func (e *MoveError) id() int64 {
	if e.Subject.Minutes != 0 {
		return e.Subject.Minutes
	}
	return e.Subject.Item
}

// The message keys of minutes and follow-up start with these.
const (
	minutesKeys = "minutes."
	itemKeys    = "followup."
)

// StateCode returns the message key naming a state of minutes.
func (s MinutesState) StateCode() string { return minutesKeys + "state." + string(s) }

// StateCode returns the message key naming a state of an item.
func (s State) StateCode() string { return itemKeys + "state." + string(s) }

// Code returns the message key naming a priority.
func (p Priority) Code() string { return itemKeys + "priority." + string(p) }

// Code returns the message key naming a source kind.
func (k SourceKind) Code() string { return itemKeys + "source." + string(k) }

// LabelKey is the key of a state's, priority's or source's label in a
// table cell or a heading ("followup.label.state.open") for the key of the
// lowercase word messages put inside sentences ("followup.state.open").
func LabelKey(code string) string {
	area, rest, _ := strings.Cut(code, ".")
	return area + ".label." + rest
}

// phrase is a state or move by its key.
func phrase(key string) calendar.Phrase { return calendar.Phrase{Key: key, English: English(key)} }

// English returns the English text of a message key of this package.
func English(code string) string {
	if s, ok := english[code]; ok {
		return s
	}
	return code
}

// problem is a Translatable error of this package with its own key.
type problem struct {
	code string
	args map[string]any
}

func (p *problem) Error() string        { return calendar.Fill(English(p.code), p.args) }
func (p *problem) Code() string         { return p.code }
func (p *problem) Args() map[string]any { return p.args }
func (p *problem) Unwrap() error        { return calendar.ErrInvalid }

// invalid returns a Translatable error wrapping calendar.ErrInvalid.
func invalid(code string, args map[string]any) error { return &problem{code: code, args: args} }

// english are the English fallbacks of the package's message keys; the
// translations hold the same keys.
var english = map[string]string{
	"minutes.illegal_move":      "minutes {{.ID}} are {{.State}}: they cannot be {{.Move}}",
	"minutes.state.draft":       "a draft",
	"minutes.state.submitted":   "submitted for sign-off",
	"minutes.state.signed":      "signed",
	"minutes.state.issued":      "issued",
	"minutes.move.edit":         "edited",
	"minutes.edited.chaired_by": "chair",
	"minutes.edited.attendees":  "attendees",
	"minutes.edited.decisions":  "decisions ({{.N}})",
	"minutes.edited.text":       "text",
	"minutes.move.submit":       "submitted",
	"minutes.move.sign":         "signed",
	"minutes.move.issue":        "issued",
	"minutes.move.follow_up":    "followed up (sign them first)",

	"followup.illegal_move":      "follow-up {{.ID}} is {{.State}}: it cannot be {{.Move}}",
	"followup.state.open":        "open",
	"followup.state.in_progress": "in progress",
	"followup.state.reported":    "reported back",
	"followup.state.closed":      "closed",
	"followup.move.report":       "given a progress report",
	"followup.move.feedback":     "reported back before any progress is reported",
	"followup.move.close":        "closed before it is reported back (use --force with a reason)",

	"followup.priority.urgent":    "urgent",
	"followup.priority.important": "important",
	"followup.priority.normal":    "normal",
	"followup.source.minutes":     "minutes",
	"followup.source.materials":   "briefing materials",
	"followup.source.direct":      "handed down directly",

	"minutes.not_past":         "engagement {{.ID}} has not started yet: minutes are written after the meeting",
	"minutes.not_meeting":      "engagement {{.ID}} is blocked time, not a meeting",
	"minutes.no_decision":      "minutes {{.ID}} have no decision {{.N}}",
	"minutes.number_required":  "give the document number the minutes are issued under",
	"minutes.signer_required":  "say who signed the minutes",
	"followup.text_required":   "say what is to be done",
	"followup.unit_required":   "name the responsible unit",
	"followup.due_required":    "give a due date",
	"followup.bad_priority":    "priority {{.Priority}} is not one of urgent, important, normal",
	"followup.reason_required": "closing before the leader has the feedback needs a reason",
	"followup.report_required": "say what was reported",
	"followup.no_instructions": "materials {{.ID}} have no instructions from the leader yet",
	"followup.source_required": "say where the matter comes from",
	"followup.leader_required": "choose a leader",
	"followup.text_too_long":   "a text is longer than {{.Max}} characters",
}
