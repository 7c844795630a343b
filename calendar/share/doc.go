// Package share keeps a leader's book in step with a calendar on a CalDAV
// server, so that several desks (each with its own database) and the
// leader's phone work on one book.
//
// Each calendar object holds one stored UID: a single engagement, or a
// series with its overrides (RFC 4791 §4.1), at a path made from the UID
// (dav.ObjectPath). Objects are written with the project's own exporter
// (calendar/ics, at full detail: the leader's own book) and read with its
// tolerant reader, then stored through the import machinery
// (Service.PlanImport and ApplyImport), which already knows UIDs,
// overrides and cancellations.
//
// A sync pulls, then pushes. Pull asks the server what changed since the
// stored sync token (RFC 6578; an ETag listing when the token is refused
// or the server has none), fetches the changed objects in batches and
// applies each in one transaction with its sync state. Push sends what
// changed here since the last sync, found by local revisions that storage
// keeps for every write: If-None-Match: * to create, If-Match to update or
// delete. A write that loses (412) overwrites nothing: the server's version
// is fetched and, since the item changed here too, both versions are kept
// as a sync conflict until the user keeps one (Resolve). Nothing changed
// on either side costs one request.
package share
