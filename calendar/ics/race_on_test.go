//go:build race

package ics_test

// raceEnabled: the race detector slows code tenfold or more, so time
// limits in tests stretch accordingly.
const raceEnabled = true
