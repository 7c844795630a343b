package calendar

import (
	"errors"
	"time"
)

// Sentinel errors shared by the domain and its stores; compare with errors.Is.
var (
	// ErrNotFound is returned when a leader or engagement does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid wraps every validation failure; the concrete error is a *ValidationError.
	ErrInvalid = errors.New("invalid")
	// ErrBusy means another program held the calendar's write lock for
	// longer than a change waits; the error is a *BusyError.
	ErrBusy = errors.New("another Anteroom is writing to the calendar")
	// ErrFull means the disk had no room for what was being written; the
	// error is a *FullError.
	ErrFull = errors.New("the disk is full")
)

// FullError is a write the disk had no room for: the calendar's database
// (nothing of the change was stored: it was one transaction) or a file
// being saved (the file was not written; one it would have replaced is
// as it was).
type FullError struct {
	Path     string
	Database bool // the calendar's database, not a file being saved
	Err      error
}

func (e *FullError) Error() string {
	if e.Database {
		return "the disk holding " + e.Path + " is full: nothing was changed; free some space and try again"
	}
	return "the disk is full: " + e.Path + " was not written; free some space and try again"
}

// Code is the message key of the error; its placeholder is Path.
func (e *FullError) Code() string {
	if e.Database {
		return "error.full.database"
	}
	return "error.full.file"
}

// Args fills the message's placeholder.
func (e *FullError) Args() map[string]any { return map[string]any{"Path": e.Path} }

func (e *FullError) Is(target error) bool { return target == ErrFull }
func (e *FullError) Unwrap() error        { return e.Err }

// BusyError is a change given up after waiting for another writer: which
// file and how long it waited. Nothing of the change was stored.
type BusyError struct {
	Path   string
	Waited time.Duration
	Err    error // what the store said last
}

func (e *BusyError) Error() string {
	return "database " + e.Path + ": another Anteroom has been writing to it for " + e.Waited.Round(time.Second).String() +
		"; nothing was changed, try again when it has finished"
}

// Code is the message key of the error; its placeholders are Path and
// Seconds.
func (e *BusyError) Code() string { return "error.busy" }

// Args fills the message's placeholders.
func (e *BusyError) Args() map[string]any {
	return map[string]any{"Path": e.Path, "Seconds": int(e.Waited.Round(time.Second) / time.Second)}
}

func (e *BusyError) Is(target error) bool { return target == ErrBusy }
func (e *BusyError) Unwrap() error        { return e.Err }
