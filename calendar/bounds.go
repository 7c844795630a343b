package calendar

import "time"

// Bounds past which a booking or a review decision is more likely a slip
// of the keyboard (an end a century on, a review of 1999-W01) than a
// plan. Nothing forbids them: callers ask for confirmation (--force on
// the command line) rather than refuse.
const (
	// LongestUsualEngagement is a month: the longest trips and
	// secondments a leader's office books.
	LongestUsualEngagement = 31 * 24 * time.Hour
	// FarthestUsualBooking is how far from now a start usually lies.
	FarthestUsualBooking = 5 * 366 * 24 * time.Hour
	// FarthestUsualReview is how many weeks from this week a review
	// usually is: a year, either way.
	FarthestUsualReview = 53
)

// UnusuallyLong reports whether an engagement from start to end lasts
// longer than LongestUsualEngagement.
func UnusuallyLong(start, end time.Time) bool {
	return end.Sub(start) > LongestUsualEngagement
}

// UnusuallyFar reports whether start lies more than FarthestUsualBooking
// from now, before or after.
func UnusuallyFar(start, now time.Time) bool {
	d := start.Sub(now)
	return d > FarthestUsualBooking || -d > FarthestUsualBooking
}

// UnusualReviewWeek reports whether w is more than FarthestUsualReview
// weeks from the week this is in.
func UnusualReviewWeek(w, this Week) bool {
	return w.Compare(this.AddWeeks(-FarthestUsualReview)) < 0 || w.Compare(this.AddWeeks(FarthestUsualReview)) > 0
}
