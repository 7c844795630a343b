//go:build linux || darwin || freebsd

package data

import "syscall"

// freeRoom returns the bytes an ordinary user may still write on the disk
// that holds dir; ok is false when the system would not say.
func freeRoom(dir string) (bytes uint64, ok bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return uint64(st.Bavail) * uint64(st.Bsize), true
}
