package calendar

import (
	"context"
	"strings"
)

// searchYears is how far a search looks either side of today: the working
// calendar, not the whole history.
const searchYears = 1

// Searchable is what a search looks through, read once: the leader's
// engagements, occurrences of series included, from a year before today to
// a year after. A search as the user types finds in it on every
// keystroke, where reading two years of a decade-old calendar each time
// took a quarter of a second at a million engagements.
type Searchable struct {
	items  []Engagement
	fields [][4]string // each item's title, place, organiser and notes, lower-cased
}

// Searchable reads the leader's engagements of the searched years, from a
// year before today to a year after.
func (s *Service) Searchable(ctx context.Context, leader Leader) (*Searchable, error) {
	loc, err := leader.Location()
	if err != nil {
		return nil, err
	}
	today := DateOf(s.Now().In(loc))
	from := NewDate(today.Year-searchYears, today.Month, 1)
	to := NewDate(today.Year+searchYears, today.Month, 1)
	items, err := s.Agenda(ctx, leader, from, to)
	if err != nil {
		return nil, err
	}
	x := &Searchable{items: items, fields: make([][4]string, len(items))}
	for i, e := range items {
		// ToLower returns a text with nothing to lower as it is: most cost no copy.
		x.fields[i] = [4]string{strings.ToLower(e.Title), strings.ToLower(e.Location), strings.ToLower(e.Organiser), strings.ToLower(e.Notes)}
	}
	return x, nil
}

// Find returns the items whose title, place, organiser or notes contain
// query (any case; Chinese matches by substring), ordered by start; at
// most limit of them, and whether more matched.
func (x *Searchable) Find(query string, limit int) ([]Engagement, bool) {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return nil, false
	}
	var out []Engagement
	for i, e := range x.items {
		if !containsAny(x.fields[i], q) {
			continue
		}
		if len(out) == limit {
			return out, true
		}
		out = append(out, e)
	}
	return out, false
}

func containsAny(fields [4]string, q string) bool {
	for _, f := range fields {
		if strings.Contains(f, q) {
			return true
		}
	}
	return false
}
