package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
)

// A command that fails after copying in a file must not take that file
// from a command in another process that is saving a record with the same
// content. Each round starts visit adds and failing materials receipts
// (of materials already received) at once, all with one new file; after
// them every attachment row's file must be there.
func TestFailingCommandKeepsTheFileAnotherProcessAttaches(t *testing.T) {
	if testing.Short() {
		t.Skip("starts many processes")
	}
	db, monday := deskDB(t)
	received := receivedMaterials(t, db, monday)
	const rounds, each = 8, 4
	added := 0
	for round := range rounds {
		letter := filepath.Join(t.TempDir(), "来函.pdf")
		if err := os.WriteFile(letter, bytes.Repeat([]byte(fmt.Sprintf("round %d ", round)), 1<<14), 0o600); err != nil {
			t.Fatal(err)
		}
		var procs []*exec.Cmd
		var wantOK []bool
		for i := range each {
			procs = append(procs,
				commandProcess(t, "--db", db, "visit", "add", "--org", fmt.Sprintf("单位%d-%d", round, i), "--person", "王伟",
					"--purpose", "汇报", "--want", day(monday, 1)+" 09:00/12:00", "--file", letter),
				commandProcess(t, "--db", db, "materials", "receive", received, "--file", letter))
			wantOK = append(wantOK, true, false)
		}
		// Holding the write lock while they start makes them all copy the
		// file in and then queue for the lock: the contention of a busy desk.
		release := holdWriteLock(t, db)
		outs := make([]bytes.Buffer, len(procs))
		for i, p := range procs {
			p.Stdout, p.Stderr = &outs[i], &outs[i]
			if err := p.Start(); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(1500 * time.Millisecond)
		release()
		for i, p := range procs {
			err := p.Wait()
			if (err == nil) != wantOK[i] {
				t.Fatalf("round %d: %v: %v\n%s", round, p.Args, err, outs[i].String())
			}
		}
		added += each
		st := inspectStore(t, db)
		if st.integrity != "ok" || st.rows != added || len(st.missing) != 0 || len(st.orphans) != 0 {
			t.Fatalf("round %d: integrity %q, %d attachment rows (want %d), files missing %v, orphans %v",
				round, st.integrity, st.rows, added, st.missing, st.orphans)
		}
	}
	t.Logf("%d rounds × %d processes (%d visit adds, %d failing receipts each) sharing one file: 0 missing, 0 orphans",
		rounds, 2*each, each, each)
}

// receivedMaterials returns the ID of briefing materials already received,
// which cannot be received again: a command that fails after copying its
// files in.
func receivedMaterials(t *testing.T, db string, monday calendar.Date) string {
	t.Helper()
	id := strings.TrimSpace(mustRun(t, "--db", db, "visit", "add", "--org", "华东电力公司", "--person", "王伟",
		"--purpose", "汇报", "--want", day(monday, 1)+" 09:00/12:00"))
	declined := decode[visitJSON](t, mustRun(t, "--db", db, "visit", "decline", id, "--reason", "日程已满", "--json"))
	mid := fmt.Sprint(declined.Materials.ID)
	mustRun(t, "--db", db, "materials", "receive", mid)
	return mid
}
