package ics

import (
	"strings"

	"anteroom/calendar"
)

// Anteroom's own properties of an item, which other producers neither
// write nor need: the kind of engagement and the office that organises
// it (主办单位; not ORGANIZER, which is a calendar user's address). They
// let a book shared through a server keep what only Anteroom knows; a
// file without them reads as before. Redact drops them below full.
const (
	kindProperty      = "X-ANTEROOM-KIND"
	organiserProperty = "X-ANTEROOM-ORGANISER"
)

// readKind is the kind an X-ANTEROOM-KIND value names; "" for a value
// Anteroom does not know (a newer version's kind is left to the importer).
func readKind(value string) calendar.Kind {
	k, err := calendar.ParseKind(strings.ToLower(strings.TrimSpace(value)))
	if err != nil {
		return ""
	}
	return k
}
