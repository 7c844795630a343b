// Package calendar is Anteroom's domain: leaders, their engagements, the
// rules that decide whether a booking fits, and the services the UI and the
// command line share. It imports neither Fyne nor SQL: storage is reached
// through the Store interface declared here and implemented by package data.
package calendar
