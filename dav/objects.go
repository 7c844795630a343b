package dav

import (
	"bytes"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/emersion/go-ical"
)

// Object is one calendar object resource: where it lives, its ETag (opaque,
// exactly as the server sent it: send it back as is in If-Match), its raw
// bytes, and the calendar decoded from them.
type Object struct {
	Path     string
	ETag     string
	Data     []byte
	Calendar *ical.Calendar // nil when Err is set or no decoder is configured
	Err      error          // why Calendar is nil: a decoding error, or ErrNotFound in a multiget
}

// Decoder turns an object's bytes into a calendar. Servers hand back what
// Outlook, iOS or Feishu wrote, which is as messy as invitation files: a
// sync engine that has a more tolerant reader (calendar/ics) can pass
// WithDecoder(nil) and read Object.Data itself.
type Decoder func(data []byte) (*ical.Calendar, error)

// DecodeICS is the default Decoder, go-ical's, with its panics on some
// malformed input turned into errors.
func DecodeICS(data []byte) (cal *ical.Calendar, err error) {
	defer func() {
		if r := recover(); r != nil {
			cal, err = nil, fmt.Errorf("malformed iCalendar: %v", r)
		}
	}()
	return ical.NewDecoder(bytes.NewReader(data)).Decode()
}

func (c *Client) decoded(o *Object) {
	if c.decode == nil || o.Err != nil {
		return
	}
	o.Calendar, o.Err = c.decode(o.Data)
}

// Get fetches one object with its ETag. A missing object is ErrNotFound; a
// body that does not decode is returned with Object.Err set and no error.
func (c *Client) Get(ctx context.Context, path string) (*Object, error) {
	resp, err := c.request(ctx, http.MethodGet, path, nil, "Accept", ical.MIMEType)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &Error{Kind: ErrUnreachable, Method: http.MethodGet, URL: c.url(path), Err: err}
	}
	o := &Object{Path: path, ETag: resp.Header.Get("ETag"), Data: data}
	c.decoded(o)
	return o, nil
}

// MultiGet fetches the objects at paths, all in calendarPath, in one
// calendar-multiget REPORT (RFC 4791 §7.9) and returns them in the server's
// order. Objects the server no longer has come back with Err ErrNotFound.
// Keep batches to a few hundred paths; MultiGetBatch is a good size.
func (c *Client) MultiGet(ctx context.Context, calendarPath string, paths []string) ([]Object, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` +
		`<C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">` +
		`<D:prop><D:getetag/><C:calendar-data/></D:prop>`)
	for _, p := range paths {
		b.WriteString(`<D:href>` + escapeText(hrefOf(p)) + `</D:href>`)
	}
	b.WriteString(`</C:calendar-multiget>`)
	ms, err := c.multistatus(ctx, "REPORT", calendarPath, "1", []byte(b.String()))
	if err != nil {
		return nil, err
	}
	out := make([]Object, 0, len(ms.Responses))
	for i := range ms.Responses {
		r := &ms.Responses[i]
		p := r.ok()
		o := Object{Path: r.path(), ETag: p.ETag, Data: []byte(p.CalendarData)}
		if p.CalendarData == "" {
			status := statusCode(r.Status)
			for _, ps := range r.Propstats {
				if !statusOK(ps.Status) {
					status = statusCode(ps.Status)
				}
			}
			kind := ErrServer
			if status == http.StatusNotFound || status == http.StatusGone {
				kind = ErrNotFound
			}
			o.Err = &Error{Kind: kind, Method: "REPORT", URL: c.url(o.Path), Status: status}
		}
		c.decoded(&o)
		out = append(out, o)
	}
	return out, nil
}

// MultiGetBatch is a batch size for MultiGet that keeps each answer to a
// few hundred kilobytes for ordinary events.
const MultiGetBatch = 200

// ObjectPath is where the object with this UID lives in calendarPath: the
// UID itself plus ".ics" when it is made of plain characters, else its
// SHA-1 in hex (UIDs from other programs may hold slashes or spaces).
func ObjectPath(calendarPath, uid string) string {
	if !strings.HasSuffix(calendarPath, "/") {
		calendarPath += "/"
	}
	name := uid
	for _, r := range uid {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.@", r)) {
			name = ""
			break
		}
	}
	if name == "" || name == "." || name == ".." || len(name) > 200 {
		sum := sha1.Sum([]byte(uid))
		name = hex.EncodeToString(sum[:])
	}
	return calendarPath + name + ".ics"
}
