package review

import (
	"context"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// Store is what the review needs: the desk's store (booking's with it)
// and the Friday reviews: the decision taken on each item, what was
// carried over, and each closed review, in one transaction when asked.
// Package data implements it. Reads of single records return
// calendar.ErrNotFound when there is none.
type Store interface {
	desk.Store
	// ReviewTx is calendar.Store's WithTx for the review: fn gets the
	// store bound to one write transaction, joined when already in one.
	ReviewTx(ctx context.Context, fn func(Store) error) error

	// ReviewMarks returns the decisions of the leader's review of w, in
	// the order they were taken.
	ReviewMarks(ctx context.Context, leaderID int64, w calendar.Week) ([]ReviewMark, error)
	// MarksOf returns every decision taken on the items whose keys are
	// given, in any week, oldest first.
	MarksOf(ctx context.Context, leaderID int64, keys []string) ([]ReviewMark, error)
	// AddReviewMark stores m and sets m.ID. A second decision on the same
	// item in the same week, or any decision once the week's review is
	// closed, is refused.
	AddReviewMark(ctx context.Context, m *ReviewMark) error
	// DeleteReviewMark takes back a decision of an open review.
	DeleteReviewMark(ctx context.Context, id int64) error

	CarryOver(ctx context.Context, id int64) (CarryOver, error)
	// CarryOverFrom returns the carry-over of origin, the stored key of
	// the item carried.
	CarryOverFrom(ctx context.Context, leaderID int64, origin string) (CarryOver, error)
	// CarryOversInto returns the carry-overs that booked the engagements
	// with these IDs.
	CarryOversInto(ctx context.Context, engagementIDs []int64) ([]CarryOver, error)
	// ToSchedule returns the leader's to-schedule list: the carry-overs
	// waiting for a slot, those due first first.
	ToSchedule(ctx context.Context, leaderID int64) ([]CarryOver, error)
	// CreateCarryOver stores c and sets c.ID; an origin carried already
	// is refused.
	CreateCarryOver(ctx context.Context, c *CarryOver) error
	// UpdateCarryOver stores c's week, count, state and engagement.
	UpdateCarryOver(ctx context.Context, c *CarryOver) error
	// DeleteCarryOver removes a carry-over whose decision was taken back.
	DeleteCarryOver(ctx context.Context, id int64) error

	// Review returns the leader's closed review of w.
	Review(ctx context.Context, leaderID int64, w calendar.Week) (ReviewRecord, error)
	// CreateReview records a closed review and sets r.ID; a week is
	// closed once.
	CreateReview(ctx context.Context, r *ReviewRecord) error
}
