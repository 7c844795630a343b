// Package imports plans what an iCalendar file changes in a leader's
// calendar (package calendar/ics reads the file) and applies the plan in
// one transaction, every new or moved item checked by booking's rules.
// Its Service takes imports.Store at construction.
//
// A plan holds every item of its file, which the window's preview shows
// (about 3 KB an item whatever its size). The command line's import
// streams instead (ImportStream): the same rules, a batch at a time,
// holding an eight-byte hash of each identity read.
package imports
