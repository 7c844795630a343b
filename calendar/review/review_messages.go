package review

import (
	"errors"

	"anteroom/calendar"
)

// Errors of the Friday review; the error is a *ReviewError that says
// which item or week, in the user's language by its Code.
var (
	// ErrReviewClosed: the week's review is closed and reads only.
	ErrReviewClosed = errors.New("the review is closed")
	// ErrDecided: the item is marked done already; done is final.
	ErrDecided = errors.New("already decided")
	// ErrUndecided: the review cannot close while items wait for a decision.
	ErrUndecided = errors.New("items are not decided")
	// ErrNotInReview: the item is not one of the week's.
	ErrNotInReview = errors.New("not an item of the review")
)

// ReviewError is a refusal of the Friday review, Translatable.
type ReviewError struct {
	code string
	args map[string]any
	err  error // one of the sentinels above, or ErrInvalid
}

func (e *ReviewError) Error() string { return calendar.Fill(englishReview[e.code], e.args) }

// Code is the message key.
func (e *ReviewError) Code() string { return e.code }

// Args fill the message's placeholders.
func (e *ReviewError) Args() map[string]any { return e.args }

// Unwrap lets callers test errors.Is with the sentinels above.
func (e *ReviewError) Unwrap() error { return e.err }

var _ calendar.Translatable = (*ReviewError)(nil)

func reviewError(err error, code string, args map[string]any) *ReviewError {
	return &ReviewError{code: code, args: args, err: err}
}

// englishReview are the English texts of the review's messages; the
// translations live in assets/translations.
var englishReview = map[string]string{
	"review.closed":          "the review of {{.Week}} was closed on {{.When}} by {{.Who}}; it can be read, not changed",
	"review.already_done":    "{{.ID}} is already marked done in the review of {{.Week}}",
	"review.undo_refused":    "the decision on {{.ID}} in the review of {{.Week}} filed materials or moved a visit, which stay as they are; it cannot be undone",
	"review.already_carried": "{{.ID}} was carried over in the review of {{.Week}}; decide on it where it went",
	"review.undecided":       "{{.Count}} item(s) of {{.Week}} are neither done nor carried over: {{.IDs}}",
	"review.not_in_week":     "{{.ID}} is not an item of the review of {{.Week}}",
	"review.materials_slot":  "briefing materials have no time of their own: carried over, they stay open and come up again next week",
	"review.carry_too_early": "{{.When}} is not after the reviewed week {{.Week}}: a carried item goes to a later week",
	"review.carry_length":    "{{.ID}} lasts longer than a day: put it on the to-schedule list and book it by hand",
}
