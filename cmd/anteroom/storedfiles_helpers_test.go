package main

import (
	"database/sql"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// commandProcess is the command line as a separate process (see
// cliProcess), not started, its output left to the caller.
func commandProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd, _, _ := cliProcess(t, time.Time{}, args...)
	cmd.Stdout, cmd.Stderr = nil, nil
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
