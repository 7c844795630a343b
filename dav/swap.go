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
	var next *ical.Calendar
	o, err := c.SwapData(ctx, path, func(current *Object) ([]byte, error) {
		var err error
		if next, err = change(current); err != nil || next == nil {
			return nil, err
		}
		return encode(next)
	})
	if err == nil && next != nil {
		o.Calendar = next
	}
	return o, err
}

// SwapData is Swap for a caller that reads and writes the object's bytes
// itself (a client built WithDecoder(nil)): change returns the new data,
// or nil to leave the resource as it is.
func (c *Client) SwapData(ctx context.Context, path string, change func(current *Object) ([]byte, error)) (*Object, error) {
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
		data, err := change(current)
		if err != nil {
			return nil, err
		}
		if data == nil {
			return current, nil
		}
		condition := IfNoneMatch
		if current != nil {
			condition = current.ETag
		}
		etag, err := c.Put(ctx, path, data, condition)
		if err == nil {
			return &Object{Path: path, ETag: etag, Data: data}, nil
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
