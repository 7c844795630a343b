package calendar

import "fmt"

// Kind says what an engagement is; it decides its colour and, later, its rules.
type Kind string

// The kinds of engagement the office books.
const (
	KindMeeting  Kind = "meeting"  // 会议
	KindVisit    Kind = "visit"    // 会客
	KindActivity Kind = "activity" // 公务活动: inspection, trip, ceremony
	KindBlocked  Kind = "blocked"  // 不可安排: time nobody may book
)

// Kinds lists every kind in display order.
var Kinds = []Kind{KindMeeting, KindVisit, KindActivity, KindBlocked}

// Status is an engagement's state; cancelled ones stay stored but free their slot.
type Status string

// Engagement states, named as in RFC 5545 §3.8.1.11 STATUS.
const (
	StatusConfirmed Status = "confirmed"
	StatusTentative Status = "tentative"
	StatusCancelled Status = "cancelled"
)

// Statuses lists every status in display order.
var Statuses = []Status{StatusConfirmed, StatusTentative, StatusCancelled}

// Classification decides what other offices see of an engagement.
type Classification string

// Classification levels, from most to least visible.
const (
	ClassPublic       Classification = "public"
	ClassInternal     Classification = "internal"
	ClassConfidential Classification = "confidential"
)

// Classifications lists every level in display order.
var Classifications = []Classification{ClassPublic, ClassInternal, ClassConfidential}

// Source records how an engagement came into the calendar.
type Source string

// Where engagements come from.
const (
	SourceManual   Source = "manual"
	SourceImported Source = "imported"
	SourceVisit    Source = "visit"
)

// ParseKind accepts a kind's name as stored and typed on the command line.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("%w: unknown kind %q (want meeting, visit, activity or blocked)", ErrInvalid, s)
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { _, err := ParseKind(string(k)); return err == nil }

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if v == s {
			return true
		}
	}
	return false
}

// Valid reports whether c is one of Classifications.
func (c Classification) Valid() bool {
	for _, v := range Classifications {
		if v == c {
			return true
		}
	}
	return false
}

// Valid reports whether s is a known source.
func (s Source) Valid() bool {
	return s == SourceManual || s == SourceImported || s == SourceVisit
}
