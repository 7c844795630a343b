package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"anteroom/dav/davtest"
)

// linkedDesk is a database with the leader 张书记 whose book is linked to
// the server at url, as a desk's secretary sets it up.
func linkedDesk(t *testing.T, dir, url string) string {
	t.Helper()
	db := filepath.Join(dir, "anteroom.db")
	mustRun(t, "--db", db, "leader", "add", "--name", "张书记", "--zone", "Asia/Shanghai")
	mustRun(t, "--db", db, "account", "add", "--url", url, "--user", davtest.User, "--leader", "张书记")
	return db
}

// TestTwoDesksNeverDoubleBook: two desks, two databases that share
// nothing but the server, book the same hour of the same leader at the
// same instant, forty times. Each time exactly one books it; the other is
// refused with exit 3, naming the winner's booking, which it has never
// pulled.
func TestTwoDesksNeverDoubleBook(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 80 processes")
	}
	const rounds = 40
	srv := davtest.Start(t)
	t.Setenv("ANTEROOM_PASSWORD", davtest.Password)
	t.Setenv("ANTEROOM_SECRETS", "file")
	dir := t.TempDir()
	desks := []string{linkedDesk(t, filepath.Join(dir, "a"), srv.URL), linkedDesk(t, filepath.Join(dir, "b"), srv.URL)}
	slots := raceDays(t, desks[0], rounds)
	doubles := 0
	for r, sl := range slots {
		at := time.Now().Add(200 * time.Millisecond)
		type proc struct {
			title string
			code  int
			out   string
		}
		results := make(chan proc, len(desks))
		for p, db := range desks {
			title := fmt.Sprintf("会议 R%d-%c", r, 'A'+p)
			cmd, out, errOut := cliProcess(t, at, "--db", db, "add", "--title", title, "--start", sl.Start, "--end", sl.End)
			go func() {
				err := cmd.Run()
				results <- proc{title, exitCode(err), out.String() + errOut.String()}
			}()
		}
		var won, lost []proc
		for range desks {
			switch p := <-results; p.code {
			case 0:
				won = append(won, p)
			case exitFindings:
				lost = append(lost, p)
			default:
				t.Fatalf("round %d: %s exited %d: %s", r, p.title, p.code, p.out)
			}
		}
		if len(won) != 1 {
			doubles++
			t.Errorf("round %d: %d desks booked %s", r, len(won), sl.Start)
			continue
		}
		if !strings.Contains(lost[0].out, won[0].title) || !strings.Contains(lost[0].out, "booked on the desk") {
			t.Errorf("round %d: %s was refused without naming the other desk's booking (%s): %s", r, lost[0].title, won[0].title, lost[0].out)
		}
	}
	// After both sync, each desk holds exactly one booking a day.
	for _, db := range desks {
		mustRun(t, "--db", db, "sync")
	}
	for _, db := range desks {
		mustRun(t, "--db", db, "sync")
		for r, sl := range slots {
			start, _ := time.Parse(time.RFC3339, sl.Start)
			day := start.Format(time.DateOnly)
			if n := len(agenda(t, db, "--from", day, "--to", day)); n != 1 {
				t.Errorf("round %d: after syncing, %s holds %d items on %s, want 1", r, filepath.Base(filepath.Dir(db)), n, day)
			}
		}
	}
	t.Logf("2 desks (processes) × %d rounds: %d double bookings", rounds, doubles)
}

// switchable is a proxy to the server that can be cut off, as a desk's
// network is.
type switchable struct {
	down  atomic.Bool
	proxy *httputil.ReverseProxy
}

func (s *switchable) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.down.Load() {
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close() // no answer at all
		}
		return
	}
	s.proxy.ServeHTTP(w, r)
}

// A booking made while the server cannot be reached is saved, marked not
// yet confirmed, and the next sync checks it: a clash with another desk's
// booking is reported (exit 3, naming both), one without is confirmed and
// from then on stops the other desk.
func TestOfflineBookingIsCheckedAtTheNextSync(t *testing.T) {
	srv := davtest.Start(t)
	t.Setenv("ANTEROOM_PASSWORD", davtest.Password)
	t.Setenv("ANTEROOM_SECRETS", "file")
	target, _ := url.Parse(srv.URL)
	link := &switchable{proxy: httputil.NewSingleHostReverseProxy(target)}
	ln, err := link.listen()
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: link}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })

	dir := t.TempDir()
	a := linkedDesk(t, filepath.Join(dir, "a"), srv.URL)
	b := linkedDesk(t, filepath.Join(dir, "b"), "http://"+ln.Addr().String()+"/")
	day := time.Now().AddDate(0, 0, 60).Format(time.DateOnly)
	next := time.Now().AddDate(0, 0, 61).Format(time.DateOnly)

	link.down.Store(true)
	out := mustRun(t, "--db", b, "add", "--title", "离线会议", "--start", day+" 10:00", "--end", day+" 11:00")
	if !strings.Contains(out, "not yet confirmed") || !strings.Contains(out, "[unconfirmed]") {
		t.Errorf("an offline booking does not say it is unconfirmed:\n%s", out)
	}
	mustRun(t, "--db", b, "add", "--title", "离线但空闲", "--start", next+" 15:00", "--end", next+" 16:00")
	mustRun(t, "--db", a, "add", "--title", "在线会议", "--start", day+" 10:30", "--end", day+" 11:30")

	link.down.Store(false)
	code, stdout, errOut := anteroom(t, "--db", b, "sync", "--json")
	if code != exitFindings {
		t.Fatalf("sync with a clashing offline booking: exit %d: %s %s", code, stdout, errOut)
	}
	type clash struct {
		Title      string `json:"title"`
		OtherTitle string `json:"other_title"`
	}
	rs := decode[[]struct {
		OK      bool    `json:"ok"`
		Clashes []clash `json:"clashes"`
	}](t, stdout)
	if len(rs) != 1 || !rs[0].OK || len(rs[0].Clashes) != 1 || rs[0].Clashes[0] != (clash{"离线会议", "在线会议"}) {
		t.Fatalf("sync reports %+v", rs)
	}
	code, text, _ := anteroom(t, "--db", b, "sync")
	if code != exitFindings || !strings.Contains(text, "离线会议") || !strings.Contains(text, "在线会议") {
		t.Errorf("sync again: exit %d:\n%s", code, text)
	}
	// The free one was confirmed: desk A, which has not pulled it, is stopped by it.
	code, stdout, errOut = anteroom(t, "--db", a, "add", "--title", "迟到的会", "--start", next+" 15:30", "--end", next+" 16:30")
	if code != exitFindings || !strings.Contains(stdout+errOut, "离线但空闲") {
		t.Errorf("desk A booking over a confirmed offline booking: exit %d: %s %s", code, stdout, errOut)
	}
}

func (s *switchable) listen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }
