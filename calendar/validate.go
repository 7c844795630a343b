package calendar

import (
	"strings"
)

// Problem is one reason an engagement cannot be saved. Code is a stable
// message key the UI and CLI translate; Message is the English fallback.
type Problem struct {
	Field   string // "title", "end", "leader", … as named in the editor
	Code    string
	Message string
	Args    map[string]any
}

// NewProblem is a Problem whose English message has its placeholders filled.
func NewProblem(field, code, msg string, args map[string]any) Problem {
	return Problem{Field: field, Code: code, Message: Fill(msg, args), Args: args}
}

// ValidationError lists every problem found, so the editor can mark each field at once.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Field + ": " + p.Message
	}
	return "invalid engagement: " + strings.Join(msgs, "; ")
}

// Unwrap lets callers test errors.Is(err, ErrInvalid).
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// Field returns the first problem on field, if any.
func (e *ValidationError) Field(field string) (Problem, bool) {
	for _, p := range e.Problems {
		if p.Field == field {
			return p, true
		}
	}
	return Problem{}, false
}

// Validate checks what can be checked without the store: required fields,
// known enum values, a known zone and an end after the start.
func (e Engagement) Validate() error {
	var ps []Problem
	add := func(field, code, msg string, args map[string]any) {
		ps = append(ps, Problem{Field: field, Code: code, Message: msg, Args: args})
	}
	if strings.TrimSpace(e.Title) == "" {
		add("title", "validation.title_required", "a title is required", nil)
	}
	if e.LeaderID == 0 {
		add("leader", "validation.leader_required", "choose a leader", nil)
	}
	if !e.Kind.Valid() {
		add("kind", "validation.kind_unknown", "unknown kind", map[string]any{"Value": string(e.Kind)})
	}
	if !e.Status.Valid() {
		add("status", "validation.status_unknown", "unknown status", map[string]any{"Value": string(e.Status)})
	}
	if !e.Classification.Valid() {
		add("classification", "validation.classification_unknown", "unknown classification", map[string]any{"Value": string(e.Classification)})
	}
	if !e.Source.Valid() {
		add("source", "validation.source_unknown", "unknown source", map[string]any{"Value": string(e.Source)})
	}
	if e.ZoneName != "" {
		if _, err := loadZone(e.ZoneName); err != nil {
			add("zone", "validation.zone_unknown", "unknown time zone", map[string]any{"Value": e.ZoneName})
		}
	}
	if e.AllDay {
		if e.StartDay.IsZero() || e.EndDay.IsZero() {
			add("start", "validation.date_required", "start and end dates are required", nil)
		} else if !e.StartDay.Before(e.EndDay) {
			add("end", "validation.end_before_start", "the end must be after the start", nil)
		}
	} else {
		if e.Start.IsZero() || e.End.IsZero() {
			add("start", "validation.time_required", "start and end times are required", nil)
		} else if !e.End.After(e.Start) {
			add("end", "validation.end_before_start", "the end must be after the start", nil)
		}
	}
	if e.Sequence < 0 {
		add("sequence", "validation.sequence_negative", "the version number (SEQUENCE) cannot be negative", map[string]any{"Value": e.Sequence})
	}
	if len(ps) == 0 {
		ps = append(ps, e.storableProblems()...)
	}
	if len(ps) == 0 {
		ps = append(ps, e.recurrenceProblems()...)
	}
	if len(ps) > 0 {
		return &ValidationError{Problems: ps}
	}
	return nil
}
