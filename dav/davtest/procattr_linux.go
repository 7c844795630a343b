package davtest

import (
	"os/exec"
	"syscall"
)

// dieWithParent stops Radicale if the test process is killed before its
// cleanup runs (a benchmark cut short, a timeout), so no server lingers.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}
