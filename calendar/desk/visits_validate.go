package desk

import (
	"strings"
	"unicode/utf8"

	"anteroom/calendar"
)

// maxVisitors bounds the head count of one request: a delegation, not a crowd.
const maxVisitors = 500

// maxText bounds any one text field of the visits desk, in characters.
const maxText = 2000

// Validate checks a new visit request: who asks, why, how many, and
// preferred times that end after they start. It trims the text fields
// and drops people without a name.
func (r *VisitRequest) Validate() error {
	r.Org, r.Phone = strings.TrimSpace(r.Org), strings.TrimSpace(r.Phone)
	r.ReferredBy, r.Purpose = strings.TrimSpace(r.ReferredBy), strings.TrimSpace(r.Purpose)
	people := r.People[:0]
	for _, p := range r.People {
		p.Name, p.Title, p.Phone = strings.TrimSpace(p.Name), strings.TrimSpace(p.Title), strings.TrimSpace(p.Phone)
		if p.Name != "" {
			people = append(people, p)
		}
	}
	r.People = people
	if r.Visitors == 0 {
		r.Visitors = max(len(r.People), 1)
	}

	var ps []calendar.Problem
	if r.LeaderID == 0 {
		ps = append(ps, calendar.NewProblem("leader", "validation.leader_required", "choose a leader", nil))
	}
	if r.Org == "" {
		ps = append(ps, calendar.NewProblem("org", "validation.org_required", "name the organisation that asks", nil))
	}
	if len(r.People) == 0 {
		ps = append(ps, calendar.NewProblem("person", "validation.person_required", "name at least one person who wants to come", nil))
	}
	if r.Purpose == "" {
		ps = append(ps, calendar.NewProblem("purpose", "validation.purpose_required", "say what the visit is about", nil))
	}
	if r.Visitors < len(r.People) || r.Visitors > maxVisitors {
		ps = append(ps, calendar.NewProblem("visitors", "validation.visitors_range", "the number of visitors must be from {{.Min}} to {{.Max}}",
			map[string]any{"Min": max(len(r.People), 1), "Max": maxVisitors}))
	}
	for _, w := range r.Windows {
		if w.Start.IsZero() || !w.End.After(w.Start) {
			ps = append(ps, calendar.NewProblem("want", "validation.window_invalid", "a preferred time must end after it starts", nil))
			break
		}
	}
	texts := []string{r.Org, r.Phone, r.ReferredBy, r.Purpose}
	for _, p := range r.People {
		texts = append(texts, p.Name, p.Title, p.Phone)
	}
	ps = append(ps, TooLong(texts...)...)
	if len(ps) > 0 {
		return &calendar.ValidationError{Problems: ps}
	}
	return nil
}

// Validate checks materials added by hand or created for a declined
// visit: they need a title and a leader.
func (m *Material) Validate() error {
	m.Title, m.From = strings.TrimSpace(m.Title), strings.TrimSpace(m.From)
	var ps []calendar.Problem
	if m.LeaderID == 0 {
		ps = append(ps, calendar.NewProblem("leader", "validation.leader_required", "choose a leader", nil))
	}
	if m.Title == "" {
		ps = append(ps, calendar.NewProblem("title", "validation.title_required", "a title is required", nil))
	}
	ps = append(ps, TooLong(m.Title, m.From)...)
	if len(ps) > 0 {
		return &calendar.ValidationError{Problems: ps}
	}
	return nil
}

// TooLong names the first text over maxText characters.
func TooLong(texts ...string) []calendar.Problem {
	for _, t := range texts {
		if utf8.RuneCountInString(t) > maxText {
			return []calendar.Problem{calendar.NewProblem("text", "validation.text_too_long", "a text is longer than {{.Max}} characters", map[string]any{"Max": maxText})}
		}
	}
	return nil
}

// required returns a problem on field when text is blank.
func required(field, code, msg, text string) error {
	if strings.TrimSpace(text) == "" {
		return &calendar.ValidationError{Problems: []calendar.Problem{calendar.NewProblem(field, code, msg, nil)}}
	}
	if ps := TooLong(text); ps != nil {
		return &calendar.ValidationError{Problems: ps}
	}
	return nil
}
