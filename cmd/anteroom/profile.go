package main

import (
	"os"
	"runtime/pprof"
)

// profileEnv names a file to write a CPU profile of the run to, the
// window's or a command's: a hidden switch for measuring (e.g. the start
// with --smoke, or an import), not a user-facing option.
const profileEnv = "ANTEROOM_CPUPROFILE"

// startProfile starts the CPU profile that profileEnv asks for and returns
// what stops it; without the variable, or when the file cannot be made,
// it does nothing.
func startProfile() (stop func()) {
	path := os.Getenv(profileEnv)
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
