//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package desk

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive advisory lock on f without waiting. The
// system drops it when f is closed or its process ends, kill -9 included.
func lockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// abandoned reports whether no live process holds the lock on f; when
// none does, f now holds it.
func abandoned(f *os.File) bool { return lockFile(f) == nil }

// closeForRename does nothing: an open file can be renamed here, and
// keeping it open keeps it locked until its record is committed.
func closeForRename(*os.File) {}
