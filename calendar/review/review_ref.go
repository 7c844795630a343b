package review

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"anteroom/calendar"
)

// RefKind says what a review item is; it is the first letter of its ID.
type RefKind byte

// The kinds of review item.
const (
	RefEngagement RefKind = 'E' // an engagement, or an override of one occurrence of a series
	RefOccurrence RefKind = 'S' // an occurrence of a series, by the series and its original start
	RefMaterial   RefKind = 'M' // briefing materials
	RefToSchedule RefKind = 'T' // an entry of the to-schedule list: carried over, not yet booked
)

// ItemRef names one item of a week's review, the same way in the UI, on
// the command line and in storage:
//
//	E12                  engagement 12
//	S7@2026-11-25T09:00  the occurrence of series 7 that the rule starts
//	                     then (RECURRENCE-ID, in the leader's zone); an
//	                     overridden occurrence keeps this name
//	M3                   briefing materials 3
//	T5                   entry 5 of the to-schedule list
//
// An occurrence has no ID of its own until it is edited, and its override's
// ID changes nothing about which occurrence it is: the series and the
// original start name it for good (RFC 5545 §3.8.4.4).
type ItemRef struct {
	Kind RefKind
	ID   int64     // engagement, series, materials or to-schedule ID
	At   time.Time // an occurrence's original start; zero for the others
}

// RefOf returns the name of an engagement or occurrence as a review item.
func RefOf(e calendar.Engagement) ItemRef {
	if e.IsOccurrence() {
		return ItemRef{Kind: RefOccurrence, ID: e.SeriesID, At: e.RecurrenceID}
	}
	return ItemRef{Kind: RefEngagement, ID: e.ID}
}

// keyStamp is how an occurrence's start is kept in a stored key: UTC, as
// iCalendar writes it (RFC 5545 §3.3.5), so a change of zone leaves it be.
const keyStamp = "20060102T150405Z"

// textStamp is how an occurrence's start is shown, in the leader's zone.
const textStamp = "2006-01-02T15:04"

// Key is the stored form: E12, S7@20261125T010000Z, M3, T5.
func (r ItemRef) Key() string {
	if r.Kind == RefOccurrence {
		return "S" + strconv.FormatInt(r.ID, 10) + "@" + r.At.UTC().Format(keyStamp)
	}
	return string(rune(r.Kind)) + strconv.FormatInt(r.ID, 10)
}

// Text is the form people read and type: an occurrence's start in loc,
// to the minute (S7@2026-11-25T09:00); the others as Key.
func (r ItemRef) Text(loc *time.Location) string {
	if r.Kind == RefOccurrence {
		return "S" + strconv.FormatInt(r.ID, 10) + "@" + r.At.In(loc).Format(textStamp)
	}
	return r.Key()
}

// IsZero reports whether r names nothing.
func (r ItemRef) IsZero() bool { return r.Kind == 0 }

// Same reports whether r and o name the same item: an occurrence's start
// is compared to the minute, as Text shows it.
func (r ItemRef) Same(o ItemRef) bool {
	if r.Kind != o.Kind || r.ID != o.ID {
		return false
	}
	return r.Kind != RefOccurrence || r.At.Truncate(time.Minute).Equal(o.At.Truncate(time.Minute))
}

// ParseItemRef reads an item's name as Key or Text write it, in either
// case. An occurrence's start may be in UTC (20261125T010000Z), RFC 3339,
// or a wall time in loc (2026-11-25T09:00, also with a space); loc may be
// nil when the text has no wall time. A malformed name is a
// *ValidationError on the field "id".
func ParseItemRef(s string, loc *time.Location) (ItemRef, error) {
	bad := func() (ItemRef, error) {
		return ItemRef{}, &calendar.ValidationError{Problems: []calendar.Problem{calendar.NewProblem("id", "review.ref_format",
			"“{{.Value}}” names no review item: E12, S7@2026-11-25T09:00, M3 or T5", map[string]any{"Value": s})}}
	}
	t := strings.TrimSpace(s)
	if len(t) < 2 {
		return bad()
	}
	kind := RefKind(strings.ToUpper(t[:1])[0])
	rest := t[1:]
	switch kind {
	case RefEngagement, RefMaterial, RefToSchedule:
		id, err := strconv.ParseInt(rest, 10, 64)
		if err != nil || id <= 0 {
			return bad()
		}
		return ItemRef{Kind: kind, ID: id}, nil
	case RefOccurrence:
		idText, at, ok := strings.Cut(rest, "@")
		id, err := strconv.ParseInt(idText, 10, 64)
		if !ok || err != nil || id <= 0 {
			return bad()
		}
		start, ok := parseRefStart(at, loc)
		if !ok {
			return bad()
		}
		return ItemRef{Kind: RefOccurrence, ID: id, At: start}, nil
	}
	return bad()
}

// parseRefStart reads an occurrence's start in one of the forms
// ParseItemRef accepts.
func parseRefStart(s string, loc *time.Location) (time.Time, bool) {
	s = strings.ToUpper(s) // "either case": 2026-11-25t09:00 too
	if t, err := time.Parse(keyStamp, s); err == nil {
		return t, true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	if loc == nil {
		return time.Time{}, false
	}
	for _, layout := range []string{textStamp, "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// ParseKey reads a stored key; a key the store holds is always well formed.
func ParseKey(key string) (ItemRef, error) {
	r, err := ParseItemRef(key, nil)
	if err != nil {
		return ItemRef{}, fmt.Errorf("review item key %q: %w", key, err)
	}
	return r, nil
}
