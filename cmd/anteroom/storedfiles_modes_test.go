package main

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
)

// A database the user made read-only (0400) is shown, not changed: the
// agenda works and says the file is read-only, a change fails with a
// message saying why, and mode and content stay as they were.
func TestReadOnlyDatabaseIsShownNotChanged(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	db, monday := deskDB(t)
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := anteroom(t, "--db", db, "agenda", "--json", "--from", day(monday, 0), "--to", day(monday, 6))
	if code != 0 || !strings.Contains(out, "[") {
		t.Fatalf("agenda of a read-only database: exit %d: %s%s", code, out, errOut)
	}
	if want := lang.L("{{.Path}} is read-only: showing it, but no change can be saved.", map[string]any{"Path": db}); !strings.Contains(errOut, want) {
		t.Errorf("agenda did not say the database is read-only: %q, want %q", errOut, want)
	}
	code, _, errOut = anteroom(t, "--db", db, "visit", "add", "--org", "华东电力公司", "--person", "王伟",
		"--purpose", "汇报", "--want", day(monday, 1)+" 09:00/12:00")
	want := lang.L("{{.Path}} is read-only: nothing was changed. Make the file writable to save changes.", map[string]any{"Path": db})
	if code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("visit add on a read-only database: exit %d, %q; want exit 1 and %q", code, errOut, want)
	}
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(db); err != nil || fi.Mode().Perm() != 0o400 || !bytes.Equal(before, after) {
		t.Fatalf("the read-only database changed: mode %v (%v), content same %v", fi.Mode().Perm(), err, bytes.Equal(before, after))
	}
}

// A files folder others may read is made private, and the command says so.
func TestWideFilesFolderIsMadePrivateAndSaidSo(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	db, monday := deskDB(t)
	dir := filesDir(db)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := anteroom(t, "--db", db, "agenda", "--from", day(monday, 0), "--to", day(monday, 6))
	want := lang.L("Made {{.Path}} private to you (permissions {{.From}} → {{.To}}).", map[string]any{"Path": dir, "From": "0755", "To": "0700"})
	if code != 0 || !strings.Contains(errOut, want) {
		t.Errorf("agenda with a 0755 files folder: exit %d, %q; want %q", code, errOut, want)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("files folder mode %v (%v), want 0700", fi.Mode().Perm(), err)
	}
}
