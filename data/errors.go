package data

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"syscall"

	"anteroom/calendar"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors Open and the stores return besides calendar.ErrNotFound; compare
// with errors.Is.
var (
	// ErrCorrupt means the file is not an Anteroom database: not SQLite at
	// all, damaged, or another program's. Open leaves such a file untouched.
	ErrCorrupt = errors.New("not an Anteroom database")
	// ErrTooNew means a newer version of Anteroom wrote the file. Open
	// leaves it untouched.
	ErrTooNew = errors.New("database is from a newer version of Anteroom")
	// ErrDuplicate means a unique value is taken: a leader's name or an
	// engagement's UID, which deleted engagements keep.
	ErrDuplicate = errors.New("already exists")
)

// notOursError is the ErrCorrupt a refused file gets: which file, why, and
// the underlying error when SQLite gave one.
type notOursError struct {
	path   string
	reason calendar.Phrase
	detail string // after the reason, in the English text only
	err    error
}

// Why a file is not an Anteroom database.
var (
	notADatabase  = calendar.Phrase{Key: "error.database.reason.not_sqlite", English: "file is not a database"}
	damaged       = calendar.Phrase{Key: "error.database.reason.damaged", English: "the file is damaged"}
	anotherOwners = calendar.Phrase{Key: "error.database.reason.another_program", English: "another program's SQLite database"}
	aFolder       = calendar.Phrase{Key: "error.database.reason.folder", English: "it is a folder"}
	notAFile      = calendar.Phrase{Key: "error.database.reason.not_a_file", English: "it is not an ordinary file"}
)

func (e *notOursError) Error() string {
	msg := fmt.Sprintf("%s is not an Anteroom database (%s%s)", e.path, e.reason.English, e.detail)
	if e.err != nil {
		msg += ": " + e.err.Error()
	}
	return msg
}

func (e *notOursError) Is(target error) bool { return target == ErrCorrupt }
func (e *notOursError) Unwrap() error        { return e.err }

// Code is the message key; its placeholders are Path and Reason.
func (e *notOursError) Code() string { return "error.database.not_ours" }

// Args fills the message's placeholders.
func (e *notOursError) Args() map[string]any {
	return map[string]any{"Path": e.path, "Reason": e.reason}
}

// tooNewError is the ErrTooNew of a file a newer Anteroom wrote.
type tooNewError struct {
	path           string
	version, known int
}

func (e *tooNewError) Error() string {
	return fmt.Sprintf("%s: %v (schema version %d, this version knows up to %d): update Anteroom to open it",
		e.path, ErrTooNew, e.version, e.known)
}

func (e *tooNewError) Is(target error) bool { return target == ErrTooNew }

// Code is the message key; its placeholders are Path, Version and Known.
func (e *tooNewError) Code() string { return "error.database.too_new" }

// Args fills the message's placeholders.
func (e *tooNewError) Args() map[string]any {
	return map[string]any{"Path": e.path, "Version": e.version, "Known": e.known}
}

// staleReadOnlyError is the ErrReadOnly of a file that needs migrating,
// which would have to write it.
type staleReadOnlyError struct {
	path     string
	from, to int
}

func (e *staleReadOnlyError) Error() string {
	return fmt.Sprintf("%s needs upgrading from schema version %d to %d: %v: make the file writable to open it",
		e.path, e.from, e.to, ErrReadOnly)
}

func (e *staleReadOnlyError) Is(target error) bool { return target == ErrReadOnly }

// Code is the message key; its placeholders are Path, From and To.
func (e *staleReadOnlyError) Code() string { return "error.database.read_only_upgrade" }

// Args fills the message's placeholders.
func (e *staleReadOnlyError) Args() map[string]any {
	return map[string]any{"Path": e.path, "From": e.from, "To": e.to}
}

// rowErr names what a single-row read was after and turns
// sql.ErrNoRows into calendar.ErrNotFound, so callers never see SQL errors
// for missing rows.
func rowErr(err error, what string, id int64) error {
	if errors.Is(err, sql.ErrNoRows) {
		err = calendar.ErrNotFound
	}
	return fmt.Errorf("%s %d: %w", what, id, err)
}

