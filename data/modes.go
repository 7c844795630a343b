package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"anteroom/calendar"

	sqlite3 "modernc.org/sqlite/lib"
)

// A database's file modes are the user's: Open takes permissions away
// from others (a leader's calendar is nobody else's business) but never
// adds any. A file without its owner's write permission is opened
// read-only.

// ErrReadOnly means the database was opened read-only, because its file
// is not writable, and a change was asked for. Test with IsReadOnly, which
// also knows SQLite's own refusal.
var ErrReadOnly = errors.New("database is read-only")

// IsReadOnly reports whether err is a write refused because the database
// is read-only.
func IsReadOnly(err error) bool {
	return errors.Is(err, ErrReadOnly) || sqliteCode(err)&0xff == sqlite3.SQLITE_READONLY
}

// readOnlyFile reports whether the existing file at path must be opened
// read-only: its owner may not write it (also when root could), or this
// user cannot open it for writing. A missing file is not read-only.
func readOnlyFile(path string) (bool, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, calendar.FileProblem(path, false, err)
	}
	if fi.Mode().Perm()&0o200 == 0 {
		return true, nil
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) { // a disk mounted read-only
		return true, nil
	}
	if err != nil {
		return false, calendar.FileProblem(path, false, err)
	}
	f.Close()
	return false, nil
}

// readOnlyError is the ErrReadOnly a refused change gets: which file.
func readOnlyError(path string) error { return &refusedReadOnlyError{path: path} }

type refusedReadOnlyError struct{ path string }

func (e *refusedReadOnlyError) Error() string {
	return fmt.Sprintf("%s: %v: make the file writable to save changes", e.path, ErrReadOnly)
}

func (e *refusedReadOnlyError) Is(target error) bool { return target == ErrReadOnly }

// Code is the message key; its placeholder is Path.
func (e *refusedReadOnlyError) Code() string { return "error.database.read_only" }

// Args fills the message's placeholder.
func (e *refusedReadOnlyError) Args() map[string]any { return map[string]any{"Path": e.path} }

// ModeChange is a file or folder whose permissions Open or TightenFolder
// narrowed to its owner.
type ModeChange struct {
	Path     string
	From, To fs.FileMode
}

// narrow takes group and other permissions off the file or folder at p
// when the user owns it, and reports the change; it never adds one.
func narrow(p string) (*ModeChange, error) {
	fi, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	from := fi.Mode().Perm()
	if from&0o077 == 0 || !ownedByUser(fi) {
		return nil, nil
	}
	to := from &^ 0o077
	if err := os.Chmod(p, to); err != nil {
		return nil, err
	}
	return &ModeChange{Path: p, From: from, To: to}, nil
}

// restrictModes narrows the database and its WAL files to their owner
// when the user owns them. SQLite creates the WAL files with the main
// file's mode, so this only tightens files an older version or another
// tool left wider.
func restrictModes(path string) ([]ModeChange, error) {
	var out []ModeChange
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		c, err := narrow(p)
		if err != nil {
			return out, err
		}
		if c != nil {
			out = append(out, *c)
		}
	}
	return out, nil
}

// TightenFolder narrows dir, a folder of the app's data beside the
// database such as its attached files, to its owner when the user owns
// both it and the database, and reports the change (nil when there was
// none). A read-only database's folders are left as they are.
func (db *DB) TightenFolder(dir string) (*ModeChange, error) {
	if db.readOnly {
		return nil, nil
	}
	fi, err := os.Stat(db.path)
	if err != nil || !ownedByUser(fi) {
		return nil, nil
	}
	c, err := narrow(dir)
	if err != nil {
		return nil, fmt.Errorf("restrict %s to its owner: %w", dir, err)
	}
	return c, nil
}

// ReadOnly reports whether the database was opened read-only: its file is
// not writable. Reads work; every change fails with ErrReadOnly.
func (db *DB) ReadOnly() bool { return db.readOnly }

// Narrowed returns the files whose permissions Open took from others.
func (db *DB) Narrowed() []ModeChange { return db.narrowed }
