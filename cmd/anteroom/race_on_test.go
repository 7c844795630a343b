//go:build race

package main

// raceEnabled: the race detector keeps shadow memory for the program's,
// so bounds on a process's memory do not hold under it.
const raceEnabled = true
