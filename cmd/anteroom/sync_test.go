package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"anteroom/dav/davtest"
)

type syncJSON struct {
	Leader        string `json:"leader"`
	PulledNew     int    `json:"pulled_new"`
	PulledUpdated int    `json:"pulled_updated"`
	PushedCreated int    `json:"pushed_created"`
	PushedUpdated int    `json:"pushed_updated"`
	Conflicts     int    `json:"conflicts"`
	OK            bool   `json:"ok"`
	Error         string `json:"error"`
}

// Two desks, each with its own database, add the same account and leader
// and share one book through the command line: what one books the other
// sees at the same instants, a concurrent edit becomes one conflict that
// resolve settles, and the password stays out of the database.
func TestTwoDesksShareABookThroughTheCommandLine(t *testing.T) {
	srv := davtest.Start(t)
	t.Setenv("ANTEROOM_PASSWORD", davtest.Password)
	t.Setenv("ANTEROOM_SECRETS", "file")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a", "anteroom.db"), filepath.Join(dir, "b", "anteroom.db")
	for _, db := range []string{a, b} {
		mustRun(t, "--db", db, "leader", "add", "--name", "张书记", "--zone", "Asia/Shanghai")
		out := mustRun(t, "--db", db, "account", "add", "--url", srv.URL, "--user", davtest.User, "--leader", "张书记")
		if !strings.Contains(out, db+".secrets") {
			t.Errorf("account add does not say where the password is kept:\n%s", out)
		}
		st, err := os.Stat(db + ".secrets")
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("secrets file: %v %v, want mode 0600", st, err)
		}
		raw, _ := os.ReadFile(db)
		if strings.Contains(string(raw), davtest.Password) {
			t.Error("the password is in the database file")
		}
	}
	list := decode[[]accountJSON](t, mustRun(t, "--db", b, "account", "list", "--json"))
	if len(list) != 1 || len(list[0].Books) != 1 || list[0].Books[0].Leader != "张书记" {
		t.Fatalf("account list: %+v", list)
	}

	mustRun(t, "--db", a, "add", "--title", "党委会", "--start", "2031-05-06 09:00", "--end", "2031-05-06 10:30", "--location", "第一会议室")
	sync := func(db string) syncJSON {
		t.Helper()
		rs := decode[[]syncJSON](t, mustRun(t, "--db", db, "sync", "--json"))
		if len(rs) != 1 || !rs[0].OK {
			t.Fatalf("sync: %+v", rs)
		}
		return rs[0]
	}
	if r := sync(a); r.PushedCreated != 1 {
		t.Fatalf("desk A's first sync: %+v", r)
	}
	if r := sync(b); r.PulledNew != 1 {
		t.Fatalf("desk B's first sync: %+v", r)
	}
	onA, onB := agenda(t, a, "--from", "2031-05-06", "--to", "2031-05-06"), agenda(t, b, "--from", "2031-05-06", "--to", "2031-05-06")
	if len(onA) != 1 || len(onB) != 1 || onA[0].UID != onB[0].UID || onA[0].Start != onB[0].Start || onA[0].End != onB[0].End || onB[0].Title != "党委会" {
		t.Fatalf("desk A has %+v, desk B %+v", onA, onB)
	}
	if r := sync(b); r != (syncJSON{Leader: "张书记", OK: true}) {
		t.Errorf("a quiet sync: %+v", r)
	}

	// No edit command exists yet: two imports of a newer version of the
	// item, one per desk, edit it on both sides.
	edit := func(db, title string) {
		ics := filepath.Join(dir, title+".ics")
		body := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + onA[0].UID +
			"\r\nSEQUENCE:5\r\nDTSTAMP:20310501T000000Z\r\nDTSTART;TZID=Asia/Shanghai:20310506T090000\r\nDTEND;TZID=Asia/Shanghai:20310506T103000\r\nSUMMARY:" +
			title + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
		if err := os.WriteFile(ics, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		mustRun(t, "--db", db, "import", ics)
	}
	edit(a, "党委会（A）")
	edit(b, "党委会（B）")
	sync(a)
	if r := sync(b); r.Conflicts != 1 {
		t.Fatalf("desk B after both edited: %+v, want one conflict", r)
	}
	cs := decode[[]conflictJSON](t, mustRun(t, "--db", b, "sync", "conflicts", "--json"))
	if len(cs) != 1 || !strings.Contains(cs[0].Local, "党委会（B）") || !strings.Contains(cs[0].Server, "党委会（A）") {
		t.Fatalf("conflicts: %+v", cs)
	}
	text := mustRun(t, "--db", b, "sync", "conflicts")
	if !strings.Contains(text, "党委会（A）") || !strings.Contains(text, "党委会（B）") {
		t.Errorf("sync conflicts shows:\n%s", text)
	}
	mustRun(t, "--db", b, "sync", "resolve", "1", "--keep", "server")
	if got := agenda(t, b, "--from", "2031-05-06", "--to", "2031-05-06"); got[0].Title != "党委会（A）" {
		t.Errorf("after keeping the server's version desk B has %q", got[0].Title)
	}
	if code, _, errOut := anteroom(t, "--db", b, "sync", "resolve", "1", "--keep", "local"); code != 1 || !strings.Contains(errOut, "already resolved") {
		t.Errorf("resolving again: exit %d, %s", code, errOut)
	}
}

// Errors reach the user in words, in their language.
func TestSyncErrorsInWords(t *testing.T) {
	srv := davtest.Start(t)
	t.Setenv("ANTEROOM_SECRETS", "file")
	db := filepath.Join(t.TempDir(), "anteroom.db")
	mustRun(t, "--db", db, "leader", "add", "--name", "Zhang", "--zone", "Asia/Shanghai")
	t.Setenv("ANTEROOM_PASSWORD", "wrong")
	if code, _, errOut := anteroom(t, "--db", db, "account", "add", "--url", srv.URL, "--user", davtest.User); code != 1 || !strings.Contains(errOut, "rejected the user name or password") {
		t.Errorf("wrong password: exit %d, %s", code, errOut)
	}
	t.Setenv("ANTEROOM_PASSWORD", davtest.Password)
	mustRun(t, "--db", db, "account", "add", "--url", srv.URL, "--user", davtest.User)
	srv.Stop()
	code, _, errOut := anteroom(t, "--db", db, "sync")
	if code != 1 || !strings.Contains(errOut, "cannot be reached") || !strings.Contains(errOut, "Zhang") {
		t.Errorf("server stopped: exit %d, %s", code, errOut)
	}
	cmd, _, zhErr := cliProcess(t, time.Time{}, "--db", db, "sync")
	cmd.Env = append(cmd.Env, "LANG=zh_CN.UTF-8", "LC_ALL=zh_CN.UTF-8", "LANGUAGE=zh_CN", "ANTEROOM_SECRETS=file")
	err := cmd.Run()
	errOut = zhErr.String()
	if exitCode(err) != 1 || strings.Contains(errOut, "cannot be reached") || !strings.Contains(errOut, "Zhang") {
		t.Errorf("server stopped, in Chinese: exit %d, %s", exitCode(err), errOut)
	}
	t.Logf("zh-CN: %s", errOut)
}
