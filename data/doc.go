// Package data stores Anteroom's calendar in one SQLite file and implements
// calendar.Store on it, with its AvailabilityStore, SeriesStore, VisitStore,
// OverrideLogStore, DeskStore (visit requests, briefing materials) and
// TxStore capabilities.
//
// The file is opened in WAL mode with IMMEDIATE write transactions and a
// busy timeout, so two running instances can share it. Open refuses files
// that are not Anteroom databases or that a newer version wrote, without
// touching them, and brings older ones up to date with embedded, forward-only
// migrations after a backup.
//
// Instants are stored as unix seconds: sub-second precision is dropped, and
// times read back are in UTC. The service truncates to seconds before
// saving, so nothing it writes is lost.
package data
