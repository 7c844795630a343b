// Package handoff keeps one window per database: a running window listens
// on a unix socket beside its database, and a second start that was only
// asked to open files (a desktop opening invite.ics) hands them to it and
// exits instead of opening a second window on the same book.
package handoff

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// maxSocketPath keeps under the shortest limit of sun_path (104 bytes on
// the BSDs and macOS, 108 on Linux).
const maxSocketPath = 100

// dialTimeout bounds how long a second start waits for a window that
// does not answer: it then opens a window of its own.
const dialTimeout = 2 * time.Second

// SocketPath is where the window of the database at dbPath listens: beside
// the database, or in the temporary folder under a name derived from the
// database's path when that would be too long for a socket.
func SocketPath(dbPath string) string {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		abs = dbPath
	}
	p := abs + ".sock"
	if len(p) <= maxSocketPath {
		return p
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(os.TempDir(), "anteroom-"+hex.EncodeToString(sum[:8])+".sock")
}

// request is what a second start sends: the files to open, absolute.
type request struct {
	Files []string `json:"files"`
}

// Send hands files to the window running on the database at dbPath. It
// reports false, with no error, when no window listens there.
func Send(dbPath string, files []string) (bool, error) {
	conn, err := net.DialTimeout("unix", SocketPath(dbPath), dialTimeout)
	if err != nil {
		return false, nil // nobody listens: the caller opens the window
	}
	defer conn.Close()
	abs := make([]string, len(files))
	for i, f := range files {
		if abs[i], err = filepath.Abs(f); err != nil {
			return false, fmt.Errorf("hand %s to the running window: %w", f, err)
		}
	}
	_ = conn.SetDeadline(time.Now().Add(dialTimeout))
	if err := json.NewEncoder(conn).Encode(request{Files: abs}); err != nil {
		return false, fmt.Errorf("hand files to the running window: %w", err)
	}
	reply, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || reply != "ok\n" {
		return false, fmt.Errorf("the running window did not take the files: %q: %w", reply, errors.Join(err, errNoAnswer))
	}
	return true, nil
}

var errNoAnswer = errors.New("no answer")

// Server is a window's end: it takes the files second starts hand over
// and passes them to the opener, once one is set.
type Server struct {
	ln   net.Listener
	path string

	mu      sync.Mutex
	open    func(files []string)
	pending [][]string // handed over before the window could open them
}

// Listen starts listening for the database at dbPath. A socket left by a
// window that died is removed first; a live one means another window runs
// on the database, and Listen fails.
func Listen(dbPath string) (*Server, error) {
	path := SocketPath(dbPath)
	if conn, err := net.DialTimeout("unix", path, dialTimeout); err == nil {
		conn.Close()
		return nil, fmt.Errorf("listen on %s: another window runs on %s", path, dbPath)
	}
	_ = os.Remove(path) // stale, or absent
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", path, err)
	}
	s := &Server{ln: ln, path: path}
	go s.accept()
	return s, nil
}

// Serve sets the opener, and passes it what was handed over before.
func (s *Server) Serve(open func(files []string)) {
	s.mu.Lock()
	s.open = open
	pending := s.pending
	s.pending = nil
	s.mu.Unlock()
	for _, files := range pending {
		open(files)
	}
}

// Close stops listening and removes the socket.
func (s *Server) Close() error {
	err := s.ln.Close()
	_ = os.Remove(s.path)
	return err
}

func (s *Server) accept() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return // closed
		}
		go s.handle(conn)
	}
}

// handle reads one request, acknowledges it and passes the files on.
func (s *Server) handle(conn net.Conn) {
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(dialTimeout))
	var req request
	if err := json.NewDecoder(conn).Decode(&req); err != nil || len(req.Files) == 0 {
		return
	}
	if _, err := conn.Write([]byte("ok\n")); err != nil {
		return
	}
	s.mu.Lock()
	open := s.open
	if open == nil {
		s.pending = append(s.pending, req.Files)
	}
	s.mu.Unlock()
	if open != nil {
		open(req.Files)
	}
}
