//go:build unix

package ui

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system time so far: on a machine
// others share, it varies less than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
