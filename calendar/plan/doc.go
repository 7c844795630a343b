// Package plan prints next week's plan (领导一周工作安排) for other
// offices: a self-contained HTML table laid out for A4 landscape, and,
// with it, the week's engagements as an iCalendar file, both written into
// one folder in one action (Circulate).
package plan
