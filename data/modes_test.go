package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"anteroom/calendar"
)

// A database the user made read-only (mode 0400) stays so: it opens
// read-only, reads work, every change is refused with ErrReadOnly, and
// neither its mode nor its content changes. Root could write it anyway,
// so the owner's write bit decides, not whether opening for writing works.
func TestOpenKeepsAReadOnlyDatabaseReadOnly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	path := filepath.Join(t.TempDir(), "anteroom.db")
	db := openAt(t, path, migrations)
	addLeader(t, db, "张书记")
	db.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	db = openAt(t, path, migrations)
	if !db.ReadOnly() {
		t.Error("a 0400 database was opened for writing")
	}
	if m := mode(t, path); m != 0o400 {
		t.Errorf("mode %o after opening, want 400 as the user set it", m)
	}
	if ls, err := db.Leaders(ctx); err != nil || len(ls) != 1 || ls[0].Name != "张书记" {
		t.Fatalf("reading a read-only database: %v, %v", ls, err)
	}
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	other := calendar.Leader{Name: "李主任", ZoneName: "Asia/Shanghai", Created: now, Updated: now}
	if err := db.CreateLeader(ctx, &other); !IsReadOnly(err) {
		t.Errorf("saving into a read-only database: %v, want a read-only error", err)
	}
	err = db.WithTx(ctx, func(calendar.Store) error { return nil })
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("a transaction on a read-only database: %v, want ErrReadOnly", err)
	}
	db.Close()
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) || mode(t, path) != 0o400 {
		t.Errorf("the read-only file changed: content same %v, mode %o", bytes.Equal(before, after), mode(t, path))
	}
}

// A read-only database that needs migrating is refused, untouched.
func TestOpenRefusesToMigrateAReadOnlyDatabase(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	path := filepath.Join(t.TempDir(), "anteroom.db")
	openAt(t, path, migrations[:1]).Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	_, err := open(ctx, path, migrations)
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("opening a read-only database that needs migrating: %v, want ErrReadOnly", err)
	}
	if bak, _ := filepath.Glob(path + ".bak-*"); len(bak) != 0 || mode(t, path) != 0o400 {
		t.Fatalf("backups %v, mode %o: the refused file was touched", bak, mode(t, path))
	}
}

// The attached files' folder is narrowed to its owner, and the change
// reported, only when the user owns the database; never on a read-only one.
func TestTightenFolderOnlyOnTheUsersDatabase(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	dir := t.TempDir()
	files := filepath.Join(dir, "files")
	if err := os.Mkdir(files, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(files, 0o755); err != nil {
		t.Fatal(err)
	}
	db := openAt(t, filepath.Join(dir, "anteroom.db"), migrations)
	c, err := db.TightenFolder(files)
	if err != nil || c == nil || c.Path != files || c.From != 0o755 || c.To != 0o700 || mode(t, files) != 0o700 {
		t.Fatalf("TightenFolder: %+v, %v; mode now %o, want 755 → 700 reported", c, err, mode(t, files))
	}
	if c, err := db.TightenFolder(files); err != nil || c != nil {
		t.Fatalf("TightenFolder of a private folder: %+v, %v; want no change", c, err)
	}

	// Someone else's database: their folder is theirs to set.
	if os.Getuid() != 0 {
		t.Skip("needs root to give the database to another user")
	}
	if err := os.Chmod(files, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(db.Path(), 65534, 65534); err != nil {
		t.Fatal(err)
	}
	if c, err := db.TightenFolder(files); err != nil || c != nil || mode(t, files) != 0o755 {
		t.Fatalf("TightenFolder on another user's database: %+v, %v, mode %o; want it left alone", c, err, mode(t, files))
	}
}
