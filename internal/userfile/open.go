// Package userfile opens the files a user names for reading.
package userfile

import (
	"io/fs"
	"os"
	"syscall"

	"anteroom/calendar"
)

// Open opens the file at path for reading. Its errors are what the user
// can put right (calendar.FileProblem): the file is missing, not theirs to
// read, or a folder, which the system would open and fail to read later
// as "is a directory".
func Open(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, calendar.FileProblem(path, false, err)
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, calendar.FileProblem(path, false, &fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR})
	}
	return f, nil
}
