package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"anteroom/calendar"
	"anteroom/calendar/review"
)

// recordDecision lets Undo take back the Friday review's decision on it,
// just taken in the review of w: the item waits for a decision again and
// what the decision booked or cancelled is as before (see
// review.UndoDecision for what cannot be taken back).
func (d *weekDesk) recordDecision(w calendar.Week, it review.ReviewItem) {
	m := d.m
	leaderID := d.leader().ID
	m.undo.push(undoStep{what: titled("the review decision on “{{.Title}}”", calendar.Engagement{Title: it.Title()}),
		revert: func(ctx context.Context, o *overrideReason) error {
			u := review.Undo{Who: m.user}
			if o != nil {
				u.Who, u.Reason = o.who, o.reason
			}
			err := m.reviewSvc.UndoDecision(ctx, leaderID, w, it.Ref, it.Engagement, u)
			if d.review != nil {
				d.review.reload()
			}
			return err
		}})
}

// hookReviewUndo makes Ctrl+Z in the review window undo as in the main one.
func (d *weekDesk) hookReviewUndo(win fyne.Window) {
	win.Canvas().AddShortcut(undoShortcut, func(fyne.Shortcut) { d.m.undoLast() })
}
