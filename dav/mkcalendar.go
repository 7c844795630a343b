package dav

import (
	"context"
	"errors"
	"strings"
)

// MakeCalendar creates a calendar collection at path (RFC 4791 §5.3.1)
// named displayName, accepting the given components (e.g. "VEVENT"; none:
// the server's default). When something already exists at path the error
// is ErrPreconditionFailed, like a create that lost a race.
func (c *Client) MakeCalendar(ctx context.Context, path, displayName string, components ...string) error {
	if !strings.HasSuffix(path, "/") {
		path += "/"
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` +
		`<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>`)
	if displayName != "" {
		b.WriteString(`<D:displayname>` + escapeText(displayName) + `</D:displayname>`)
	}
	if len(components) > 0 {
		b.WriteString(`<C:supported-calendar-component-set>`)
		for _, comp := range components {
			b.WriteString(`<C:comp name="` + escapeText(comp) + `"/>`)
		}
		b.WriteString(`</C:supported-calendar-component-set>`)
	}
	b.WriteString(`</D:prop></D:set></C:mkcalendar>`)
	resp, err := c.request(ctx, "MKCALENDAR", path, []byte(b.String()), "Content-Type", `application/xml; charset="utf-8"`)
	if err == nil {
		resp.Body.Close()
		return nil
	}
	// Servers say "already there" with 403, 405 or 409 (Radicale); 409 also
	// means a missing parent, so look before calling it a lost race.
	var e *Error
	if errors.As(err, &e) && (e.Status == 403 || e.Status == 405 || e.Status == 409) {
		if _, statErr := c.multistatus(ctx, "PROPFIND", path, "0", propfindBody([2]string{nsDAV, "resourcetype"})); statErr == nil {
			e.Kind = ErrPreconditionFailed
		}
	}
	return err
}

// DeleteCalendar removes a whole calendar collection and everything in it.
func (c *Client) DeleteCalendar(ctx context.Context, path string) error {
	resp, err := c.request(ctx, "DELETE", path, nil)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}
