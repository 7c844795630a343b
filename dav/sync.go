package dav

import (
	"context"
	"net/http"
	"strings"
)

// Item is an object's path and ETag, as listed by a sync or ETag listing.
type Item struct {
	Path string
	ETag string
}

// Changes is what changed in a calendar since a sync token.
type Changes struct {
	Token   string   // the token to give next time
	Changed []Item   // objects created or modified since the old token
	Deleted []string // paths of objects removed since the old token
	// More: the server cut the answer short (RFC 6578 §3.6, 507 on the
	// collection); call again with Token for the rest.
	More bool
}

// SyncCollection asks what changed in calendarPath since token (RFC 6578
// sync-collection REPORT, sync-level 1). An empty token asks for
// everything, with Deleted empty. An unchanged calendar costs one request
// and gives back the same token on servers that keep tokens stable
// (Radicale does). A token the server no longer accepts is
// ErrInvalidSyncToken: fall back to ListETags and compare.
func (c *Client) SyncCollection(ctx context.Context, calendarPath, token string) (*Changes, error) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><D:sync-collection xmlns:D="DAV:">`)
	if token == "" {
		b.WriteString(`<D:sync-token/>`)
	} else {
		b.WriteString(`<D:sync-token>` + escapeText(token) + `</D:sync-token>`)
	}
	b.WriteString(`<D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>`)
	// RFC 6578 §3.2: Depth must be 0 on the request; the level is in the body.
	ms, err := c.multistatus(ctx, "REPORT", calendarPath, "0", []byte(b.String()))
	if err != nil {
		return nil, err
	}
	ch := &Changes{Token: ms.SyncToken}
	for i := range ms.Responses {
		r := &ms.Responses[i]
		p := r.path()
		status := statusCode(r.Status)
		if sameCollection(p, calendarPath) {
			if status == http.StatusInsufficientStorage {
				ch.More = true
			}
			continue
		}
		if status == http.StatusNotFound || status == http.StatusGone {
			ch.Deleted = append(ch.Deleted, p)
			continue
		}
		ch.Changed = append(ch.Changed, Item{Path: p, ETag: r.ok().ETag})
	}
	return ch, nil
}

// ListETags lists every object in calendarPath with its ETag (PROPFIND
// depth 1): the fallback for servers without sync-collection, and after an
// invalid token. Compare with what is stored to find changes and deletions.
func (c *Client) ListETags(ctx context.Context, calendarPath string) ([]Item, error) {
	ms, err := c.multistatus(ctx, "PROPFIND", calendarPath, "1",
		propfindBody([2]string{nsDAV, "getetag"}, [2]string{nsDAV, "resourcetype"}))
	if err != nil {
		return nil, err
	}
	var out []Item
	for i := range ms.Responses {
		r := &ms.Responses[i]
		p := r.path()
		prop := r.ok()
		if sameCollection(p, calendarPath) || (prop.ResourceType != nil && prop.ResourceType.Collection != nil) {
			continue
		}
		out = append(out, Item{Path: p, ETag: prop.ETag})
	}
	return out, nil
}
