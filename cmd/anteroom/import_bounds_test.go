package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportRefusesWhatStorageCannotHoldAndKeepsTheRest: an all-day item
// on 9999-12-31 (its end, 10000-01-01, has no ISO date) is skipped with
// its line and reason, a negative SEQUENCE is read as 0, and the rest of
// the file is imported; the command succeeds. Storage's own words
// (CHECK constraint failed) never reach the user.
func TestImportRefusesWhatStorageCannotHoldAndKeepsTheRest(t *testing.T) {
	db := raceDB(t)
	file := filepath.Join(t.TempDir(), "far.ics")
	if err := writeFile(file, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"+
		"BEGIN:VEVENT\r\nUID:ok@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20270203T020000Z\r\nDTEND:20270203T030000Z\r\nSUMMARY:正常会议\r\nEND:VEVENT\r\n"+
		"BEGIN:VEVENT\r\nUID:far@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:99991231\r\nSUMMARY:世界尽头\r\nEND:VEVENT\r\n"+
		"BEGIN:VEVENT\r\nUID:seq@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20270204T020000Z\r\nDTEND:20270204T030000Z\r\nSEQUENCE:-1\r\nSUMMARY:负版本\r\nEND:VEVENT\r\n"+
		"END:VCALENDAR\r\n"); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := anteroom(t, "--db", db, "import", file)
	if code != 0 {
		t.Fatalf("import: exit %d: %s%s", code, out, errOut)
	}
	if !strings.Contains(out, "2 new") || !strings.Contains(out, "1 skipped") || !strings.Contains(out, "line 11") || !strings.Contains(out, "9999-12-31") {
		t.Errorf("import said %q; want 2 new, 1 skipped naming line 11 and the last storable day", out)
	}
	if strings.Contains(out+errOut, "constraint") {
		t.Errorf("storage's words reached the user: %s%s", out, errOut)
	}
	titles := map[string]bool{}
	for _, it := range agenda(t, db, "--from", "2027-02-01", "--to", "2027-02-07") {
		titles[it.Title] = true
	}
	if !titles["正常会议"] || !titles["负版本"] {
		t.Errorf("agenda holds %v, want both readable items", titles)
	}
}

// TestImportSumsUpRepeatedWarnings: a file that makes the same mistake in
// two thousand events is told in a few lines and "… and N more like".
func TestImportSumsUpRepeatedWarnings(t *testing.T) {
	db := raceDB(t)
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n")
	for i := range 2000 {
		b.WriteString("BEGIN:VEVENT\r\nUID:w" + strconv.Itoa(i) + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20270301T020000Z\r\nDTEND:20270301T030000Z\r\nSUMMARY:会\r\nSEQUENCE:x\r\nEND:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	file := filepath.Join(t.TempDir(), "many.ics")
	if err := writeFile(file, b.String()); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := anteroom(t, "--db", db, "import", "--dry-run", file)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	if lines := strings.Count(out, "\n"); lines > 10 || !strings.Contains(out, "1997") {
		t.Errorf("import printed %d lines, want a few and the other 1997 summed up:\n%s", lines, out)
	}
	rep := importReport(t, "--db", db, "import", "--dry-run", "--json", file)
	if len(rep.Warnings) > 10 || rep.Omitted != 1997 {
		t.Errorf("import --json: %d warnings, %d omitted; want a few and 1997", len(rep.Warnings), rep.Omitted)
	}
}
