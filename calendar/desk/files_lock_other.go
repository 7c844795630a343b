//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package desk

import (
	"os"
	"time"
)

// abandonedAfter is how old a temporary file must be to be taken for
// abandoned where files cannot be locked. (On Windows a file still open
// in its process cannot be removed anyway.)
const abandonedAfter = time.Hour

// lockFile does nothing where there is no flock.
func lockFile(*os.File) error { return nil }

// abandoned reports whether f was last written long enough ago.
func abandoned(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && time.Since(fi.ModTime()) > abandonedAfter
}

// closeForRename closes f, since Windows does not rename open files.
func closeForRename(f *os.File) { f.Close() }
