package ui

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"time"
)

// smokeDeadline is how long a smoke run may take to draw its first frame.
// A start that never draws (a stuck display connection, a deadlock in the
// toolkit) would otherwise hang the build that runs the smoke check.
const smokeDeadline = 2 * time.Minute

// watchSmoke ends the process with every goroutine's stack on log when
// no first frame has been drawn by deadline; the returned stop cancels it.
func watchSmoke(log io.Writer, deadline time.Duration, exit func(int)) (stop func()) {
	if log == nil {
		log = os.Stderr
	}
	t := time.AfterFunc(deadline, func() {
		buf := make([]byte, 1<<20)
		n := runtime.Stack(buf, true)
		fmt.Fprintf(log, "smoke: no first frame after %v; the goroutines:\n%s\n", deadline, buf[:n])
		exit(1)
	})
	return func() { t.Stop() }
}
