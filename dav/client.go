package dav

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-webdav"
	"github.com/emersion/go-webdav/caldav"
)

// Client talks to one account on one CalDAV server. It is safe for use by
// several goroutines. Paths are absolute paths on the server, such as
// "/desk/book/" for a calendar or "/desk/book/uid.ics" for an object.
type Client struct {
	http   *transport
	decode Decoder

	mu      sync.Mutex // guards what Discover learns
	base    url.URL    // scheme and host (and the path the user gave)
	account Account
}

// Option changes how New builds a client.
type Option func(*Client)

// WithHTTPClient sends requests through c (timeouts, proxies, TLS); by
// default a client with a 30 s timeout is used.
func WithHTTPClient(c *http.Client) Option {
	return func(cl *Client) { cl.http = newTransport(c, cl.http.user, cl.http.password) }
}

// WithDecoder replaces how objects' bytes become calendars (see Decoder).
func WithDecoder(d Decoder) Option { return func(cl *Client) { cl.decode = d } }

// New prepares a client for the server at serverURL (e.g.
// "https://dav.example.org" or "http://127.0.0.1:5232/"); it sends nothing
// until asked.
func New(serverURL, user, password string, opts ...Option) (*Client, error) {
	u, err := parseAddress(serverURL)
	if err != nil {
		return nil, err
	}
	if u.Path == "" {
		u.Path = "/"
	}
	c := &Client{base: *u, decode: DecodeICS}
	c.http = newTransport(&http.Client{Timeout: 30 * time.Second}, user, password)
	for _, o := range opts {
		o(c)
	}
	return c, nil
}

// CheckAddress refuses what New would refuse as the server's address, an
// *Error of kind ErrBadAddress, before anything else is asked for (such as
// the password).
func CheckAddress(serverURL string) error {
	_, err := parseAddress(serverURL)
	return err
}

func parseAddress(serverURL string) (*url.URL, error) {
	u, err := url.Parse(serverURL)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return u, nil
	}
	return nil, &Error{Kind: ErrBadAddress, URL: serverURL, Err: err}
}

// CalDAV is go-webdav's client over the same connection and credentials,
// for what this package does not wrap (for example a time-range query).
func (c *Client) CalDAV() (*caldav.Client, error) {
	return caldav.NewClient(c.http, c.root())
}

// webdavClient is go-webdav's plain WebDAV client at path.
func (c *Client) webdavClient(path string) (*webdav.Client, error) {
	u := c.server()
	u.Path = path
	return webdav.NewClient(c.http, u.String())
}

// server is the base address: scheme, host and the path the user gave.
func (c *Client) server() url.URL {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.base
}

func (c *Client) root() string {
	u := c.server()
	u.Path = "/"
	return u.String()
}

// url is the absolute URL of path on the server.
func (c *Client) url(path string) string {
	u := c.server()
	u.Path = path
	u.RawPath = ""
	return u.String()
}

// request sends one request; headers are name, value pairs.
func (c *Client) request(ctx context.Context, method, path string, body []byte, headers ...string) (*http.Response, error) {
	var r io.Reader
	if body != nil {
		r = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.url(path), r)
	if err != nil {
		return nil, err
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return c.http.Do(req)
}

// multistatus sends an XML request and reads its 207 answer.
func (c *Client) multistatus(ctx context.Context, method, path, depth string, body []byte) (*multistatus, error) {
	resp, err := c.request(ctx, method, path, body, "Content-Type", `application/xml; charset="utf-8"`, "Depth", depth)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	bad := &Error{Kind: ErrBadResponse, Method: method, URL: c.url(path), Status: resp.StatusCode}
	if resp.StatusCode != http.StatusMultiStatus {
		bad.Err = fmt.Errorf("expected 207 Multi-Status")
		return nil, bad
	}
	var ms multistatus
	if err := xml.NewDecoder(resp.Body).Decode(&ms); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		bad.Err = err
		return nil, bad
	}
	return &ms, nil
}

// sameCollection reports whether two collection paths name the same
// collection, whatever their trailing slash.
func sameCollection(a, b string) bool {
	return strings.TrimSuffix(a, "/") == strings.TrimSuffix(b, "/")
}
