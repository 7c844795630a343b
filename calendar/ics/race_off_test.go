//go:build !race

package ics_test

const raceEnabled = false
