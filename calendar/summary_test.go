package calendar

import (
	"slices"
	"testing"
)

func TestSummarizeKeepsTheFirstOfEachKind(t *testing.T) {
	in := []string{"a1", "b1", "a2", "a3", "a4", "b2", "a5", "c1"}
	kept, omitted := Summarize(in, func(s string) string { return s[:1] }, 2)
	if want := []string{"a1", "b1", "a2", "b2", "c1"}; !slices.Equal(kept, want) {
		t.Errorf("kept %v, want %v", kept, want)
	}
	if len(omitted) != 1 || omitted[0].Like != "a3" || omitted[0].Count != 3 {
		t.Errorf("omitted %+v, want 3 like a3", omitted)
	}
}
