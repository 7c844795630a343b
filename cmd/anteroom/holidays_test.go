package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpus returns the path of a file of the shared .ics corpus, skipping the
// test when the corpus is not beside the repository.
func corpus(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "ics-corpus", name)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the shared .ics corpus is absent and CI is set: %v", err)
		}
		t.Skipf("the shared .ics corpus is absent (%v); skipping", err)
	}
	return p
}

func TestHolidaysImportMakesDaysOffAndMakeUpWorkdays(t *testing.T) {
	file := corpus(t, "holiday-cn/2025.ics")
	db := tempDB(t)
	anteroom(t, "--db", db, "demo", "--leader", "张书记")
	code, out, errOut := anteroom(t, "--db", db, "holidays", "import", file)
	if code != 0 {
		t.Fatalf("holidays import: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "2025.ics") {
		t.Fatalf("no summary printed: %q", out)
	}
	// 1 October 2025 (National Day) is off: a meeting then warns "holiday".
	code, out, _ = anteroom(t, "--db", db, "check", "--start", "2025-10-01 10:00", "--end", "2025-10-01 11:00", "--json")
	if code != 3 || !strings.Contains(out, `"rule": "holiday"`) {
		t.Fatalf("National Day is not a day off: exit %d, %s", code, out)
	}
	// Sunday 26 January 2025 is a make-up workday: 10:00 is within working hours.
	code, out, _ = anteroom(t, "--db", db, "check", "--start", "2025-01-26 10:00", "--end", "2025-01-26 11:00", "--json")
	if code != 0 {
		t.Fatalf("the make-up Sunday is not a workday: exit %d, %s", code, out)
	}
	// An ordinary Sunday is outside working hours.
	code, out, _ = anteroom(t, "--db", db, "check", "--start", "2025-02-16 10:00", "--end", "2025-02-16 11:00", "--json")
	if code != 3 || !strings.Contains(out, "outside_hours") {
		t.Fatalf("an ordinary Sunday: exit %d, %s", code, out)
	}
}

func TestHolidaysImportRefusesABrokenFileAndKeepsTheRest(t *testing.T) {
	db := tempDB(t)
	anteroom(t, "--db", db, "demo")
	bad := filepath.Join(t.TempDir(), "broken.ics")
	if err := writeFile(bad, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2025100\r\n"); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := anteroom(t, "--db", db, "holidays", "import", bad)
	if code != 1 || !strings.Contains(errOut, "broken.ics") {
		t.Fatalf("broken file: exit %d, %q; want 1 naming the file", code, errOut)
	}
	missing := filepath.Join(t.TempDir(), "missing.ics")
	if code, _, errOut := anteroom(t, "--db", db, "holidays", "import", missing); code != 1 || !strings.Contains(errOut, "missing.ics") {
		t.Fatalf("missing file: exit %d, %q", code, errOut)
	}
}
