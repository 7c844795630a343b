package main

import (
	"bytes"
	"strings"
	"testing"
)

// countingWriter counts the writes that reach it, as a terminal or a pipe
// would see them: one system call each.
type countingWriter struct {
	buf    bytes.Buffer
	writes int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.writes++
	return c.buf.Write(p)
}

func (c *countingWriter) String() string { return c.buf.String() }

// A week's agenda reaches standard output in one write, not one per line:
// a week of hundreds of lines cost as many system calls.
func TestAgendaPrintsTheWeekInOneWrite(t *testing.T) {
	db := tempDB(t)
	if code, _, errOut := anteroom(t, "--db", db, "demo", "--week", "2026-11-23"); code != 0 {
		t.Fatal(errOut)
	}
	var out, errOut countingWriter
	if code := run([]string{"--db", db, "agenda", "--from", "2026-11-23", "--to", "2026-11-29"}, &out, &errOut); code != 0 {
		t.Fatalf("agenda: exit %d: %s", code, errOut.String())
	}
	lines := strings.Count(out.String(), "\n")
	if lines < 10 {
		t.Fatalf("the sample week printed %d lines:\n%s", lines, out.String())
	}
	if out.writes != 1 {
		t.Errorf("%d lines of agenda took %d writes; want 1", lines, out.writes)
	}
}