// fullError is err as a *calendar.FullError for the database at path when
// the disk had no room for a write, else err as it is.
func fullError(path string, err error) error {
	var full *calendar.FullError
	if err == nil || errors.As(err, &full) {
		return err
	}
	if outOfRoom(sqliteCode(err), filepath.Dir(path)) || errors.Is(err, syscall.ENOSPC) {
		return &calendar.FullError{Path: path, Database: true, Err: err}
	}
	return err
}

// outOfRoom reports whether SQLite's result code means the disk holding dir
// is full. SQLite says SQLITE_FULL only for its own files' writes; making
// the write-ahead log's shared memory on a full disk, as any start does,
// fails as a plain I/O error (SQLITE_IOERR_SHMSIZE), so an I/O error
// counts too when the disk has almost no room left.
func outOfRoom(code int, dir string) bool {
	switch code & 0xff {
	case sqlite3.SQLITE_FULL:
		return true
	case sqlite3.SQLITE_IOERR:
		room, ok := roomLeft(dir)
		return ok && room < fullBelow
	}
	return false
}

// fullBelow is the room under which a disk counts as full: less than the
// few pages of log and shared memory SQLite needs to write anything.
const fullBelow = 1 << 20

// roomLeft is freeRoom, replaced in tests.
var roomLeft = freeRoom

// folderError is err as a *closedFolderError when SQLite could not open
// the database at path because it may not write in its folder, where the
// write-ahead log and its shared memory live beside the file; else err as
// it is. Even reading needs them.
func folderError(path string, err error) error {
	if err == nil || !folderClosed(sqliteCode(err), filepath.Dir(path)) {
		return err
	}
	return &closedFolderError{path: path, err: err}
}

// folderClosed reports whether SQLite's result code means it may not
// write in dir: it says so itself (SQLITE_READONLY_DIRECTORY), or it
// could not write or create a file there and dir is not writable.
func folderClosed(code int, dir string) bool {
	switch {
	case code == sqlite3.SQLITE_READONLY_DIRECTORY:
		return true
	case code&0xff == sqlite3.SQLITE_READONLY, code&0xff == sqlite3.SQLITE_CANTOPEN:
		return !mayWriteIn(dir)
	}
	return false
}

// mayWriteIn is folderWritable, replaced in tests.
var mayWriteIn = folderWritable

// closedFolderError is a database whose folder this user may not write
// in, or which is on a disk mounted read-only.
type closedFolderError struct {
	path string
	err  error
}

func (e *closedFolderError) Error() string {
	return fmt.Sprintf("cannot open %s: Anteroom must write its log files (%s-wal, %s-shm) beside it, and may not write in %s; "+
		"move the database to a folder you may write in, or make that folder writable",
		e.path, filepath.Base(e.path), filepath.Base(e.path), filepath.Dir(e.path))
}

func (e *closedFolderError) Unwrap() error { return e.err }

// Code is the message key; its placeholders are Path, Name and Folder.
func (e *closedFolderError) Code() string { return "error.database.folder_closed" }

// Args fills the message's placeholders.
func (e *closedFolderError) Args() map[string]any {
	return map[string]any{"Path": e.path, "Name": filepath.Base(e.path), "Folder": filepath.Dir(e.path)}
}

// sqliteCode returns SQLite's extended result code of err, or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// isUnique reports whether err is a UNIQUE or PRIMARY KEY violation.
func isUnique(err error) bool {
	c := sqliteCode(err)
	return c == sqlite3.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// isForeignKey reports whether err is a FOREIGN KEY violation.
func isForeignKey(err error) bool {
	return sqliteCode(err) == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
}

// isBusy reports whether err is SQLITE_BUSY: another connection holds a lock.
func isBusy(err error) bool {
	return sqliteCode(err)&0xff == sqlite3.SQLITE_BUSY
}

// isNotADatabase reports whether SQLite found the file unreadable as a
// database, as opposed to failing for a passing reason (locked, I/O).
func isNotADatabase(err error) bool {
	c := sqliteCode(err) & 0xff // primary code
	return c == sqlite3.SQLITE_NOTADB || c == sqlite3.SQLITE_CORRUPT
}

// oneRow turns a write that matched no row into calendar.ErrNotFound.
func oneRow(res sql.Result, op string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s %d: %w", op, id, err)
	}
	if n == 0 {
		return fmt.Errorf("%s %d: %w", op, id, calendar.ErrNotFound)
	}
	return nil
}
