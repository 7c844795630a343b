package main

import (
	"database/sql"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// holdWriteLock takes the database's write lock, as a long write of
// another instance would, until the returned function is called.
func holdWriteLock(t *testing.T, dbPath string) (release func()) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbPath+"?_pragma=busy_timeout(5000)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		db.Close()
		t.Fatal(err)
	}
	return func() {
		tx.Rollback()
		db.Close()
	}
}

// The stored-files tests run the command line in real processes: this
// test binary started again with the arguments in storedFilesChildEnv.

const storedFilesChildEnv = "ANTEROOM_STORED_FILES_CHILD"

// TestStoredFilesChild is the child process of the stored-files tests;
// run on its own it does nothing.
func TestStoredFilesChild(t *testing.T) {
	raw := os.Getenv(storedFilesChildEnv)
	if raw == "" {
		t.Skip("a child process of the stored-files tests")
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		t.Fatal(err)
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// cliProcess returns the command line as a separate process, not started.
func cliProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	raw, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestStoredFilesChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), storedFilesChildEnv+"="+string(raw))
	return cmd
}

// storeState is what a look at the database and its files folder finds.
type storeState struct {
	integrity string   // PRAGMA integrity_check: "ok" when sound
	rows      int      // attachment rows
	missing   []string // hashes a row names whose file is gone
	orphans   []string // stored files no row names, and temporary copies
}

// inspectStore reads the attachment rows of the database at dbPath and
// compares them with its files folder.
func inspectStore(t *testing.T, dbPath string) storeState {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var st storeState
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&st.integrity); err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{}
	rows, err := db.Query("SELECT sha256 FROM attachments")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			t.Fatal(err)
		}
		named[h] = true
		st.rows++
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	dir := filesDir(dbPath)
	stored := map[string]bool{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && os.IsNotExist(err) {
				return fs.SkipAll
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		if len(d.Name()) == 64 && filepath.Base(filepath.Dir(p)) == d.Name()[:2] {
			stored[d.Name()] = true
			if !named[d.Name()] {
				st.orphans = append(st.orphans, d.Name())
			}
			return nil
		}
		st.orphans = append(st.orphans, strings.TrimPrefix(p, dir))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for h := range named {
		if !stored[h] {
			st.missing = append(st.missing, h)
		}
	}
	return st
}
