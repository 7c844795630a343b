//go:build race

package calendar

// raceEnabled: the race detector slows code tenfold or more, so time
// limits in tests stretch accordingly.
const raceEnabled = true
