package dav

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/url"

	"github.com/emersion/go-webdav"
)

// transport is the webdav.HTTPClient under both go-webdav and our own
// requests: it signs every request and turns every failure into an *Error,
// so callers see the same typed errors whichever library sent the request.
type transport struct {
	client   *http.Client
	user     string
	password string
}

var _ webdav.HTTPClient = (*transport)(nil)

type noRedirectKey struct{}

// withoutRedirects makes the transport hand back a 3xx answer instead of
// following it: discovery reads the Location of /.well-known/caldav itself,
// because net/http turns a redirected PROPFIND into a GET.
func withoutRedirects(ctx context.Context) context.Context {
	return context.WithValue(ctx, noRedirectKey{}, true)
}

func newTransport(base *http.Client, user, password string) *transport {
	c := *base
	next := c.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if req.Context().Value(noRedirectKey{}) != nil {
			return http.ErrUseLastResponse
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &transport{client: &c, user: user, password: password}
}

// Do sends req; an answer of 400 or more comes back as an *Error with the
// body's DAV precondition, if any (RFC 4918 §16).
func (t *transport) Do(req *http.Request) (*http.Response, error) {
	if t.user != "" || t.password != "" {
		req.SetBasicAuth(t.user, t.password)
	}
	resp, err := t.client.Do(req)
	if err != nil {
		if ctxErr := req.Context().Err(); ctxErr != nil {
			return nil, ctxErr
		}
		return nil, &Error{Kind: ErrUnreachable, Method: req.Method, URL: redact(req.URL), Err: err}
	}
	if resp.StatusCode < 400 {
		return resp, nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	e := &Error{Method: req.Method, URL: redact(req.URL), Status: resp.StatusCode, Condition: precondition(body)}
	switch {
	case e.Condition == "valid-sync-token":
		e.Kind = ErrInvalidSyncToken
	case resp.StatusCode == http.StatusUnauthorized:
		e.Kind = ErrUnauthorized
	case resp.StatusCode == http.StatusForbidden:
		e.Kind = ErrForbidden
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		e.Kind = ErrNotFound
	case resp.StatusCode == http.StatusPreconditionFailed:
		e.Kind = ErrPreconditionFailed
	default:
		e.Kind = ErrServer
	}
	return nil, e
}

// precondition names the first element inside a DAV:error body, e.g.
// "valid-sync-token" or "no-uid-conflict"; "" when there is none.
func precondition(body []byte) string {
	if !bytes.Contains(body, []byte("error")) {
		return ""
	}
	var e struct {
		XMLName xml.Name `xml:"DAV: error"`
		Inner   []struct {
			XMLName xml.Name
		} `xml:",any"`
	}
	if xml.Unmarshal(body, &e) != nil || len(e.Inner) == 0 {
		return ""
	}
	return e.Inner[0].XMLName.Local
}

func redact(u *url.URL) string {
	c := *u
	c.User = nil
	return c.String()
}
