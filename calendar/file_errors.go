package calendar

import (
	"errors"
	"io/fs"
	"path/filepath"
	"syscall"
)

// FileError is a file the user named that could not be read or written
// for a reason they can put right: it, or the folder it goes in, does not
// exist, or it is not theirs to read or write.
type FileError struct {
	Path    string
	Writing bool
	Missing bool // else not permitted, or a folder
	Folder  bool // a folder where a file was wanted
	Err     error
}

func (e *FileError) Error() string {
	switch {
	case e.Folder:
		return e.Path + " is a folder, not a file"
	case e.Missing && e.Writing:
		return "there is no folder " + filepath.Dir(e.Path) + " to write " + filepath.Base(e.Path) + " in"
	case e.Missing:
		return e.Path + " does not exist"
	case e.Writing:
		return "you may not write " + e.Path
	}
	return "you may not read " + e.Path
}

// Code is the message key; its placeholders are Path, Folder and Name.
func (e *FileError) Code() string {
	switch {
	case e.Folder:
		return "error.file.is_folder"
	case e.Missing && e.Writing:
		return "error.file.no_folder"
	case e.Missing:
		return "error.file.missing"
	case e.Writing:
		return "error.file.no_write"
	}
	return "error.file.no_read"
}

// Args fills the message's placeholders.
func (e *FileError) Args() map[string]any {
	return map[string]any{"Path": e.Path, "Folder": filepath.Dir(e.Path), "Name": filepath.Base(e.Path)}
}

func (e *FileError) Unwrap() error { return e.Err }

// FileProblem returns err, met reading (or writing) the file at path, as
// what the user can act on: a *FullError when the disk had no room, a
// *FileError when the file or its folder is missing or not theirs, or the
// file is a folder; other errors as they are.
func FileProblem(path string, writing bool, err error) error {
	var (
		full *FullError
		file *FileError
	)
	switch {
	case err == nil, errors.As(err, &full), errors.As(err, &file):
		return err
	case errors.Is(err, syscall.ENOSPC):
		return &FullError{Path: path, Err: err}
	case errors.Is(err, syscall.EISDIR):
		return &FileError{Path: path, Writing: writing, Folder: true, Err: err}
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR): // a file where a folder of the path should be
		return &FileError{Path: path, Writing: writing, Missing: true, Err: err}
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return &FileError{Path: path, Writing: writing, Err: err}
	}
	return err
}
