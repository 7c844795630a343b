package calendar

import (
	"errors"
	"io/fs"
	"syscall"
	"testing"
)

func TestFileProblemSaysWhatTheUserCanPutRight(t *testing.T) {
	const path = "/home/秘书/下周.ics"
	other := errors.New("unexpected EOF")
	for _, c := range []struct {
		err     error
		writing bool
		code    string // "" for err as it was
	}{
		{&fs.PathError{Op: "open", Path: path, Err: syscall.ENOENT}, false, "error.file.missing"},
		{&fs.PathError{Op: "open", Path: "/home/秘书/.下周.ics.123", Err: syscall.ENOENT}, true, "error.file.no_folder"},
		{&fs.PathError{Op: "open", Path: path, Err: syscall.EACCES}, false, "error.file.no_read"},
		{&fs.PathError{Op: "open", Path: path, Err: syscall.EROFS}, true, "error.file.no_write"},
		{&fs.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}, true, "error.full.file"},
		{&fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR}, false, "error.file.is_folder"},
		{&fs.PathError{Op: "open", Path: path, Err: syscall.ENOTDIR}, false, "error.file.missing"},
		{&fs.PathError{Op: "mkdir", Path: path, Err: syscall.ENOTDIR}, true, "error.file.no_folder"},
		{&fs.PathError{Op: "write", Path: path, Err: syscall.EISDIR}, true, "error.file.is_folder"},
		{other, false, ""},
		{&FullError{Path: "/var/a.db", Database: true}, true, "error.full.database"},
	} {
		got := FileProblem(path, c.writing, c.err)
		var tr Translatable
		switch {
		case c.code == "" && got != c.err:
			t.Errorf("%v became %v, want it as it was", c.err, got)
		case c.code != "" && (!errors.As(got, &tr) || tr.Code() != c.code || !errors.Is(got, c.err)):
			t.Errorf("%v (writing %v) became %v, want %s wrapping it", c.err, c.writing, got, c.code)
		}
	}
	if FileProblem(path, false, nil) != nil {
		t.Error("no error became one")
	}
}
