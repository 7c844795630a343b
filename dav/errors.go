package dav

import (
	"errors"
	"net/url"
	"strconv"
)

// What went wrong, for errors.Is. Every error of this package that comes
// from the server or the network, or from an address that is not one, is
// an *Error whose Kind is one of these.
var (
	// ErrUnauthorized: the server rejected the user name or password (401).
	ErrUnauthorized = errors.New("password rejected")
	// ErrUnreachable: no answer from the server (refused, timed out, name
	// not found, TLS failure).
	ErrUnreachable = errors.New("server unreachable")
	// ErrNotFound: the resource or calendar does not exist (404, 410), for
	// example a calendar deleted on the server.
	ErrNotFound = errors.New("not found on the server")
	// ErrForbidden: the account may not do this (403).
	ErrForbidden = errors.New("forbidden")
	// ErrPreconditionFailed: a conditional write lost (412): someone else
	// changed or created the resource since it was read. Fetch and re-apply.
	ErrPreconditionFailed = errors.New("changed on the server since it was read")
	// ErrInvalidSyncToken: the server no longer accepts the sync token
	// (RFC 6578 §3.2, DAV:valid-sync-token); list the collection in full.
	ErrInvalidSyncToken = errors.New("sync token no longer valid")
	// ErrServer: any other error status (5xx, 409, 415 …).
	ErrServer = errors.New("server error")
	// ErrBadResponse: the server answered something that cannot be read.
	ErrBadResponse = errors.New("unreadable answer")
	// ErrContended: a compare-and-swap lost its race too many times in a row.
	ErrContended = errors.New("resource kept changing")
	// ErrNotCalDAV: the address answers, but not as a CalDAV server (a
	// web page, a server that knows no PROPFIND, no calendar home): the
	// address is likely wrong. It wraps what the server said.
	ErrNotCalDAV = errors.New("not a CalDAV server")
	// ErrBadAddress: what was given as the server's address is not one
	// (no http:// or https://, or no host); nothing was sent.
	ErrBadAddress = errors.New("not a server address: want http:// or https:// and a host")
)

// codes are the message keys of the kinds, translated in
// assets/translations; the placeholders are those of Error.Args.
var codes = map[error]string{
	ErrUnauthorized:       "sync.unauthorized",
	ErrUnreachable:        "sync.unreachable",
	ErrNotFound:           "sync.not_found",
	ErrForbidden:          "sync.forbidden",
	ErrPreconditionFailed: "sync.precondition_failed",
	ErrInvalidSyncToken:   "sync.token_invalid",
	ErrServer:             "sync.server_error",
	ErrBadResponse:        "sync.bad_response",
	ErrContended:          "sync.contended",
	ErrBadAddress:         "sync.bad_address",
	ErrNotCalDAV:          "sync.not_caldav",
}

// Error is a failed exchange with the server: what kind of failure, which
// request, and what the server or network said.
type Error struct {
	Kind      error  // one of the Err… sentinels above
	Method    string // HTTP method, e.g. PUT or REPORT
	URL       string // the request's URL without credentials
	Status    int    // HTTP status, 0 when there was no answer
	Condition string // the DAV precondition the server named, e.g. "valid-sync-token"
	Attempts  int    // for ErrContended: how many tries were made
	Err       error  // the underlying cause, if any
}

func (e *Error) Error() string {
	s := e.URL + ": " + e.Kind.Error()
	if e.Method != "" {
		s = e.Method + " " + s
	}
	if e.Status != 0 {
		s += " (HTTP " + strconv.Itoa(e.Status) + ")"
	}
	if e.Condition != "" {
		s += " [" + e.Condition + "]"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Code is the message key of the error, e.g. "sync.unauthorized".
func (e *Error) Code() string { return codes[e.Kind] }

// Args fills the message's placeholders: Server (scheme and host; an
// address that is not one as it was given), Path, Method, Status and
// Attempts.
func (e *Error) Args() map[string]any {
	server, path := e.URL, ""
	if u, err := url.Parse(e.URL); err == nil && u.Host != "" && e.Kind != ErrBadAddress {
		server, path = u.Scheme+"://"+u.Host, u.Path
	}
	return map[string]any{"Server": server, "Path": path, "Method": e.Method, "Status": e.Status, "Attempts": e.Attempts}
}

func (e *Error) Is(target error) bool { return target == e.Kind }
func (e *Error) Unwrap() error        { return e.Err }
