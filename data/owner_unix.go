//go:build unix

package data

import (
	"io/fs"
	"os"
	"syscall"
)

// ownedByUser reports whether this process's user owns the file.
func ownedByUser(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}
