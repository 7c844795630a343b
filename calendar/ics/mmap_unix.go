//go:build unix

package ics

import (
	"os"
	"syscall"
)

// mapFile maps the regular file f read-only, so that a large file is read
// by the kernel's page cache instead of being copied into the Go heap,
// where the garbage collector would budget twice its size. ok is false
// when f cannot be mapped (not a regular file, empty, larger than limit);
// the caller then reads it. unmap must be called once nothing refers to
// data any more.
func mapFile(f *os.File, limit int64) (data []byte, unmap func(), ok bool) {
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 || st.Size() > limit || int64(int(st.Size())) != st.Size() {
		return nil, nil, false
	}
	data, err = syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, false
	}
	return data, func() { syscall.Munmap(data) }, true
}
