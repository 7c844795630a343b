package data

import (
	"database/sql"
	"errors"
	"fmt"
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
	reason string
	err    error
}

func (e *notOursError) Error() string {
	msg := fmt.Sprintf("%s is not an Anteroom database (%s)", e.path, e.reason)
	if e.err != nil {
		msg += ": " + e.err.Error()
	}
	return msg
}

func (e *notOursError) Is(target error) bool { return target == ErrCorrupt }
func (e *notOursError) Unwrap() error        { return e.err }

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
	if sqliteCode(err)&0xff == sqlite3.SQLITE_FULL || errors.Is(err, syscall.ENOSPC) {
		return &calendar.FullError{Path: path, Database: true, Err: err}
	}
	return err
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
