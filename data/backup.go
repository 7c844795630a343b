package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// partialBackupAge is how old a partial backup must be before a later
// backup takes it for one a crash left behind, and removes it.
const partialBackupAge = time.Hour

// backup writes a consistent copy of the database next to it, named
// PATH.bak-v<version>-<yyyymmddThhmmss> in local time, with mode 0600, and
// returns its path. VACUUM INTO reads one snapshot, so rows still in the
// write-ahead log are included and a concurrent writer does not tear it.
//
// The copy is written under a temporary name (…partial-*), synced, and
// only then renamed: a crash part-way leaves a file that says it is
// partial, never a .bak that opens as an empty or half-written database.
func backup(ctx context.Context, db *sql.DB, dbPath string, version int) (string, error) {
	removeOldPartials(dbPath)
	base := fmt.Sprintf("%s.bak-v%d-%s", dbPath, version, time.Now().Format("20060102T150405"))
	// Created empty and 0600 by CreateTemp (VACUUM INTO accepts an empty
	// file), so the copy never exists with a wider mode.
	f, err := os.CreateTemp(filepath.Dir(dbPath), filepath.Base(base)+".partial-*")
	if err != nil {
		return "", fmt.Errorf("back up: %w", err)
	}
	tmp := f.Name()
	f.Close()
	if err := writeBackup(ctx, db, tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("back up to %s: %w", tmp, err)
	}
	name, err := renameNew(tmp, base)
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("back up to %s: %w", base, err)
	}
	syncDir(filepath.Dir(name))
	return name, nil
}

// writeBackup copies the database into the empty file tmp and syncs it:
// VACUUM INTO does not.
func writeBackup(ctx context.Context, db *sql.DB, tmp string) error {
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return err
	}
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// renameNew gives tmp the name base, or base-2, base-3… when taken: an
// existing backup is never replaced.
func renameNew(tmp, base string) (string, error) {
	name := base
	for i := 2; ; i++ {
		// A hard link fails when the name is taken, which a rename would not.
		err := os.Link(tmp, name)
		if err == nil {
			return name, os.Remove(tmp)
		}
		if errors.Is(err, fs.ErrExist) {
			name = fmt.Sprintf("%s-%d", base, i)
			continue
		}
		// No hard links on this file system: look, then rename.
		if _, serr := os.Lstat(name); serr == nil {
			name = fmt.Sprintf("%s-%d", base, i)
			continue
		}
		return name, os.Rename(tmp, name)
	}
}

// removeOldPartials removes partial backups of the database at dbPath old
// enough that no backup still writes them: a crash left them.
func removeOldPartials(dbPath string) {
	partials, _ := filepath.Glob(dbPath + ".bak-v*.partial-*")
	for _, p := range partials {
		if fi, err := os.Stat(p); err == nil && time.Since(fi.ModTime()) > partialBackupAge {
			os.Remove(p)
		}
	}
}

// syncDir flushes a folder's entries, so a rename in it survives a power
// cut; where folders cannot be opened for this (Windows) it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
