package dav_test

import (
	"errors"
	"strings"
	"testing"

	"anteroom/dav"
)

// Every kind of failure has its own message code for the UI and CLI, and
// the placeholders its messages use are filled.
func TestEveryKindHasItsOwnCode(t *testing.T) {
	kinds := []error{dav.ErrUnauthorized, dav.ErrUnreachable, dav.ErrNotFound, dav.ErrForbidden,
		dav.ErrPreconditionFailed, dav.ErrInvalidSyncToken, dav.ErrServer, dav.ErrBadResponse, dav.ErrContended}
	seen := map[string]bool{}
	for _, k := range kinds {
		e := &dav.Error{Kind: k, Method: "PUT", URL: "https://dav.example.org/desk/book/a.ics", Status: 500, Attempts: 3}
		code := e.Code()
		if !strings.HasPrefix(code, "sync.") || seen[code] {
			t.Errorf("%v: code %q", k, code)
		}
		seen[code] = true
		if !errors.Is(e, k) {
			t.Errorf("%v: errors.Is fails", k)
		}
		args := e.Args()
		if args["Server"] != "https://dav.example.org" || args["Path"] != "/desk/book/a.ics" || args["Method"] != "PUT" ||
			args["Status"] != 500 || args["Attempts"] != 3 {
			t.Errorf("%v: Args %v", k, args)
		}
	}
}
