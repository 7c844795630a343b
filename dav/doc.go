// Package dav is Anteroom's CalDAV client: what a sync engine needs to share
// a leader's book through a CalDAV server (RFC 4791), and nothing about the
// book itself.
//
// It stands on github.com/emersion/go-webdav for discovery of the principal
// and calendar home, and adds what that library lacks for two-way sync:
// MKCALENDAR with a display name, conditional writes (If-Match,
// If-None-Match: *, RFC 7232) whose 412 is a typed error, the
// sync-collection REPORT for calendars (RFC 6578) with a typed "token no
// longer valid", an ETag listing for servers without it, a multiget that
// keeps every object's raw bytes so one messy object does not lose the
// batch, a compare-and-swap on one resource, and errors that carry a
// message code the UI and CLI translate.
//
// Objects are exchanged as github.com/emersion/go-ical values plus their
// raw bytes; the decoder is a hook (WithDecoder) so a caller can read the
// bytes with a more tolerant reader instead.
package dav
