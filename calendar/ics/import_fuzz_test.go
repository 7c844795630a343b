package ics_test

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"

	"anteroom/calendar/ics"
	"anteroom/calendar/imports"
)

// FuzzImport reads, plans and applies mutated files, the corpus and the
// decoder's table tests to begin with, into one database per fuzzing
// process. Whatever the bytes: reading fails only with a *ParseError,
// planning and applying never fail, and importing the same file again
// right after changes nothing (RFC 5546 §2.1.5: the same version is no
// update).
func FuzzImport(f *testing.F) {
	seedFuzz(f)
	d := openImportDB(f, filepath.Join(f.TempDir(), "fuzz.db"))
	f.Cleanup(func() { d.close(f) })
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		items, todos, notes, err := ics.ReadForImport(bytes.NewReader(data), "fuzz.ics", shanghai)
		if err != nil {
			var pe *ics.ParseError
			if !errors.As(err, &pe) || errors.Is(err, ics.ErrInternal) {
				t.Fatalf("read: %v", err)
			}
			return
		}
		plan, err := d.imp.PlanImport(ctx, d.leader, "fuzz.ics", items, todos, notes)
		if err != nil {
			t.Fatalf("plan: %v", err)
		}
		if _, err := d.imp.ApplyImport(ctx, plan); err != nil {
			t.Fatalf("apply: %v", err)
		}
		// A plan works on copies: items are as read, for the second import.
		plan, err = d.imp.PlanImport(ctx, d.leader, "fuzz.ics", items, nil, notes)
		if err != nil {
			t.Fatalf("plan again: %v", err)
		}
		for _, it := range plan.Items {
			if it.Action == imports.ImportNew || it.Action == imports.ImportUpdated || it.Action == imports.ImportCancelled {
				t.Fatalf("the same file again: line %d %s (%v)", it.Incoming.Line, it.Action, it.Reason)
			}
		}
	})
}
