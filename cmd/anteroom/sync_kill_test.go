package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"anteroom/dav"
	"anteroom/dav/davtest"
)

// batchICS is a file of n new items, distinct per batch, one an hour on
// working days from 2031-06-02.
func batchICS(t *testing.T, batch, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//kill//EN\r\n")
	day := time.Date(2031, 6, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 21*batch)
	for i := range n {
		d := day.AddDate(0, 0, i/8)
		start := d.Add(time.Duration(1+i%8) * time.Hour) // 09:00–16:00 in Shanghai
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:kill-%d-%d@test\r\nDTSTAMP:20310101T000000Z\r\nDTSTART:%s\r\nDTEND:%s\r\nSUMMARY:批次%d 第%d项\r\nCLASS:PUBLIC\r\nEND:VEVENT\r\n",
			batch, i, start.Format("20060102T150405Z"), start.Add(45*time.Minute).Format("20060102T150405Z"), batch, i)
	}
	b.WriteString("END:VCALENDAR\r\n")
	file := filepath.Join(t.TempDir(), fmt.Sprintf("batch%d.ics", batch))
	if err := os.WriteFile(file, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

// killDuring starts `sync` on db and kills it with SIGKILL after a random
// moment within window; it says whether the process finished first.
func killDuring(t *testing.T, db string, window time.Duration) bool {
	t.Helper()
	p, _, _ := cliProcess(t, time.Time{}, "--db", db, "sync")
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { p.Wait(); close(exited) }()
	select {
	case <-exited:
		return true
	case <-time.After(rand.N(window)):
	}
	p.Process.Kill()
	<-exited
	return false
}

// liveUIDs counts a desk's live engagements and their distinct UIDs, and
// checks the database's integrity.
func liveUIDs(t *testing.T, dbPath string) (rows, uids int) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var integrity string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("%s: integrity_check %q %v", dbPath, integrity, err)
	}
	if err := db.QueryRow("SELECT count(*), count(DISTINCT uid) FROM engagements WHERE deleted IS NULL").Scan(&rows, &uids); err != nil {
		t.Fatal(err)
	}
	return rows, uids
}

// A real process running sync over a book of 100 new items, killed with
// kill -9 at random moments (pushing on one desk, pulling on the other):
// the next sync completes the work, nothing is duplicated on the server
// or on either desk, no conflict appears, and both databases are sound.
func TestSyncKilledMidwayIsCompletedByTheNext(t *testing.T) {
	if testing.Short() {
		t.Skip("many processes against a real server")
	}
	srv := davtest.Start(t)
	t.Setenv("ANTEROOM_PASSWORD", davtest.Password)
	t.Setenv("ANTEROOM_SECRETS", "file")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a", "anteroom.db"), filepath.Join(dir, "b", "anteroom.db")
	for _, db := range []string{a, b} {
		mustRun(t, "--db", db, "leader", "add", "--name", "张书记", "--zone", "Asia/Shanghai")
		mustRun(t, "--db", db, "account", "add", "--url", srv.URL, "--user", davtest.User, "--leader", "张书记")
	}
	client, err := dav.New(srv.URL, davtest.User, davtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	cal := decode[[]accountJSON](t, mustRun(t, "--db", a, "account", "list", "--json"))[0].Books[0].Calendar
	const tries, perBatch = 4, 100
	pushWindow, pullWindow := time.Duration(0), time.Duration(0)
	var killed, finished int
	for try := range tries {
		mustRun(t, "--db", a, "import", "--json", batchICS(t, try, perBatch))
		if try == 0 { // learn how long whole syncs take
			began := time.Now()
			mustRun(t, "--db", a, "sync")
			pushWindow = time.Since(began)
			began = time.Now()
			mustRun(t, "--db", b, "sync")
			pullWindow = time.Since(began)
			continue
		}
		for _, k := range []struct {
			db     string
			window time.Duration
		}{{a, pushWindow}, {b, pullWindow}} {
			if killDuring(t, k.db, k.window) {
				finished++
			} else {
				killed++
			}
			if code, out, errOut := anteroom(t, "--db", k.db, "sync"); code != 0 || strings.Contains(out, "conflicts") && !strings.Contains(out, "0 new conflicts") {
				t.Fatalf("try %d: the sync after the kill: exit %d\n%s%s", try, code, out, errOut)
			}
		}
		mustRun(t, "--db", b, "sync") // what A finished after B's kill
		want := perBatch * (try + 1)
		items, err := client.ListETags(context.Background(), cal)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		for _, it := range items {
			o, err := client.Get(context.Background(), it.Path)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(o.Data), "\r\n") {
				if strings.HasPrefix(line, "UID:") {
					seen[strings.TrimPrefix(line, "UID:")]++
				}
			}
		}
		if len(items) != want || len(seen) != want {
			t.Fatalf("try %d: the server holds %d objects with %d UIDs, want %d", try, len(items), len(seen), want)
		}
		for uid, n := range seen {
			if n != 1 {
				t.Fatalf("try %d: UID %s is in %d objects", try, uid, n)
			}
		}
		for _, db := range []string{a, b} {
			if rows, uids := liveUIDs(t, db); rows != want || uids != want {
				t.Fatalf("try %d: %s holds %d engagements with %d UIDs, want %d", try, db, rows, uids, want)
			}
		}
		if cs := decode[[]conflictJSON](t, mustRun(t, "--db", a, "sync", "conflicts", "--json")); len(cs) != 0 {
			t.Fatalf("try %d: desk A has %d conflicts after the kills", try, len(cs))
		}
	}
	t.Logf("%d kill -9 tries (%d killed, %d finished first; push %v, pull %v): every restart completed, 0 duplicates, integrity ok",
		2*(tries-1), killed, finished, pushWindow.Round(time.Millisecond), pullWindow.Round(time.Millisecond))
}
