package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"

	"anteroom/calendar"

	sqlite3 "modernc.org/sqlite/lib"
)

// applicationID marks a file as Anteroom's (PRAGMA application_id, set by
// the first migration): "Antr".
const applicationID = 0x416E7472

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

var errNoHeader = errors.New("it does not start with the SQLite header")

// inspect decides, before anything may write to the file, whether Open may
// configure and migrate it: a new or empty file, or an Anteroom database no
// newer than the known migrations. Everything else is refused untouched.
// A missing file is created with mode 0600 so SQLite never creates it wider.
func inspect(ctx context.Context, path string, known int) error {
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o600)
	if err != nil {
		_, missing := os.Stat(path)
		return calendar.FileProblem(path, missing != nil, err) // making it is a write
	}
	header := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, header)
	f.Close()
	switch {
	case n == 0:
		return nil // new or empty: SQLite treats it as an empty database
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("open database: %w", err)
	case !bytes.Equal(header[:n], sqliteMagic) || n < len(sqliteMagic):
		return &notOursError{path: path, reason: notADatabase, err: errNoHeader}
	}
	return inspectSQLite(ctx, path, known)
}

// inspectSQLite reads the version marks of an SQLite file through a
// connection with no configuring pragmas, which only reads. (A read-only
// connection would be stricter but cannot remove the WAL index files it
// creates, and deleting them ourselves could pull them from under another
// instance.)
func inspectSQLite(ctx context.Context, path string, known int) error {
	probe, err := sql.Open("sqlite", fileURI(path, "_pragma=busy_timeout(5000)"))
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer probe.Close()
	var version, appID, objects int
	err = probe.QueryRowContext(ctx, `SELECT
		(SELECT user_version FROM pragma_user_version),
		(SELECT application_id FROM pragma_application_id),
		(SELECT count(*) FROM sqlite_schema)`).Scan(&version, &appID, &objects)
	switch {
	case isNotADatabase(err):
		reason := notADatabase
		if sqliteCode(err)&0xff == sqlite3.SQLITE_CORRUPT {
			reason = damaged
		}
		return &notOursError{path: path, reason: reason, err: err}
	case err != nil:
		return fmt.Errorf("open database %s: %w", path, err)
	case appID == applicationID && version > known:
		return &tooNewError{path: path, version: version, known: known}
	case appID == applicationID:
		return nil
	case appID != 0:
		return &notOursError{path: path, reason: anotherOwners, detail: fmt.Sprintf(", application id %#08x", appID)}
	case version != 0 || objects != 0:
		return &notOursError{path: path, reason: anotherOwners}
	}
	return nil // an SQLite file with nothing in it yet
}
