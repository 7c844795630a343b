package calendar

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
func (f *FileStore) Put(path string) (Attachment, error) {
	if err := CheckLocalFile(path); err != nil {
		return Attachment{}, err
	}
	src, err := os.Open(path)
	if err != nil {
		return Attachment{}, fileProblem("validation.file_unreadable", "cannot read {{.Value}}", path)
	}
	defer src.Close()
	if fi, err := src.Stat(); err != nil || !fi.Mode().IsRegular() {
		return Attachment{}, fileProblem("validation.file_not_regular", "{{.Value}} is not a regular file", path)
	}
	if err := os.MkdirAll(f.dir, 0o700); err != nil {
		return Attachment{}, fmt.Errorf("file store: %w", err)
	}
	// Copy to a temporary file while hashing, then rename it into place:
	// a crash leaves a temporary file, never a wrong one under a hash.
	tmp, err := os.CreateTemp(f.dir, ".incoming-*")
	if err != nil {
		return Attachment{}, fmt.Errorf("file store: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), src)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Attachment{}, fmt.Errorf("copy %s into the file store: %w", path, err)
	}
	a := Attachment{Name: filepath.Base(path), Hash: hex.EncodeToString(h.Sum(nil)), Size: n}
	dst := f.path(a.Hash)
	if fi, err := os.Stat(dst); err == nil && fi.Size() == n {
		return a, nil // stored before
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return Attachment{}, fmt.Errorf("file store: %w", err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return Attachment{}, fmt.Errorf("file store: %w", err)
	}
	return a, nil
}

// Path returns where the file with hash is kept; it may have been removed.
func (f *FileStore) Path(hash string) (string, error) {
	if !validHash(hash) {
		return "", fmt.Errorf("file store: %q is not a SHA-256: %w", hash, ErrInvalid)
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
		return fmt.Errorf("file store: %q is not a SHA-256: %w", hash, ErrInvalid)
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
	return &ValidationError{Problems: []Problem{problem("file", code, msg, map[string]any{"Value": path})}}
}
