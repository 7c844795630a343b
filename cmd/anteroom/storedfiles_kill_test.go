package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
)

// A command killed with kill -9 while copying a large file in leaves a
// partial temporary copy, or a complete one no record names; the next
// start removes both, and the database stays sound. Each try kills a real
// process at a random moment after its copy began, starts the command
// line again, and finds integrity ok, no orphan and no missing file.
func TestKilledAttachLeavesNothingAfterTheNextStart(t *testing.T) {
	if testing.Short() {
		t.Skip("copies large files in many processes")
	}
	db, monday := deskDB(t)
	big := make([]byte, 48<<20)
	for i := range big {
		big[i] = byte(i * 7)
	}
	const tries = 12
	commands := map[string]func(try int, file string) []string{
		"materials receive": func(try int, file string) []string {
			return []string{"--db", db, "materials", "receive", expectedMaterials(t, db, monday, try), "--file", file}
		},
		"visit add": func(try int, file string) []string {
			return []string{"--db", db, "visit", "add", "--org", fmt.Sprintf("单位%d", try), "--person", "王伟",
				"--purpose", "汇报", "--want", day(monday, 1) + " 09:00/12:00", "--file", file}
		},
	}
	for name, args := range commands {
		var midCopy, afterCopy, finished, leftBehind int
		// The first try runs to the end, to learn how long a run takes
		// after its copy begins; the others are killed within that time.
		window := time.Minute
		for try := range tries {
			file := filepath.Join(t.TempDir(), "材料.pdf")
			copy(big, fmt.Sprintf("%s try %d", name, try)) // new content each try
			if err := os.WriteFile(file, big, 0o600); err != nil {
				t.Fatal(err)
			}
			when, took := killWhileAttaching(t, db, args(try, file), window)
			if try == 0 {
				window = took
			}
			switch when {
			case "mid-copy":
				midCopy++
			case "after copy":
				afterCopy++
			default:
				finished++
			}
			if st := inspectStore(t, db); len(st.orphans) > 0 {
				leftBehind++
			}
			if out, err := commandProcess(t, "--db", db, "materials", "list").CombinedOutput(); err != nil {
				t.Fatalf("%s try %d: starting again: %v\n%s", name, try, err, out)
			}
			st := inspectStore(t, db)
			if st.integrity != "ok" || len(st.orphans) != 0 || len(st.missing) != 0 {
				t.Fatalf("%s try %d: after the next start integrity %q, orphans %v, missing %v",
					name, try, st.integrity, st.orphans, st.missing)
			}
		}
		t.Logf("%s: %d kill -9 tries (%d mid-copy, %d after the copy, %d finished first; %d left files behind): "+
			"after the next start integrity ok, 0 orphans, 0 missing", name, tries, midCopy, afterCopy, finished, leftBehind)
		if midCopy == 0 {
			t.Errorf("%s: no try killed the process mid-copy", name)
		}
	}
}

// killWhileAttaching starts the command line with args, waits until its
// copy of the file begins, kills it with SIGKILL at a random moment within
// window and says when that was: "mid-copy", "after copy", or "finished"
// when it ended first; and how long it ran after the copy began.
func killWhileAttaching(t *testing.T, db string, args []string, window time.Duration) (string, time.Duration) {
	t.Helper()
	p := commandProcess(t, args...)
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { p.Wait(); close(exited) }()
	dir := filesDir(db)
	for !copying(dir) {
		select {
		case <-exited:
			return "finished", 0
		case <-time.After(200 * time.Microsecond):
		}
	}
	began := time.Now()
	select {
	case <-exited:
		return "finished", time.Since(began)
	case <-time.After(rand.N(window)):
	}
	when := "after copy"
	if copying(dir) {
		when = "mid-copy"
	}
	p.Process.Kill()
	<-exited
	return when, time.Since(began)
}

// copying reports whether a temporary copy is in the files folder.
func copying(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".incoming-") {
			return true
		}
	}
	return false
}

// expectedMaterials declines a new visit request and returns the ID of
// the briefing materials it now expects.
func expectedMaterials(t *testing.T, db string, monday calendar.Date, try int) string {
	t.Helper()
	id := strings.TrimSpace(mustRun(t, "--db", db, "visit", "add", "--org", fmt.Sprintf("来访单位%d", try), "--person", "王伟",
		"--purpose", "汇报", "--want", day(monday, 1)+" 09:00/12:00"))
	declined := decode[visitJSON](t, mustRun(t, "--db", db, "visit", "decline", id, "--reason", "日程已满", "--json"))
	return fmt.Sprint(declined.Materials.ID)
}
