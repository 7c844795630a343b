//go:build linux

package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestImportPeakMemoryIsBoundedByTheFile imports 200,000 of the smallest
// events a file may hold (UID and DTSTART: 13 MB) in a process of its own
// and holds its peak resident memory to three times the file, over what
// importing a one-event file takes (the process's own start: runtime,
// binary, SQLite) plus streamingRoom. Holding every item of the file cost
// about 3 KB an event, whatever its size: 590 MB here.
func TestImportPeakMemoryIsBoundedByTheFile(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("a memory bound: not with -short, nor under the race detector's shadow memory")
	}
	dir := t.TempDir()
	one := tinyEventsFile(t, dir, "one.ics", 1)
	many := tinyEventsFile(t, dir, "many.ics", 200_000)
	st, err := os.Stat(many)
	if err != nil {
		t.Fatal(err)
	}
	start := importPeak(t, dir, one)
	peak := importPeak(t, dir, many)
	bound := 3*st.Size() + start + streamingRoom
	t.Logf("peak %d MB importing %d MB (%.1f× the file); %d MB for one event; bound %d MB",
		peak>>20, st.Size()>>20, float64(peak)/float64(st.Size()), start>>20, bound>>20)
	if peak > bound {
		t.Fatalf("importing a %d MB file peaked at %d MB, over 3× the file + %d MB (one event) + %d MB",
			st.Size()>>20, peak>>20, start>>20, streamingRoom>>20)
	}
}

// streamingRoom is what a streamed import holds whatever the file's size:
// three batches of 4096 items (one read, one stored, one spare) at about
// 1 KB each with their strings, 12 MB; as much again for the garbage
// collector's headroom; the page caches of the two SQLite connections and
// the bulk load's sorter, 8 MB; and 20 MB for the measure's noise (the
// runtime returns memory to the system when it likes). The mapped file
// and the set of identity hashes (16 bytes an event at most) grow with
// the file and are inside its 3×.
const streamingRoom = 64 << 20

// importPeak imports file into a new calendar in a process of its own and
// returns that process's peak resident memory.
func importPeak(t *testing.T, dir, file string) int64 {
	t.Helper()
	db := filepath.Join(dir, filepath.Base(file)+".db")
	cmd, out, errOut := cliProcess(t, time.Time{}, "--db", db, "import", file)
	if err := cmd.Run(); err != nil {
		t.Fatalf("import %s: %v\n%s%s", file, err, out, errOut)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no resource usage for a child here")
	}
	return ru.Maxrss << 10 // kilobytes on Linux
}

// tinyEventsFile writes n events of a UID and a DTSTART each, an hour
// apart.
func tinyEventsFile(t *testing.T, dir, name string, n int) string {
	t.Helper()
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//tiny//EN\r\n")
	start := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC).Add(-time.Duration(n) * time.Hour)
	for i := range n {
		fmt.Fprintf(w, "BEGIN:VEVENT\r\nUID:t%d\r\nDTSTART:%s\r\nEND:VEVENT\r\n", i, start.Add(time.Duration(i)*time.Hour).Format("20060102T150405Z"))
	}
	w.WriteString("END:VCALENDAR\r\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}
