package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"anteroom/assets"
	"anteroom/calendar/ics"
)

// TestProfileDryRun runs `import --dry-run` of PROFILE_ICS into a copy of
// PROFILE_DB, PROFILE_ROUNDS times, in this process: run with -cpuprofile
// and -memprofile to see where the preview of a large import goes. It
// skips unless both are set (the generated files of scripts/bench-whole).
func TestProfileDryRun(t *testing.T) {
	db, ics := os.Getenv("PROFILE_DB"), os.Getenv("PROFILE_ICS")
	if db == "" || ics == "" {
		t.Skip("set PROFILE_DB and PROFILE_ICS to profile the preview of an import")
	}
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	copyDB := filepath.Join(t.TempDir(), "cal.db")
	if err := os.WriteFile(copyDB, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if code := run([]string{"--db", copyDB, "leader", "list"}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("leader list: exit %d", code)
	}
	rounds := 3
	if os.Getenv("PROFILE_ROUNDS") != "" {
		if _, err := fmt.Sscan(os.Getenv("PROFILE_ROUNDS"), &rounds); err != nil {
			t.Fatal(err)
		}
	}
	for range rounds {
		if code := run([]string{"--db", copyDB, "import", "--dry-run", ics}, io.Discard, os.Stderr); code != 0 && code != 3 {
			t.Fatalf("import --dry-run: exit %d", code)
		}
	}
}

// TestDumpDryRunFindings writes every finding the preview of PROFILE_ICS
// into PROFILE_DB makes, with the engagement it names and its message,
// to PROFILE_DUMP: the same file from two builds says they found the same.
// It skips unless the three are set.
func TestDumpDryRunFindings(t *testing.T) {
	db, file, dump := os.Getenv("PROFILE_DB"), os.Getenv("PROFILE_ICS"), os.Getenv("PROFILE_DUMP")
	if db == "" || file == "" || dump == "" {
		t.Skip("set PROFILE_DB, PROFILE_ICS and PROFILE_DUMP to write the findings of a preview")
	}
	if err := assets.LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	store, svcs, err := openStorage(db, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx := context.Background()
	leader, err := chooseLeader(ctx, svcs.booking, "")
	if err != nil {
		t.Fatal(err)
	}
	zone, err := leader.Location()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	items, todos, notes, err := ics.ReadForPlan(ctx, f, file, zone)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := svcs.imports.PlanImportItems(ctx, leader, file, items, todos, notes)
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(dump)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	w := bufio.NewWriter(out)
	n := 0
	for i, it := range plan.Items {
		for _, fd := range it.Findings {
			o := fd.Named()
			other := "-"
			if o != nil {
				other = fmt.Sprintf("%d/%d/%d %s %v-%v %s %s", o.ID, o.SeriesID, o.RecurrenceID.Unix(), o.Title, o.Start.Unix(), o.End.Unix(), o.Kind, o.Classification)
			}
			fmt.Fprintf(w, "%d %s %s %s %d | %s | %s\n", i, fd.Rule, fd.Severity, fd.Code, fd.At.Unix(), other, fd.Message())
			n++
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d findings of %d items", n, len(plan.Items))
}
