// Package atomicfile writes files whole or not at all.
package atomicfile

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"anteroom/calendar"
)

// Write writes a new file at path through a temporary file in the same
// folder, renamed into place once complete: a failed write (a full disk,
// an error of write itself) never leaves half a file where the last good
// one was. A disk without room gives a *calendar.FullError naming path.
func Write(path string, mode fs.FileMode, write func(io.Writer) error) error {
	tmp, err := WriteTemp(path, mode, write)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return calendar.FileProblem(path, true, err)
	}
	return nil
}

// WriteTemp is Write without the rename: it returns the name of the whole
// temporary file beside path, for a caller that renames several files
// into place only once all are written. On an error nothing is left.
func WriteTemp(path string, mode fs.FileMode, write func(io.Writer) error) (name string, err error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		// The rename would fail after all the writing, as "file exists".
		return "", calendar.FileProblem(path, true, &fs.PathError{Op: "write", Path: path, Err: syscall.EISDIR})
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return "", calendar.FileProblem(path, true, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = calendar.FileProblem(path, true, err)
		}
	}()
	if err = write(tmp); err != nil {
		return "", err
	}
	if err = tmp.Chmod(mode); err != nil {
		return "", err
	}
	if err = tmp.Close(); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}
