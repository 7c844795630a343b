package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// A smoke run that draws nothing is ended with the goroutines' stacks,
// and one that draws in time is left alone.
func TestSmokeWatchdogEndsAStartThatNeverDraws(t *testing.T) {
	var log bytes.Buffer
	exited := make(chan int, 1)
	watchSmoke(&log, 20*time.Millisecond, func(code int) { exited <- code })
	select {
	case code := <-exited:
		if code != 1 {
			t.Errorf("exit code %d, want 1", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the watchdog did not end a start that never drew")
	}
	if out := log.String(); !strings.Contains(out, "no first frame") || !strings.Contains(out, "goroutine ") {
		t.Errorf("the log says %q, want the reason and the stacks", out)
	}

	drawn := make(chan int, 1)
	stop := watchSmoke(&log, 50*time.Millisecond, func(code int) { drawn <- code })
	stop()
	select {
	case <-drawn:
		t.Error("the watchdog ended a start that drew its frame in time")
	case <-time.After(200 * time.Millisecond):
	}
}
