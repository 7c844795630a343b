//go:build !(linux || darwin || freebsd)

package data

// freeRoom cannot ask this system for a disk's free room.
func freeRoom(dir string) (bytes uint64, ok bool) { return 0, false }
