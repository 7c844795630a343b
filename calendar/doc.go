// Package calendar is Anteroom's booking: leaders, their engagements and
// series, the rules that decide whether a booking fits, and the one
// Service every other part books through. It imports neither Fyne nor
// SQL: storage is reached through the Store contract declared here and
// implemented by package data. The subsystems live beside it, each with
// its own service and store contract: calendar/desk (visits and
// materials), calendar/review (the Friday review), calendar/imports
// (iCalendar imports) and calendar/plan (next week's plan); they use
// booking only through its exported methods, and booking never imports
// them.
package calendar
