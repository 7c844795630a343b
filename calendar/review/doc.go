// Package review is the Friday review: each week's items, the decision
// taken on each, carry-overs, the to-schedule list and the closed record.
// Its Service takes review.Store at construction and works through the
// desk and booking, all in the review's transaction.
package review
