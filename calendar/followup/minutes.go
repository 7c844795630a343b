package followup

import (
	"time"

	"anteroom/calendar"
)

// MinutesState is where minutes are on their way to being issued.
type MinutesState string

// The states of minutes, in order: written, handed up for sign-off,
// signed by the leader, issued as a numbered document.
const (
	MinutesDraft     MinutesState = "draft"
	MinutesSubmitted MinutesState = "submitted"
	MinutesSigned    MinutesState = "signed"
	MinutesIssued    MinutesState = "issued"
)

// Decision is one of the meeting's decisions (议定事项), numbered from 1
// in the order the minutes list them.
type Decision struct {
	N    int
	Text string
}

// Meeting is the copy of a meeting's particulars the minutes keep, so
// that they outlive the engagement. Gone and Cancelled are not stored:
// the service says so on every read.
type Meeting struct {
	EngagementID   int64
	UID            string
	RecurrenceID   time.Time // the occurrence of a series; zero for a single meeting
	LeaderID       int64
	Title          string
	Location       string
	Organiser      string
	Start, End     time.Time
	ZoneName       string
	Classification calendar.Classification

	Gone      bool // the engagement was deleted
	Cancelled bool // the engagement is cancelled
}

// Confidential reports whether the meeting's title may be shown only at
// the full level.
func (m Meeting) Confidential() bool { return m.Classification == calendar.ClassConfidential }

// Minutes are the written record of a meeting (会议纪要).
type Minutes struct {
	ID      int64
	Meeting Meeting
	State   MinutesState

	ChairedBy string
	Attendees []string
	Decisions []Decision
	Text      string // free text: background, discussion

	SignedBy string
	SignedAt time.Time

	DocNumber string        // 文号
	IssuedOn  calendar.Date // 印发日期
	IssuedTo  []string      // units it was sent to

	Created time.Time
	Updated time.Time
}

// Decision returns decision n and whether there is one.
func (m Minutes) Decision(n int) (Decision, bool) {
	for _, d := range m.Decisions {
		if d.N == n {
			return d, true
		}
	}
	return Decision{}, false
}

// Subject returns what the minutes' audit trail belongs to.
func (m Minutes) Subject() Subject { return Subject{Minutes: m.ID} }

// Draft is a change to draft minutes; a nil field keeps what is stored.
type Draft struct {
	ChairedBy *string
	Attendees []string // nil keeps them; empty clears them
	Decisions []string // the decisions' texts in order; nil keeps them
	Text      *string
}
