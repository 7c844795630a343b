package dav

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// Account is where an account's calendars live on its server.
type Account struct {
	Principal string // e.g. "/desk/"
	HomeSet   string // calendar-home-set, the collection holding the calendars
}

// Calendar is one calendar collection of the account.
type Calendar struct {
	Path         string
	Name         string   // DAV:displayname, may be empty
	Description  string   // CALDAV:calendar-description
	CTag         string   // getctag: changes whenever anything inside changes; "" if not offered
	SyncToken    string   // DAV:sync-token at the time of listing; "" if not offered
	SupportsSync bool     // the server offers the sync-collection REPORT here (RFC 6578)
	Components   []string // e.g. VEVENT, VTODO; empty when the server does not say
}

// Discover finds the account's principal and calendar home from the server
// address (RFC 6764 §5: /.well-known/caldav, then current-user-principal,
// then calendar-home-set) and remembers them.
func (c *Client) Discover(ctx context.Context) (Account, error) {
	start, err := c.contextPath(ctx)
	if err != nil {
		return Account{}, err
	}
	wc, err := c.webdavClient(start)
	if err != nil {
		return Account{}, err
	}
	principal, err := wc.FindCurrentUserPrincipal(ctx)
	if err != nil {
		return Account{}, notCalDAV(c.classify(err, "PROPFIND", start))
	}
	if principal == "" {
		principal = start
	}
	cd, err := c.CalDAV()
	if err != nil {
		return Account{}, err
	}
	home, err := cd.FindCalendarHomeSet(ctx, principal)
	if err != nil {
		return Account{}, notCalDAV(c.classify(err, "PROPFIND", principal))
	}
	acct := Account{Principal: principal, HomeSet: home}
	c.mu.Lock()
	c.account = acct
	c.mu.Unlock()
	return acct, nil
}

// contextPath is where discovery starts: the path the user gave, or where
// /.well-known/caldav points when the user gave only a host. A redirect to
// another host (iCloud sends clients to a partition) moves the client there.
func (c *Client) contextPath(ctx context.Context) (string, error) {
	base := c.server()
	if base.Path != "/" {
		return base.Path, nil
	}
	const wellKnown = "/.well-known/caldav"
	body := propfindBody([2]string{nsDAV, "current-user-principal"})
	resp, err := c.request(withoutRedirects(ctx), "PROPFIND", wellKnown, body, "Depth", "0", "Content-Type", `application/xml; charset="utf-8"`)
	if err != nil {
		var e *Error
		if errors.As(err, &e) && (e.Kind == ErrUnauthorized || e.Kind == ErrUnreachable) {
			return "", err
		}
		if ctx.Err() != nil {
			return "", ctx.Err()
		}
		return "/", nil // no well-known entry: start at the root
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 3 {
		return wellKnown, nil
	}
	loc, err := resp.Location()
	if err != nil {
		return "/", nil
	}
	if loc.Host != base.Host {
		c.mu.Lock()
		c.base = url.URL{Scheme: loc.Scheme, Host: loc.Host, Path: "/"}
		c.mu.Unlock()
	}
	if loc.Path == "" {
		return "/", nil
	}
	return loc.Path, nil
}

// notCalDAV says that discovery's answer was not a CalDAV server's, when
// it was a refusal of the method, a missing path or something unreadable:
// the user most likely gave the address of another kind of server. A
// password refused, no answer at all or a failing server stay as they are.
func notCalDAV(err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	switch {
	case e.Kind == ErrBadResponse, e.Kind == ErrNotFound,
		e.Kind == ErrServer && (e.Status == http.StatusBadRequest || e.Status == http.StatusMethodNotAllowed || e.Status == http.StatusNotImplemented):
		return &Error{Kind: ErrNotCalDAV, Method: e.Method, URL: e.URL, Status: e.Status, Err: e}
	}
	return err
}

// classify turns an error from go-webdav into an *Error when our transport
// did not already (go-webdav reports some protocol problems as plain errors).
func (c *Client) classify(err error, method, path string) error {
	var e *Error
	if errors.As(err, &e) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	kind := ErrBadResponse
	if strings.Contains(err.Error(), "unauthenticated") {
		kind = ErrUnauthorized
	}
	return &Error{Kind: kind, Method: method, URL: c.url(path), Err: err}
}

// HomeSet is the calendar home found by Discover, discovering it first if
// needed.
func (c *Client) HomeSet(ctx context.Context) (string, error) {
	c.mu.Lock()
	home := c.account.HomeSet
	c.mu.Unlock()
	if home != "" {
		return home, nil
	}
	acct, err := c.Discover(ctx)
	return acct.HomeSet, err
}

var calendarProps = [][2]string{
	{nsDAV, "resourcetype"}, {nsDAV, "displayname"}, {nsCalDAV, "calendar-description"},
	{nsCalendar, "getctag"}, {nsDAV, "sync-token"}, {nsDAV, "supported-report-set"},
	{nsCalDAV, "supported-calendar-component-set"},
}

// Calendars lists the calendars in the account's calendar home, in one
// PROPFIND that also asks for what sync needs (ctag, sync token, reports).
func (c *Client) Calendars(ctx context.Context) ([]Calendar, error) {
	home, err := c.HomeSet(ctx)
	if err != nil {
		return nil, err
	}
	ms, err := c.multistatus(ctx, "PROPFIND", home, "1", propfindBody(calendarProps...))
	if err != nil {
		return nil, err
	}
	var out []Calendar
	for i := range ms.Responses {
		if cal, ok := calendarOf(&ms.Responses[i]); ok {
			out = append(out, cal)
		}
	}
	return out, nil
}

// Calendar reads one calendar's properties; ErrNotFound when it is gone
// (deleted on the server), ErrBadResponse when path is not a calendar.
func (c *Client) Calendar(ctx context.Context, path string) (Calendar, error) {
	ms, err := c.multistatus(ctx, "PROPFIND", path, "0", propfindBody(calendarProps...))
	if err != nil {
		return Calendar{}, err
	}
	for i := range ms.Responses {
		if cal, ok := calendarOf(&ms.Responses[i]); ok && sameCollection(cal.Path, path) {
			return cal, nil
		}
	}
	return Calendar{}, &Error{Kind: ErrBadResponse, Method: "PROPFIND", URL: c.url(path), Status: http.StatusMultiStatus,
		Err: errors.New("not a calendar collection")}
}

func calendarOf(r *response) (Calendar, bool) {
	p := r.ok()
	if p.ResourceType == nil || p.ResourceType.Calendar == nil {
		return Calendar{}, false
	}
	cal := Calendar{Path: r.path(), Name: p.DisplayName, Description: p.Description, CTag: p.CTag, SyncToken: p.SyncToken}
	for _, rep := range p.Reports {
		for _, in := range rep.Inner {
			if in.XMLName.Space == nsDAV && in.XMLName.Local == "sync-collection" {
				cal.SupportsSync = true
			}
		}
	}
	for _, comp := range p.Components {
		cal.Components = append(cal.Components, comp.Name)
	}
	return cal, true
}
