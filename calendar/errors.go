package calendar

import "errors"

// Sentinel errors shared by the domain and its stores; compare with errors.Is.
var (
	// ErrNotFound is returned when a leader or engagement does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid wraps every validation failure; the concrete error is a *ValidationError.
	ErrInvalid = errors.New("invalid")
)
