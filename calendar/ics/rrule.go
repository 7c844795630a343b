package ics

import "anteroom/calendar/rrule"

// rule is a recurrence rule as the one grammar (package calendar/rrule)
// reads it, with what the reader looks at: UNTIL as written, the RFC 7529
// calendar scale, and the parts dropped (unknown names, empty values).
type rule struct {
	rrule.Rule
	until   string   // the UNTIL part as written, "" when none
	rscale  string   // RFC 7529 RSCALE, "" for the Gregorian default
	ignored []string // parts dropped, as NAME=VALUE
}

// parseRule reads a RECUR value with the grammar; the error describes the
// first fault in English, for the import.error.bad_rrule message.
func parseRule(s string) (rule, error) {
	g, err := rrule.Parse(s)
	if err != nil {
		return rule{}, err
	}
	r := rule{Rule: g}
	r.until, _ = g.Get("UNTIL")
	r.rscale, _ = g.Get("RSCALE")
	for _, p := range g.Ignored {
		r.ignored = append(r.ignored, p.Name+"="+p.Value)
	}
	return r, nil
}
