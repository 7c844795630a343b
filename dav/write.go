package dav

import (
	"bytes"
	"context"
	"net/http"
	"strings"

	"github.com/emersion/go-ical"
)

// Create stores cal at path only if nothing is there yet (If-None-Match: *,
// RFC 7232 §3.2) and returns the new ETag. If something is there already
// the error is ErrPreconditionFailed.
func (c *Client) Create(ctx context.Context, path string, cal *ical.Calendar) (string, error) {
	data, err := encode(cal)
	if err != nil {
		return "", err
	}
	return c.Put(ctx, path, data, IfNoneMatch)
}

// Update replaces the object at path only if its ETag is still etag
// (If-Match, RFC 7232 §3.1) and returns the new ETag. If someone changed
// or deleted it meanwhile the error is ErrPreconditionFailed: fetch it and
// re-apply.
func (c *Client) Update(ctx context.Context, path, etag string, cal *ical.Calendar) (string, error) {
	data, err := encode(cal)
	if err != nil {
		return "", err
	}
	return c.Put(ctx, path, data, etag)
}

// IfNoneMatch as Put's condition means "only if nothing is there".
const IfNoneMatch = "*"

// Put stores raw iCalendar bytes at path under a condition: IfNoneMatch
// for a create, an ETag for an update, "" for an unconditional write. It
// returns the new ETag: from the answer's header, or, when the server
// leaves it out (some do when they rewrite the object), from a PROPFIND
// right after.
func (c *Client) Put(ctx context.Context, path string, data []byte, condition string) (string, error) {
	headers := []string{"Content-Type", ical.MIMEType + "; charset=utf-8"}
	switch condition {
	case "":
	case IfNoneMatch:
		headers = append(headers, "If-None-Match", "*")
	default:
		headers = append(headers, "If-Match", condition)
	}
	resp, err := c.request(ctx, http.MethodPut, path, data, headers...)
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	// A weak ETag (the server rewrote the object, RFC 4791 §5.3.4) never
	// matches an If-Match, so read the stored one instead.
	if etag := resp.Header.Get("ETag"); etag != "" && !strings.HasPrefix(etag, "W/") {
		return etag, nil
	}
	return c.ETag(ctx, path)
}

// ETag reads the current ETag of the object at path (PROPFIND depth 0).
func (c *Client) ETag(ctx context.Context, path string) (string, error) {
	ms, err := c.multistatus(ctx, "PROPFIND", path, "0", propfindBody([2]string{nsDAV, "getetag"}))
	if err != nil {
		return "", err
	}
	for i := range ms.Responses {
		if etag := ms.Responses[i].ok().ETag; etag != "" {
			return etag, nil
		}
	}
	return "", &Error{Kind: ErrBadResponse, Method: "PROPFIND", URL: c.url(path), Status: http.StatusMultiStatus}
}

// Delete removes the object at path if its ETag is still etag (If-Match);
// with etag "" it removes it whatever its state. A stale ETag is
// ErrPreconditionFailed, an object already gone ErrNotFound.
func (c *Client) Delete(ctx context.Context, path, etag string) error {
	var headers []string
	if etag != "" {
		headers = []string{"If-Match", etag}
	}
	resp, err := c.request(ctx, http.MethodDelete, path, nil, headers...)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func encode(cal *ical.Calendar) ([]byte, error) {
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
