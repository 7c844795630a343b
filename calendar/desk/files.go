package desk

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"anteroom/calendar"
)

// Attachment is a file kept with a visit request or briefing materials:
// its original name, and the SHA-256 of its content under which FileStore
// keeps one copy however often it is attached.
type Attachment struct {
	ID    int64
	Name  string // the file's base name when it was attached
	Hash  string // lower-case hex SHA-256 of the content
	Size  int64
	Added time.Time

	// staged is the locked temporary copy from putFiles until attach
	// places it under Hash; nil on every attachment read or saved.
	staged *stagedFile
}

// FileStore keeps attached files in one folder, each under the SHA-256 of
// its content (ab/abcdef…), so the same file is stored once. It only ever
// copies local regular files in: nothing is opened from or fetched to a
// URL. Which files are still needed is the database's to say; FileStore
// removes what it is told to.
type FileStore struct {
	dir string
}

// NewFileStore returns a store keeping its files under dir, which is
// created (mode 0700) on the first Put.
func NewFileStore(dir string) *FileStore { return &FileStore{dir: dir} }

// Dir returns the folder the files are kept in.
func (f *FileStore) Dir() string { return f.dir }

// Put copies the local regular file at path into the store and returns
// its attachment, unsaved. A file with the same content already stored is
// not copied again. A URL, a folder, a device or a missing file is
// refused with a *ValidationError on field "file".
//
// The Service does not use Put: it copies files in with stage and places
// them under their hash inside the transaction that records them.
func (f *FileStore) Put(path string) (Attachment, error) {
	in, err := f.stage(path)
	if err != nil {
		return Attachment{}, err
	}
	defer in.discard()
	if err := in.place(); err != nil {
		return Attachment{}, err
	}
	return in.att, nil
}

// stagedFile is a file copied into the store's folder under a temporary
// name (.incoming-*) and hashed, not yet under its hash. It stays open and
// locked until placed or discarded, which tells SweepIncoming that a live
// process still owns it.
type stagedFile struct {
	store *FileStore
	tmp   *os.File
	att   Attachment
}

// stage copies the local regular file at path into a temporary file of
// the store, hashing it on the way; see Put for what it refuses. This is
// the slow part, done before any transaction takes the database's lock.
func (f *FileStore) stage(path string) (*stagedFile, error) {
	if err := CheckLocalFile(path); err != nil {
		return nil, err
	}
	src, err := os.Open(path)
	if err != nil {
		return nil, fileProblem("validation.file_unreadable", "cannot read {{.Value}}", path)
	}
	defer src.Close()
	if fi, err := src.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, fileProblem("validation.file_not_regular", "{{.Value}} is not a regular file", path)
	}
	if err := os.MkdirAll(f.dir, 0o700); err != nil {
		return nil, fmt.Errorf("file store: %w", err)
	}
	tmp, err := f.createIncoming()
	if err != nil {
		return nil, calendar.FileProblem(f.dir, true, fmt.Errorf("file store: %w", err))
	}
	in := &stagedFile{store: f, tmp: tmp}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), src)
	if err == nil {
		err = tmp.Sync()
	}
	if err != nil {
		in.discard()
		return nil, calendar.FileProblem(f.dir, true, fmt.Errorf("copy %s into the file store: %w", path, err))
	}
	in.att = Attachment{Name: filepath.Base(path), Hash: hex.EncodeToString(h.Sum(nil)), Size: n}
	return in, nil
}

// createIncoming creates and locks a temporary file in the store's folder.
// A sweep may take a new file in the instant before it is locked; then the
// file is no longer under its name, and another is made.
func (f *FileStore) createIncoming() (*os.File, error) {
	for range 5 {
		tmp, err := os.CreateTemp(f.dir, incomingPrefix+"*")
		if err != nil {
			return nil, err
		}
		if lockFile(tmp) == nil && sameFileAs(tmp, tmp.Name()) {
			return tmp, nil
		}
		tmp.Close()
	}
	return nil, errors.New("temporary files are removed as soon as they are made")
}

// place renames the staged copy to its hash, or drops it when the same
// content is stored already. Called inside the transaction that records
// the attachment: nothing removes stored files without that lock, so the
// file stays until the record is committed or the transaction fails.
func (in *stagedFile) place() error {
	f := in.store
	dst := f.path(in.att.Hash)
	if fi, err := os.Stat(dst); err == nil && fi.Mode().IsRegular() && fi.Size() == in.att.Size {
		return nil // stored before
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return fmt.Errorf("file store: %w", err)
	}
	closeForRename(in.tmp)
	if err := os.Rename(in.tmp.Name(), dst); err != nil {
		return fmt.Errorf("file store: %w", err)
	}
	// The rename must last as long as the record that names the file.
	syncDir(filepath.Dir(dst))
	return nil
}

