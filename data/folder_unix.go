//go:build unix

package data

import "golang.org/x/sys/unix"

// folderWritable reports whether this process may create files in dir.
func folderWritable(dir string) bool { return unix.Access(dir, unix.W_OK) == nil }
