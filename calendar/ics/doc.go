// Package ics reads and writes iCalendar files (RFC 5545) as they arrive
// from Outlook, Exchange, WeCom, DingTalk, Feishu, Google, Apple and the
// rest, and writes the leader's schedule for other offices.
//
// Reading is forgiving where real producers bend the RFC and strict where
// a guess could put a meeting at the wrong hour. Decode accepts a UTF-8 BOM,
// GB18030/GBK, Shift_JIS, Latin-1 and UTF-16 bytes, LF, CRLF or CR, TAB
// folding, folds that split a character, blank lines and junk after
// END:VCALENDAR. Time zones are resolved from IANA names, Windows names
// and Outlook display names, from the file's own VTIMEZONE blocks, and as
// a last resort from X-WR-TIMEZONE and the caller's zone, each guess
// leaving a Warning on the item. A file that cannot be read gives one
// *ParseError naming the file, the line and the reason; Decode never
// panics. DecodeEach hands over the events one by one, so an import of a
// large file holds little more than the file in memory.
//
// Recurrences are kept as data (RRULE text, RDATE and EXDATE lists,
// RECURRENCE-ID); expanding them is package calendar's job.
//
// ReadForImport turns a file into what
// imports.Service.PlanImport takes: one imports.Incoming per event, the
// to-dos, and notes on what is not imported. A large file is read through
// a memory mapping where the system has one, and nothing read keeps its
// bytes.
//
// Encode writes valid RFC 5545 with a VTIMEZONE for every zone used, lines
// folded at 75 octets and CRLF line ends; Effective and Redact decide how
// much of an item other offices see. ExportEngagements writes stored
// engagements, as calendar.Service.ExportItems finds them: a series as its
// rule and its overrides, not as occurrences.
//
// This is the only package of Anteroom that knows the iCalendar syntax.
// Its tests and benchmarks use github.com/emersion/go-ical as the
// reference to agree with and to measure against; the package itself
// does not: go-ical's decoder loses a whole file to one line real
// producers write, panics on some, and reads time zones by IANA name only,
// and its encoder neither folds lines nor writes VTIMEZONE blocks.
package ics
