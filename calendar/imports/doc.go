// Package imports plans what an iCalendar file changes in a leader's
// calendar (package calendar/ics reads the file) and applies the plan in
// one transaction, every new or moved item checked by booking's rules.
// Its Service takes imports.Store at construction.
package imports
