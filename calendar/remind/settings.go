package remind

import (
	"time"

	"anteroom/calendar"
)

// Settings are the office's reminder defaults.
type Settings struct {
	// Before is the lead for each kind of engagement; a kind missing
	// from the map does not remind.
	Before map[calendar.Kind]Lead
	// DueAt is the time of day, in the leader's zone, that materials due
	// that day are reminded of.
	DueAt time.Duration
}

// DefaultSettings are the defaults a new desk starts with: a quarter of
// an hour before meetings and visits, half an hour before activities
// (they often mean a drive), none for blocked time; due materials at 9:00.
func DefaultSettings() Settings {
	return Settings{
		Before: map[calendar.Kind]Lead{
			calendar.KindMeeting:  Lead(15 * time.Minute),
			calendar.KindVisit:    Lead(15 * time.Minute),
			calendar.KindActivity: Lead(30 * time.Minute),
			calendar.KindBlocked:  Off,
		},
		DueAt: 9 * time.Hour,
	}
}

// LeadFor returns the default lead of kind k.
func (s Settings) LeadFor(k calendar.Kind) Lead {
	if l, ok := s.Before[k]; ok {
		return l
	}
	return Off
}

// longestLead is the longest lead any item may have: the window sources
// look ahead by to find reminders that fire now.
func (s Settings) longestLead() time.Duration {
	longest := MaxLead
	for _, l := range s.Before {
		if time.Duration(l) > longest {
			longest = time.Duration(l)
		}
	}
	return longest
}

// MaxLead is the longest lead the editor offers, one day.
const MaxLead = 24 * time.Hour
