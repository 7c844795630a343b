package main

import (
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// Tests that need several real processes run the command line as its own
// process: the binary named by $ANTEROOM_BIN (make test builds it and runs
// these tests on it), or else this test binary, which TestMain turns into
// the command when $ANTEROOM_TEST_AS_CLI is set.
const asCLI = "ANTEROOM_TEST_AS_CLI"

// startAt is an instant, in Unix nanoseconds, at which a child started
// as the command line begins: so that several start their work together,
// whatever their start-up costs.
const startAt = "ANTEROOM_TEST_START_AT"

func TestMain(m *testing.M) {
	if db := os.Getenv(asWindow); db != "" {
		os.Exit(headlessWindow(db))
	}
	if os.Getenv(asCLI) != "" {
		if at, err := strconv.ParseInt(os.Getenv(startAt), 10, 64); err == nil {
			time.Sleep(time.Until(time.Unix(0, at)))
		}
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// cliProcess is the command line as a process of its own, not started,
// with standard output and error kept in the returned buffers.
func cliProcess(t *testing.T, at time.Time, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	bin := os.Getenv("ANTEROOM_BIN")
	if bin == "" {
		var err error
		if bin, err = os.Executable(); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), asCLI+"=1", "LANG=en_US.UTF-8")
	if !at.IsZero() {
		cmd.Env = append(cmd.Env, startAt+"="+strconv.FormatInt(at.UnixNano(), 10))
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	return cmd, &out, &errOut
}

// exitCode is the code a finished process exited with.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return -1
}
