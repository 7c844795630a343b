package ui

import (
	"context"
	"fmt"
	"testing"
)

func TestUndoStackKeepsTheNewestUpToItsDepth(t *testing.T) {
	var s undoStack
	for i := range undoDepth + 5 {
		s.push(undoStep{what: fmt.Sprint(i), revert: func(context.Context, *overrideReason) error { return nil }})
	}
	if s.len() != undoDepth || undoDepth < 20 {
		t.Fatalf("keeps %d steps, depth %d; want the depth, at least 20", s.len(), undoDepth)
	}
	for want := undoDepth + 4; want >= 5; want-- {
		st, ok := s.pop()
		if !ok || st.what != fmt.Sprint(want) {
			t.Fatalf("popped %q, want %d", st.what, want)
		}
	}
	if _, ok := s.pop(); ok {
		t.Fatal("popped past the oldest kept step")
	}
}
