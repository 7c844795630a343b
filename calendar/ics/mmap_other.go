//go:build !unix

package ics

import "os"

// mapFile is not available here: files are read into memory.
func mapFile(*os.File, int64) ([]byte, func(), bool) { return nil, nil, false }
