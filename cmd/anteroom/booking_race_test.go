package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/data"
)

// raceDays returns n days, each with a free hour for a meeting, from
// eight weeks ahead on: one slot a round, far enough apart that no
// buffer or cap links two rounds.
func raceDays(t *testing.T, db string, n int) []slotJSON {
	t.Helper()
	var slots []slotJSON
	day := time.Now().AddDate(0, 0, 56)
	for tries := 0; len(slots) < n && tries < 4*n; tries++ {
		d := day.AddDate(0, 0, tries).Format(time.DateOnly)
		code, out, errOut := anteroom(t, "--db", db, "free", "--json", "--duration", "1h",
			"--from", d+" 10:00", "--to", d+" 12:00", "--limit", "1")
		if code != 0 {
			t.Fatalf("free on %s: exit %d: %s", d, code, errOut)
		}
		var got []slotJSON
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("free --json printed %q: %v", out, err)
		}
		slots = append(slots, got...)
	}
	if len(slots) < n {
		t.Fatalf("found %d free days, want %d", len(slots), n)
	}
	return slots
}

// raceDB is a database with one leader and an empty future.
func raceDB(t *testing.T) string {
	t.Helper()
	db := tempDB(t)
	if code, _, errOut := anteroom(t, "--db", db, "demo", "--leader", "竞争测试", "--week", "2020-01-06"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	return db
}

// TestProcessesNeverDoubleBook starts four processes that book the same
// hour at the same instant, forty times: each time exactly one books it,
// and the others are refused with exit 3, naming the booking that won.
func TestProcessesNeverDoubleBook(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 160 processes")
	}
	const procs, rounds = 4, 40
	db := raceDB(t)
	slots := raceDays(t, db, rounds)
	doubles := 0
	for r, sl := range slots {
		at := time.Now().Add(150 * time.Millisecond)
		type proc struct {
			title string
			code  int
			out   string
		}
		results := make(chan proc, procs)
		for p := range procs {
			title := fmt.Sprintf("会议 R%d-P%d", r, p)
			cmd, out, errOut := cliProcess(t, at, "--db", db, "add", "--title", title, "--start", sl.Start, "--end", sl.End)
			go func() {
				err := cmd.Run()
				results <- proc{title, exitCode(err), out.String() + errOut.String()}
			}()
		}
		var won []proc
		var lost []proc
		for range procs {
			p := <-results
			switch p.code {
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
			t.Errorf("round %d: %d processes booked %s", r, len(won), sl.Start)
			continue
		}
		for _, p := range lost {
			if !strings.Contains(p.out, won[0].title) {
				t.Errorf("round %d: %s was refused without naming the booking that won (%s): %s", r, p.title, won[0].title, p.out)
			}
		}
		start, _ := time.Parse(time.RFC3339, sl.Start)
		day := start.Format(time.DateOnly)
		if n := len(agenda(t, db, "--from", day, "--to", day)); n != 1 {
			t.Errorf("round %d: the agenda of %s holds %d items, want 1", r, day, n)
		}
	}
	t.Logf("%d processes × %d rounds: %d double bookings", procs, rounds, doubles)
}

// TestBookingRacesAnImport books an hour while an import of a long file,
// holding the write lock, stores a clashing item there. Whichever
// commits second sees the other: the booking is refused naming the
// imported item, or the import reports the clash and records it in the
// override log. Never both quietly.
func TestBookingRacesAnImport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts many processes")
	}
	const rounds = 12
	db := raceDB(t)
	slots := raceDays(t, db, rounds)
	dir := t.TempDir()
	refused, reported := 0, 0
	for r, sl := range slots {
		start, _ := time.Parse(time.RFC3339, sl.Start)
		title := fmt.Sprintf("外单位来访 %d", r)
		file := filepath.Join(dir, fmt.Sprintf("invite-%d.ics", r))
		writeLongInvite(t, file, r, start, title)
		// What the file clashes with before either writes: the filler's
		// own findings (dawn, weekends), the same whoever wins.
		base := importReport(t, "--db", db, "import", "--json", "--dry-run", file).Conflicts
		imp, impOut, impErr := cliProcess(t, time.Time{}, "--db", db, "import", "--json", file)
		// The booking starts with the import or up to half a second
		// after, while it reads, plans or writes.
		add, addOut, addErr := cliProcess(t, time.Time{}, "--db", db, "add", "--title", fmt.Sprintf("局务会 %d", r), "--start", sl.Start, "--end", sl.End)
		done := make(chan error, 1)
		if err := imp.Start(); err != nil {
			t.Fatal(err)
		}
		go func() {
			time.Sleep(time.Duration(r%4) * 150 * time.Millisecond)
			done <- add.Run()
		}()
		impCode, addCode := exitCode(imp.Wait()), exitCode(<-done)
		if impCode != 0 {
			t.Fatalf("round %d: import exited %d: %s", r, impCode, impErr)
		}
		got := decodeImport(t, impOut.String())
		switch addCode {
		case exitFindings:
			refused++
			if !strings.Contains(addOut.String(), title) {
				t.Errorf("round %d: the booking was refused without naming %q: %s", r, title, addOut)
			}
			if got.Conflicts != base {
				t.Errorf("round %d: the import, first, reports %d clashes, want %d", r, got.Conflicts, base)
			}
		case 0:
			reported++
			if got.Conflicts != base+1 {
				t.Errorf("round %d: the booking went first but the import reports %d clashes, want %d", r, got.Conflicts, base+1)
			}
			if !overrideLogged(t, db, title) {
				t.Errorf("round %d: %q was stored over the booking with no record in the override log", r, title)
			}
		default:
			t.Fatalf("round %d: add exited %d: %s%s", r, addCode, addOut, addErr)
		}
	}
	t.Logf("%d rounds: the booking was refused %d times, the import reported the clash %d times", rounds, refused, reported)
}

