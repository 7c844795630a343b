package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// anteroom runs the command line as a user would and returns its exit
// code, standard output and standard error.
func anteroom(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func tempDB(t *testing.T) string {
	t.Helper()
	t.Setenv("ANTEROOM_DB", "")
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	return filepath.Join(t.TempDir(), "anteroom.db")
}

func agenda(t *testing.T, db string, args ...string) []agendaItem {
	t.Helper()
	code, out, errOut := anteroom(t, append([]string{"--db", db, "agenda", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("agenda %v: exit %d: %s", args, code, errOut)
	}
	var items []agendaItem
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("agenda --json printed %q: %v", out, err)
	}
	return items
}

func TestDemoThenAgendaJSON(t *testing.T) {
	db := tempDB(t)
	code, out, errOut := anteroom(t, "--db", db, "demo", "--leader", "张书记", "--week", "2026-11-25")
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "2026-11-23") {
		t.Fatalf("demo did not name the week it filled: %q", out)
	}
	items := agenda(t, db, "--from", "2026-11-23", "--to", "2026-11-29")
	if len(items) < 8 {
		t.Fatalf("agenda of the sample week has %d items", len(items))
	}
	var sawChinese, sawAllDay bool
	for _, it := range items {
		if it.UID == "" || it.Leader != "张书记" || it.Kind == "" || it.Status == "" || it.Classification == "" {
			t.Errorf("item lacks fields: %+v", it)
		}
		if it.Title == "周一例会" {
			sawChinese = true
			start, err := time.Parse(time.RFC3339, it.Start)
			if err != nil || it.AllDay {
				t.Fatalf("timed item start %q: %v", it.Start, err)
			}
			if _, off := start.Zone(); !strings.HasSuffix(it.Start, "Z") && off == 0 && !strings.Contains(it.Start, "+00:00") {
				t.Errorf("start %q carries no offset", it.Start)
			}
		}
		if it.AllDay {
			sawAllDay = true
			s, err1 := time.Parse(time.DateOnly, it.Start)
			e, err2 := time.Parse(time.DateOnly, it.End)
			if err1 != nil || err2 != nil || !e.After(s) {
				t.Errorf("all-day item has start %q end %q; want dates, end exclusive", it.Start, it.End)
			}
		}
	}
	if !sawChinese || !sawAllDay {
		t.Fatalf("sample week lacks the Chinese meeting (%v) or an all-day item (%v)", sawChinese, sawAllDay)
	}
}

func TestAgendaToIsInclusive(t *testing.T) {
	db := tempDB(t)
	if code, _, errOut := anteroom(t, "--db", db, "demo", "--week", "2026-11-23"); code != 0 {
		t.Fatal(errOut)
	}
	monday := agenda(t, db, "--from", "2026-11-23", "--to", "2026-11-23")
	if len(monday) == 0 {
		t.Fatal("--from and --to on the same day list nothing")
	}
	for _, it := range monday {
		if !strings.HasPrefix(it.Start, "2026-11-23") {
			t.Errorf("Monday's agenda lists %s at %s", it.Title, it.Start)
		}
	}
	if sunday := agenda(t, db, "--from", "2026-11-22", "--to", "2026-11-22"); len(sunday) != 0 {
		t.Fatalf("the Sunday before lists %d items", len(sunday))
	}
}

func TestAgendaRefusesBadInput(t *testing.T) {
	db := tempDB(t)
	anteroom(t, "--db", db, "demo")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--from", "2026-11-31", "--to", "2026-12-01"}, "--from"},
		{[]string{"--from", "2026-11-23", "--to", "23/11/2026"}, "--to"},
		{[]string{"--from", "2026-11-23", "--to", "2026-11-22"}, "--to"},
		{[]string{"--to", "2026-11-22"}, "--from"},
		{[]string{"--from", "2026-11-23", "--to", "2026-11-24", "--leader", "无此人"}, "--leader"},
	}
	for _, c := range cases {
		code, out, errOut := anteroom(t, append([]string{"--db", db, "agenda", "--json"}, c.args...)...)
		if code != 1 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("agenda %v: exit %d, stdout %q, stderr %q; want exit 1 naming %s", c.args, code, out, errOut, c.want)
		}
	}
}

func TestDatabasePathPrecedence(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	t.Setenv("ANTEROOM_DB", "")
	if p, _ := databasePath(""); p != filepath.Join(dir, "anteroom", "anteroom.db") {
		t.Errorf("default path %s, want it in XDG_DATA_HOME", p)
	}
	t.Setenv("ANTEROOM_DB", filepath.Join(dir, "env.db"))
	if p, _ := databasePath(""); p != filepath.Join(dir, "env.db") {
		t.Errorf("ANTEROOM_DB ignored: %s", p)
	}
	if p, _ := databasePath(filepath.Join(dir, "flag.db")); p != filepath.Join(dir, "flag.db") {
		t.Errorf("--db does not win over ANTEROOM_DB: %s", p)
	}

	// Through the command: demo writes where ANTEROOM_DB says.
	env := filepath.Join(dir, "through-env.db")
	t.Setenv("ANTEROOM_DB", env)
	if code, _, errOut := anteroom(t, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	if items := agenda(t, env, "--from", "2000-01-01", "--to", "2100-01-01"); len(items) == 0 {
		t.Fatal("demo did not write to the ANTEROOM_DB database")
	}
}

func TestUnknownCommandAndCorruptDatabase(t *testing.T) {
	db := tempDB(t)
	if code, _, errOut := anteroom(t, "--db", db, "frobnicate"); code != 1 || !strings.Contains(errOut, "frobnicate") {
		t.Fatalf("unknown command: exit %d, %q", code, errOut)
	}
	bad := filepath.Join(t.TempDir(), "notes.db")
	if err := writeFile(bad, "这不是数据库\n"); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := anteroom(t, "--db", bad, "agenda", "--from", "2026-11-23", "--to", "2026-11-23")
	if code != 1 || !strings.Contains(errOut, bad) {
		t.Fatalf("corrupt database: exit %d, %q; want exit 1 naming the file", code, errOut)
	}
}

func TestCalendarFilesOpenTheWindowRatherThanACommand(t *testing.T) {
	for args, want := range map[string]bool{"invite.ics": true, "a.ICS b.ics": true, "import a.ics": false, "agenda": false, "": false} {
		if got := allCalendarFiles(strings.Fields(args)); got != want {
			t.Errorf("allCalendarFiles(%q) = %v, want %v", args, got, want)
		}
	}
}