// discard closes the staged copy, which unlocks it, and removes it unless
// place renamed it; calling it again does nothing.
func (in *stagedFile) discard() {
	if in == nil || in.tmp == nil {
		return
	}
	name := in.tmp.Name()
	in.tmp.Close()
	os.Remove(name) // a no-op once renamed
	in.tmp = nil
}

// Path returns where the file with hash is kept; it may have been removed.
func (f *FileStore) Path(hash string) (string, error) {
	if !validHash(hash) {
		return "", fmt.Errorf("file store: %q is not a SHA-256: %w", hash, calendar.ErrInvalid)
	}
	return f.path(hash), nil
}

// Has reports whether the file with hash is stored.
func (f *FileStore) Has(hash string) bool {
	if !validHash(hash) {
		return false
	}
	fi, err := os.Stat(f.path(hash))
	return err == nil && fi.Mode().IsRegular()
}

// Remove deletes the file with hash; one already gone is no error.
func (f *FileStore) Remove(hash string) error {
	if !validHash(hash) {
		return fmt.Errorf("file store: %q is not a SHA-256: %w", hash, calendar.ErrInvalid)
	}
	if err := os.Remove(f.path(hash)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("file store: %w", err)
	}
	_ = os.Remove(filepath.Dir(f.path(hash))) // the fan-out folder, when now empty
	return nil
}

// Hashes returns the hash of every stored file, in no order.
func (f *FileStore) Hashes() ([]string, error) {
	var out []string
	err := filepath.WalkDir(f.dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == f.dir {
			return fs.SkipAll
		}
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && validHash(d.Name()) {
			out = append(out, d.Name())
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("file store: %w", err)
	}
	return out, nil
}

// incomingPrefix starts the name of every temporary file of the store.
const incomingPrefix = ".incoming-"

// SweepIncoming removes the temporary copies that processes killed while
// copying a file in left behind, and returns how many. A copy still being
// written or waiting for its transaction is locked by its process and
// stays; the lock ends with the process, however it ends.
func (f *FileStore) SweepIncoming() (int, error) {
	entries, err := os.ReadDir(f.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("file store: %w", err)
	}
	n := 0
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), incomingPrefix) || !e.Type().IsRegular() {
			continue
		}
		removed, err := removeAbandoned(filepath.Join(f.dir, e.Name()))
		if err != nil {
			return n, fmt.Errorf("file store: %w", err)
		}
		if removed {
			n++
		}
	}
	return n, nil
}

// removeAbandoned removes the temporary file at p when no live process
// holds it, and reports whether it did.
func removeAbandoned(p string) (bool, error) {
	tmp, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer tmp.Close()
	if !abandoned(tmp) || !sameFileAs(tmp, p) {
		return false, nil
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	return true, nil
}

// sameFileAs reports whether the open file f is still the one named p.
func sameFileAs(f *os.File, p string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(p)
	return err == nil && os.SameFile(a, b)
}

// syncDir flushes a folder's entries, so a rename in it survives a power
// cut. Some systems cannot open folders for this (Windows); there the
// rename is as durable as the system makes it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// path fans files out over 256 folders by their first two hex digits.
func (f *FileStore) path(hash string) string {
	return filepath.Join(f.dir, hash[:2], hash)
}

func validHash(h string) bool {
	if len(h) != sha256.Size*2 {
		return false
	}
	for _, c := range h {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// CheckLocalFile refuses anything that is not a local regular file: a URL
// (file:// ones too: give the path), a folder, a device, a pipe, a file
// that does not exist. The error is a *ValidationError on field "file".
func CheckLocalFile(path string) error {
	if strings.TrimSpace(path) == "" {
		return fileProblem("validation.file_unreadable", "cannot read {{.Value}}", path)
	}
	// A scheme of two or more letters is a URL; one letter is a Windows drive.
	if u, err := url.Parse(path); err == nil && len(u.Scheme) > 1 || strings.Contains(path, "://") {
		return fileProblem("validation.file_not_local", "{{.Value}} is not a local file; give the path of a file on this computer", path)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fileProblem("validation.file_unreadable", "cannot read {{.Value}}", path)
	}
	if !fi.Mode().IsRegular() {
		return fileProblem("validation.file_not_regular", "{{.Value}} is not a regular file", path)
	}
	return nil
}

func fileProblem(code, msg, path string) error {
	return &calendar.ValidationError{Problems: []calendar.Problem{calendar.NewProblem("file", code, msg, map[string]any{"Value": path})}}
}