// importReport runs import in this process and returns its report of the one file.
func importReport(t *testing.T, args ...string) importFile {
	t.Helper()
	code, out, errOut := anteroom(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return decodeImport(t, out)
}

func decodeImport(t *testing.T, out string) importFile {
	t.Helper()
	var rep struct {
		Files []importFile `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Files) != 1 {
		t.Fatalf("import --json printed %q: %v", out, err)
	}
	return rep.Files[0]
}

// writeLongInvite writes an .ics file of 1,500 events on other days, to
// keep the import busy, and one at start titled title.
func writeLongInvite(t *testing.T, path string, round int, start time.Time, title string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//race test//EN\r\nMETHOD:PUBLISH\r\n")
	event := func(uid string, st time.Time, summary string) {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:%s\r\nDTEND:%s\r\nSUMMARY:%s\r\nEND:VEVENT\r\n",
			uid, st.UTC().Format("20060102T150405Z"), st.Add(time.Hour).UTC().Format("20060102T150405Z"), summary)
	}
	for i := range 1500 {
		// Years back, one a day at dawn: nothing near the rounds' slots.
		event(fmt.Sprintf("filler-%d-%d@race", round, i), start.AddDate(-5, 0, -i).Add(-4*time.Hour), fmt.Sprintf("往期 %d", i))
	}
	event(fmt.Sprintf("clash-%d@race", round), start, title)
	b.WriteString("END:VCALENDAR\r\n")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

// overrideLogged reports whether the override log holds a booking titled title.
func overrideLogged(t *testing.T, path, title string) bool {
	t.Helper()
	db, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := calendar.NewService(db)
	ls, err := svc.Leaders(context.Background())
	if err != nil || len(ls) == 0 {
		t.Fatalf("leaders: %v", err)
	}
	log, err := svc.OverrideLog(context.Background(), ls[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range log {
		if r.Title == title {
			return true
		}
	}
	return false
}
