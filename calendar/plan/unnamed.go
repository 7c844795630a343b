package plan

import "anteroom/calendar"

// placeholderNames are the names the first leader gets before anyone names
// them (the UI's and CLI's "Leader" in either language); a plan whose
// leaders all still carry one would print it on every row, so it leaves
// the leader column out.
var placeholderNames = map[string]bool{"": true, "Leader": true, "领导": true}

// unnamed reports whether no leader of the plan has been given a name.
func unnamed(leaders []calendar.Leader) bool {
	for _, l := range leaders {
		if !placeholderNames[l.Name] {
			return false
		}
	}
	return true
}
