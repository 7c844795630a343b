package data

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"anteroom/calendar"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DB is an open Anteroom database. It implements calendar.Store and is safe
// for concurrent use; other processes may have the same file open.
type DB struct {
	sql  conn    // the pool, or the transaction of a DB that WithTx made
	pool *sql.DB // transactions begin and Close ends here
	tx   *sql.Tx // set on a DB that WithTx made
	path string

	readOnly bool         // the file is not writable: see ReadOnly
	narrowed []ModeChange // permissions Open took from others

	notice     func()        // told once when a change waits for another writer
	writerWait time.Duration // how long a change waits for another writer; 0: the default

	session *bulkSession // set on a DB that WithTx made, during BeginBulkImport
}

var _ calendar.Store = (*DB)(nil)

// connParams configure every connection: WAL so readers never wait for the
// writer, a busy timeout so another instance's write is waited out, and
// IMMEDIATE transactions so a transaction takes the write lock when it
// begins instead of failing with SQLITE_BUSY when it first writes.
var connParams = []string{
	"_pragma=foreign_keys(1)",
	"_pragma=journal_mode(WAL)",
	"_pragma=busy_timeout(1000)", // then whileBusy tells the user and waits on
	"_pragma=synchronous(NORMAL)",
	"_txlock=immediate",
}

// readOnlyParams configure the connections to a database whose file is
// not writable: SQLite refuses every write, and the journal mode is the
// file's own.
var readOnlyParams = []string{
	"mode=ro",
	"_pragma=foreign_keys(1)",
	"_pragma=busy_timeout(5000)",
}

// Open opens the Anteroom database at path, creating it (mode 0600) and its
// directory (0700) when missing, and migrates it to the current schema.
// A file its owner may not write is opened read-only (see ReadOnly), and
// fails with ErrReadOnly if it needs migrating. Modes are only ever
// narrowed, on files the user owns (see Narrowed).
//
// A file that is not an Anteroom database fails with ErrCorrupt and one
// written by a newer version with ErrTooNew; neither is modified. An
// existing database that needs migrating is first copied to
// PATH.bak-v<version>-<yyyymmddThhmmss>.
func Open(path string) (*DB, error) {
	return open(context.Background(), path, migrations)
}

// open is Open with the migrations as a parameter, so tests can add steps.
// Any step may meet a full disk: making the folder or the file, SQLite's
// first read (which makes the log's shared memory), a migration.
func open(ctx context.Context, path string, steps []migration) (*DB, error) {
	db, err := openFile(ctx, path, steps)
	if err != nil {
		if abs, absErr := filepath.Abs(path); absErr == nil {
			path = abs
		}
		return nil, folderError(path, fullError(path, err))
	}
	return db, nil
}

func openFile(ctx context.Context, path string, steps []migration) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, calendar.FileProblem(abs, true, err)
	}
	if fi, err := os.Stat(abs); err == nil && !fi.Mode().IsRegular() {
		// A folder, or a device such as /dev/null, named by mistake.
		reason := notAFile
		if fi.IsDir() {
			reason = aFolder
		}
		return nil, &notOursError{path: abs, reason: reason}
	}
	readOnly, err := readOnlyFile(abs)
	if err != nil {
		return nil, err
	}
	if err := inspect(ctx, abs, len(steps)); err != nil {
		return nil, err
	}
	params := connParams
	if readOnly {
		params = readOnlyParams
	}
	pool, err := sql.Open("sqlite", fileURI(abs, params...))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	// One connection serialises this process's writes, which SQLite does
	// anyway; reads are short enough not to need a pool of their own.
	pool.SetMaxOpenConns(1)
	if err := connect(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	narrowed, err := restrictModes(abs)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	if readOnly {
		err = checkCurrent(ctx, pool, abs, len(steps))
	} else {
		err = migrate(ctx, pool, abs, steps)
	}
	if err != nil {
		pool.Close()
		return nil, err // a migration, or the copy made before it
	}
	db := &DB{pool: pool, path: abs, readOnly: readOnly, narrowed: narrowed}
	db.sql = waitingPool{DB: pool, db: db}
	return db, nil
}

// connect opens the first connection, whose pragmas switch a new file to
// WAL. Two instances creating the same file at once can collide in that
// switch: SQLite reports SQLITE_BUSY at once rather than waiting, since
// waiting would deadlock, and the loser retries.
func connect(ctx context.Context, pool *sql.DB) error {
	deadline := time.Now().Add(5 * time.Second)
	for {
		err := pool.PingContext(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Close closes the database; the last connection to close checkpoints the
// write-ahead log into the main file.
func (db *DB) Close() error {
	if db.tx != nil {
		return fmt.Errorf("close database %s: %w", db.path, errInTx)
	}
	if err := db.pool.Close(); err != nil {
		return fmt.Errorf("close database %s: %w", db.path, err)
	}
	return nil
}

// Path returns the absolute path of the database file.
func (db *DB) Path() string { return db.path }

// fileURI returns the SQLite URI for path with the given query parameters.
// The path is percent-encoded, so '?', '#' and '%' in a directory or file
// name stay part of the name rather than starting the query.
func fileURI(path string, params ...string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a drive letter: file:///C:/…
	}
	u := url.URL{Scheme: "file", Path: p}
	return u.String() + "?" + strings.Join(params, "&")
}
