package calendar

import (
	"context"
	"strings"
)

// searchYears is how far Search looks either side of today: the working
// calendar, not the whole history.
const searchYears = 1

// Search returns the leader's engagements, occurrences of series included,
// whose title, place, organiser or notes contain query (any case; Chinese
// matches by substring), from a year before today to a year after,
// ordered by start; at most limit of them, and whether more matched.
func (s *Service) Search(ctx context.Context, leader Leader, query string, limit int) ([]Engagement, bool, error) {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return nil, false, nil
	}
	loc, err := leader.Location()
	if err != nil {
		return nil, false, err
	}
	today := DateOf(s.Now().In(loc))
	from := NewDate(today.Year-searchYears, today.Month, 1)
	to := NewDate(today.Year+searchYears, today.Month, 1)
	items, err := s.Agenda(ctx, leader, from, to)
	if err != nil {
		return nil, false, err
	}
	var out []Engagement
	for _, e := range items {
		if !Matches(e, q) {
			continue
		}
		if len(out) == limit {
			return out, true, nil
		}
		out = append(out, e)
	}
	return out, false, nil
}

// Matches reports whether the lower-cased query q is in e's title, place,
// organiser or notes.
func Matches(e Engagement, q string) bool {
	for _, f := range []string{e.Title, e.Location, e.Organiser, e.Notes} {
		if strings.Contains(strings.ToLower(f), q) {
			return true
		}
	}
	return false
}
