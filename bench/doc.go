// Package bench measures what the user waits for: the built binary, one
// whole process per command, on generated calendars of 10k, 100k and 1M
// events, beside go-ical reading the same file. It has no code of its own;
// run scripts/bench-whole (or see whole_test.go).
package bench
