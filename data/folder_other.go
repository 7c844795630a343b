//go:build !unix

package data

// folderWritable cannot ask this system; SQLite's own code says it.
func folderWritable(dir string) bool { return true }
