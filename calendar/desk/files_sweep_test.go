package desk

import (
	"os"
	"path/filepath"
	"testing"
)

// A temporary copy a live process is still writing, or that waits for its
// transaction, stays; one its process left behind goes.
func TestSweepIncomingLeavesTheCopiesOfLiveWriters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "files")
	fs := NewFileStore(dir)
	src := filepath.Join(t.TempDir(), "汇报.pdf")
	if err := os.WriteFile(src, []byte("%PDF 汇报"), 0o600); err != nil {
		t.Fatal(err)
	}
	live, err := fs.stage(src)
	if err != nil {
		t.Fatal(err)
	}
	defer live.discard()
	// What a killed process leaves: a temporary file nobody holds.
	left := filepath.Join(dir, incomingPrefix+"killed")
	if err := os.WriteFile(left, []byte("%PDF half"), 0o600); err != nil {
		t.Fatal(err)
	}
	n, err := fs.SweepIncoming()
	if err != nil || n != 1 {
		t.Fatalf("SweepIncoming removed %d (%v), want the one left behind", n, err)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Fatalf("the abandoned copy is still there: %v", err)
	}
	if _, err := os.Stat(live.tmp.Name()); err != nil {
		t.Fatalf("the live writer's copy was swept: %v", err)
	}
	if err := live.place(); err != nil || !fs.Has(live.att.Hash) {
		t.Fatalf("placing the live copy after the sweep: %v", err)
	}
}
