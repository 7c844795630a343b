// Package davtest starts a real CalDAV server (Radicale) for tests: one
// process and one fresh storage folder per test, on a free port of
// 127.0.0.1, with two htpasswd (bcrypt) users, stopped when the test ends.
//
// Radicale comes from the Debian packages radicale, python3-bcrypt and
// apache2-utils (for htpasswd), which `make test-deps` installs. Without
// them the tests are skipped with a loud message, except under CI (the CI
// environment variable is set), where they fail.
package davtest

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The accounts every server has. Other is a second account, for what one
// account may not do to another's calendars.
const (
	User          = "desk"
	Password      = "desk-secret"
	OtherUser     = "other"
	OtherPassword = "other-secret"
)

// Server is a running Radicale.
type Server struct {
	URL     string // e.g. http://127.0.0.1:40123/
	Dir     string // config, users, storage and log
	t       testing.TB
	cmd     *exec.Cmd
	done    chan struct{}
	stopped bool
}

// Start runs a Radicale for t and stops it when t ends.
func Start(t testing.TB) *Server {
	t.Helper()
	radicale := require(t)
	dir := t.TempDir()
	users := filepath.Join(dir, "users")
	for i, u := range [][2]string{{User, Password}, {OtherUser, OtherPassword}} {
		args := []string{"-B", "-b", users, u[0], u[1]}
		if i == 0 {
			args = append([]string{"-c"}, args...)
		}
		if out, err := exec.Command("htpasswd", args...).CombinedOutput(); err != nil {
			t.Fatalf("htpasswd: %v: %s", err, out)
		}
	}
	var last string
	for try := 0; try < 3; try++ { // another program may take the port between pick and bind
		port := freePort(t)
		s, log, err := launch(t, radicale, dir, port)
		if err == nil {
			return s
		}
		last = fmt.Sprintf("%v\n%s", err, log)
	}
	t.Fatalf("radicale did not start: %s", last)
	return nil
}

// require finds radicale and htpasswd, or ends the test.
func require(t testing.TB) string {
	t.Helper()
	radicale, err1 := exec.LookPath("radicale")
	_, err2 := exec.LookPath("htpasswd")
	if err1 == nil && err2 == nil {
		return radicale
	}
	msg := "********** CalDAV tests need a real Radicale: install the Debian packages radicale, python3-bcrypt " +
		"and apache2-utils (make test-deps does) **********"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func launch(t testing.TB, radicale, dir string, port int) (*Server, string, error) {
	config := filepath.Join(dir, "config")
	storage := filepath.Join(dir, "storage")
	logPath := filepath.Join(dir, "radicale.log")
	conf := fmt.Sprintf(`[server]
hosts = 127.0.0.1:%d

[auth]
type = htpasswd
htpasswd_filename = %s
htpasswd_encryption = bcrypt
# No pause after a wrong password: the tests try one on purpose.
delay = 0

[storage]
filesystem_folder = %s

[rights]
type = owner_only

[logging]
level = warning
`, port, filepath.Join(dir, "users"), storage)
	if err := os.WriteFile(config, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	cmd := exec.Command(radicale, "--config", config)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	dieWithParent(cmd)
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	s := &Server{URL: "http://127.0.0.1:" + strconv.Itoa(port) + "/", Dir: dir, t: t, cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(s.done) }()
	deadline := time.Now().Add(15 * time.Second)
	for {
		select {
		case <-s.done:
			log, _ := os.ReadFile(logPath)
			return nil, string(log), fmt.Errorf("radicale exited: %v", cmd.ProcessState)
		default:
		}
		if resp, err := http.Get(s.URL + ".well-known/caldav"); err == nil {
			resp.Body.Close()
			t.Cleanup(s.Stop)
			return s, "", nil
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			<-s.done
			log, _ := os.ReadFile(logPath)
			return nil, string(log), fmt.Errorf("radicale did not answer on port %d within 15 s", port)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Stop ends the server (SIGTERM, then SIGKILL after 5 s); the storage
// stays until the test ends. Safe to call twice.
func (s *Server) Stop() {
	if s.stopped {
		return
	}
	s.stopped = true
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}

// Log is what Radicale wrote so far, for failure messages.
func (s *Server) Log() string {
	b, _ := os.ReadFile(filepath.Join(s.Dir, "radicale.log"))
	return string(bytes.TrimSpace(b))
}

// Seed stores a whole calendar file at calendarPath in one request, each
// event becoming one object: Radicale's bulk import (a PUT on a collection
// path, not part of CalDAV), far faster than one PUT per event because
// Radicale 3.1.8 reads every object of a calendar on each create (its UID
// check). For filling large calendars before a measurement.
func (s *Server) Seed(calendarPath string, ics []byte) error {
	req, err := http.NewRequest(http.MethodPut, strings.TrimSuffix(s.URL, "/")+calendarPath, bytes.NewReader(ics))
	if err != nil {
		return err
	}
	req.SetBasicAuth(User, Password)
	req.Header.Set("Content-Type", "text/calendar; charset=utf-8")
	resp, err := (&http.Client{Timeout: 30 * time.Minute}).Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("seeding %s: %s", calendarPath, resp.Status)
	}
	return nil
}

// CalendarPath is the path of a calendar named name in user's home.
func CalendarPath(user, name string) string {
	return "/" + user + "/" + strings.Trim(name, "/") + "/"
}
