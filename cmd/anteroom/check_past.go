package main

import "anteroom/calendar"

// againstTheSlot are the findings that say the time is not free: all but
// the warning that it lies in the past, which check still prints — a past
// slot is free, booking it is the secretary's call.
func againstTheSlot(fs []calendar.Finding) []calendar.Finding {
	var out []calendar.Finding
	for _, f := range fs {
		if f.Rule != calendar.RulePast {
			out = append(out, f)
		}
	}
	return out
}
