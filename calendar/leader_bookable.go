package calendar

// An archived leader takes no new bookings; what they had stays, to be
// read, edited or cancelled.

// CheckBookable refuses new engagements for an archived leader, naming
// them; it returns nil for a leader in use.
func CheckBookable(l Leader) error {
	if l.Active() {
		return nil
	}
	return &ValidationError{Problems: []Problem{NewProblem("leader", "validation.leader_archived",
		"{{.Name}} is archived: nothing new can be booked for them until they are restored",
		map[string]any{"Name": l.Name})}}
}

// checkNewBooking refuses e, not yet stored, when its leader is archived.
// A first change to one occurrence of a stored series is stored as a new
// row too, but changes what was booked: it passes.
func checkNewBooking(l Leader, e Engagement) error {
	if e.IsOccurrence() {
		return nil
	}
	return CheckBookable(l)
}
