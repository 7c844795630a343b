package review

import (
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// The Friday review (周五梳理): every Friday the secretary goes through the
// leader's week. Each engagement and each open set of briefing materials
// is marked done, which files it and its materials, or not done, which
// carries it over into next week: into a free slot the conflict engine
// offers, or onto the to-schedule list. Closing the review records it;
// it can be read again but no longer changed.

// CarryWarnAt is how often an item may be carried over before it stands
// out: something put off three weeks running needs a word with the leader.
const CarryWarnAt = 3

// Outcome is what the review decided for an item.
type Outcome string

// The decisions of a review.
const (
	OutcomeDone    Outcome = "done"    // it happened, or was dealt with: filed
	OutcomeCarried Outcome = "carried" // it did not: it moves on to a later week
)

// CarryState is where a carried-over item stands.
type CarryState string

// The states of a carried-over item.
const (
	CarryToSchedule CarryState = "to_schedule" // on the to-schedule list, waiting for a slot
	CarryBooked     CarryState = "booked"      // booked as an engagement of its own
	CarryDropped    CarryState = "dropped"     // a later review marked it done while on the list
)

// CarryOver is one engagement or occurrence that was not done and moved
// on. It keeps what the item was, to book it again, and its link to the
// origin, which makes carrying idempotent: an origin is carried once.
type CarryOver struct {
	ID       int64
	LeaderID int64
	Origin   ItemRef       // what was carried: an engagement (E) or an occurrence (S)
	FromWeek calendar.Week // the review that first carried it
	ToWeek   calendar.Week // the week it is due in now
	Times    int           // how often the item has been carried, this time included

	State        CarryState
	EngagementID int64 // the engagement it was booked as; 0 until booked
	VisitID      int64 // the booked visit request that moves with it; 0 when none

	// What to book: the origin's particulars.
	Kind           calendar.Kind
	Title          string
	Location       string
	Notes          string
	Organiser      string
	Classification calendar.Classification
	Status         calendar.Status // confirmed or tentative, as the origin was
	Length         time.Duration   // of a timed item
	Days           int             // of an all-day item; 0 for a timed one

	Created time.Time
	Updated time.Time
}

// Ref returns the name of the to-schedule entry: T5.
func (c CarryOver) Ref() ItemRef { return ItemRef{Kind: RefToSchedule, ID: c.ID} }

// CarriedStatus is the status the item is booked with again: tentative
// stays tentative; anything else is confirmed (a cancelled origin is
// cancelled because it was carried, not called off).
func (c CarryOver) CarriedStatus() calendar.Status {
	if c.Status == calendar.StatusTentative {
		return calendar.StatusTentative
	}
	return calendar.StatusConfirmed
}

// AllDay reports whether the item takes whole days.
func (c CarryOver) AllDay() bool { return c.Days > 0 }

// ReviewMark is the decision a review took on one item, with the item as
// it was then, so that a closed review reads the same however the
// calendar changes later.
type ReviewMark struct {
	ID       int64
	LeaderID int64
	Week     calendar.Week
	Item     ItemRef
	Outcome  Outcome
	Note     string
	At       time.Time
	Who      string

	// The item as reviewed.
	Title    string
	Kind     calendar.Kind // an engagement's kind; empty for materials
	Start    time.Time     // zero for materials and to-schedule entries
	End      time.Time
	AllDay   bool
	Detail   string // an engagement's location, materials' sender
	Times    int    // how often it had been carried before this decision
	CarryID  int64  // carried: the carry-over that holds it now
	Archived int    // done: how many sets of materials this filed
}

// ReviewRecord is a closed review: when, by whom, and what it decided.
type ReviewRecord struct {
	ID       int64
	LeaderID int64
	Week     calendar.Week
	Closed   time.Time
	By       string
	Done     int // items marked done
	Carried  int // items carried over
	Archived int // sets of briefing materials filed
	Note     string
}

// ReviewItem is one line of a week's review.
type ReviewItem struct {
	Ref ItemRef
	// Engagement is the engagement or occurrence (E, S), or for a
	// to-schedule entry (T) what it would book; in a closed review, the
	// item as it was reviewed.
	Engagement calendar.Engagement
	Material   desk.Material // briefing materials (M)
	ToSchedule CarryOver     // a to-schedule entry (T)
	Times      int           // how often it was carried over before this week
	Mark       *ReviewMark
}

// Title is what the item is called.
func (it ReviewItem) Title() string {
	if it.Ref.Kind == RefMaterial {
		return it.Material.Title
	}
	return it.Engagement.Title
}

// Decided reports whether the review has marked the item.
func (it ReviewItem) Decided() bool { return it.Mark != nil }

// CarriedTimes is how often the item has been carried over, counting a
// carry this week.
func (it ReviewItem) CarriedTimes() int {
	if it.Mark != nil && it.Mark.Outcome == OutcomeCarried {
		return it.Times + 1
	}
	return it.Times
}

// StandsOut reports whether the item has been carried over CarryWarnAt
// times or more.
func (it ReviewItem) StandsOut() bool { return it.CarriedTimes() >= CarryWarnAt }

// WeekReview is a leader's week as the review sees it.
type WeekReview struct {
	Leader calendar.Leader
	Week   calendar.Week
	// Items are the week's engagements and occurrences in order of
	// start, then the to-schedule entries due, then the open briefing
	// materials.
	Items []ReviewItem
	// Record is set once the review is closed; it then reads as closed
	// and changes nothing.
	Record *ReviewRecord
}

// Closed reports whether the review is closed.
func (r WeekReview) Closed() bool { return r.Record != nil }

// Item returns the item ref names, if the review has it.
func (r WeekReview) Item(ref ItemRef) (ReviewItem, bool) {
	for _, it := range r.Items {
		if it.Ref.Same(ref) {
			return it, true
		}
	}
	return ReviewItem{}, false
}

// Counts returns how many items are marked done, carried, and not yet decided.
func (r WeekReview) Counts() (done, carried, open int) {
	for _, it := range r.Items {
		switch {
		case it.Mark == nil:
			open++
		case it.Mark.Outcome == OutcomeDone:
			done++
		default:
			carried++
		}
	}
	return done, carried, open
}

// CarryResult is what carrying an item did.
type CarryResult struct {
	Mark      ReviewMark
	CarryOver CarryOver            // where the item is now; zero for materials, which stay where they are
	Booked    *calendar.Engagement // the engagement it was booked as; nil when it went onto the to-schedule list
	Findings  []calendar.Finding   // what the rules said of the booking: warnings only
	Again     bool                 // it had been carried already: nothing changed
}
