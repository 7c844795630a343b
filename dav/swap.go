package dav

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/emersion/go-ical"
)

// SwapAttempts is how many times Swap reads and writes before it gives up
// with ErrContended.
const SwapAttempts = 50

// Swap changes one small resource atomically across every client of the
// server: it reads the object at path, hands it to change (nil when there is
// none yet), and writes what change returns under If-Match (or
// If-None-Match: * for a first write). When another client wrote in
// between, the server answers 412 and Swap starts over from a fresh read,
// after a short random pause, so change must be a pure function of what it
// is given. It is the compare-and-swap a plain CalDAV server offers.
//
// change may return an error to give up (it comes back unchanged) or a nil
// calendar to leave the resource as it is. Swap returns the object as
// written (or as found, if nothing was written).
func (c *Client) Swap(ctx context.Context, path string, change func(current *Object) (*ical.Calendar, error)) (*Object, error) {
	pause := 2 * time.Millisecond
	for attempt := 1; ; attempt++ {
		current, err := c.Get(ctx, path)
		if errors.Is(err, ErrNotFound) {
			current, err = nil, nil
		}
		if err != nil {
			return nil, err
		}
		if current != nil && current.Err != nil {
			return nil, &Error{Kind: ErrBadResponse, Method: "GET", URL: c.url(path), Err: current.Err}
		}
		next, err := change(current)
		if err != nil {
			return nil, err
		}
		if next == nil {
			return current, nil
		}
		data, err := encode(next)
		if err != nil {
			return nil, err
		}
		condition := IfNoneMatch
		if current != nil {
			condition = current.ETag
		}
		etag, err := c.Put(ctx, path, data, condition)
		if err == nil {
			return &Object{Path: path, ETag: etag, Data: data, Calendar: next}, nil
		}
		if !errors.Is(err, ErrPreconditionFailed) {
			return nil, err
		}
		if attempt == SwapAttempts {
			return nil, &Error{Kind: ErrContended, Method: "PUT", URL: c.url(path), Status: 412, Attempts: attempt, Err: err}
		}
		// Random pauses that grow keep two desks from colliding in step.
		wait := pause/2 + rand.N(pause)
		if pause < 200*time.Millisecond {
			pause *= 2
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
	}
}
