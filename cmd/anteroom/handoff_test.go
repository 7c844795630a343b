package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"anteroom/cmd/anteroom/internal/handoff"
)

// asWindow makes the test binary a headless stand-in for the window on
// the database it names: it listens as openWindow does, prints what it is
// handed ("OPEN path|path"), and quits when its standard input closes.
const asWindow = "ANTEROOM_TEST_AS_WINDOW"

func headlessWindow(db string) int {
	srv := listenForFiles(db)
	if srv == nil {
		fmt.Println("NOT LISTENING")
		return 2
	}
	defer srv.Close()
	srv.Serve(func(files []string) { fmt.Println("OPEN " + strings.Join(files, "|")) })
	fmt.Println("LISTENING")
	_, _ = io.Copy(io.Discard, os.Stdin)
	return 0
}

// startWindow starts the stand-in window on db and waits until it listens;
// its output lines come on the returned channel.
func startWindow(t *testing.T, db string) (*exec.Cmd, io.WriteCloser, <-chan string) {
	t.Helper()
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), asWindow+"="+db)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); cmd.Wait() })
	lines := make(chan string, 8)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	if first := <-lines; first != "LISTENING" {
		t.Fatalf("the window process says %q", first)
	}
	return cmd, stdin, lines
}

// Opening invite.ics while a window runs on the database hands the file
// to that window: the second process exits 0 saying so, and the window
// receives the file's absolute path. A window that died leaves no trap:
// the next start opens a window of its own and listens in its place.
func TestOpeningAFileWhileTheWindowRunsHandsItOver(t *testing.T) {
	db := tempDB(t)
	win, _, lines := startWindow(t, db)

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "invite.ics"), []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	second, out, errOut := cliProcess(t, time.Time{}, "--db", db, "invite.ics")
	second.Dir = dir // a desktop passes the name as the user clicked it
	err := second.Run()
	if exitCode(err) != 0 || !strings.Contains(out.String(), "Handed 1 file(s)") {
		t.Fatalf("second start: exit %d, %q, %q", exitCode(err), out, errOut)
	}
	if got, want := <-lines, "OPEN "+filepath.Join(dir, "invite.ics"); got != want {
		t.Fatalf("the window got %q, want %q", got, want)
	}

	// The window dies without cleaning up: its socket stays behind.
	if err := win.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	win.Wait()
	if _, err := os.Stat(handoff.SocketPath(db)); err != nil {
		t.Fatalf("the killed window left no socket to trip over: %v", err)
	}
	if handed, err := handoff.Send(db, []string{"invite.ics"}); handed || err != nil {
		t.Fatalf("handing to a dead window: %v, %v; want false, nil", handed, err)
	}
	startWindow(t, db) // listens over the stale socket
}
