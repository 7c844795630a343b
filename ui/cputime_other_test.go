//go:build !unix

package ui

import "time"

// cpuTime is not measured here; the benchmarks' cpu metrics read 0.
func cpuTime() time.Duration { return 0 }
