package imports

import (
	"strconv"
	"testing"
	"time"
)

// TestKeySetKnowsWhatItWasGiven: every hash added is found again, through
// the table's growth, a second add reports it, and hashes never added are
// not found; equal identities hash alike, override or not.
func TestKeySetKnowsWhatItWasGiven(t *testing.T) {
	h := newKeyHasher()
	rid := time.Date(2026, 12, 7, 1, 0, 0, 0, time.UTC)
	var s keySet
	const n = 100_000
	for i := range n {
		uid := "u" + strconv.Itoa(i)
		if s.add(h.of(uid, time.Time{})) {
			t.Fatalf("%s: new, reported as there", uid)
		}
		if s.add(h.of(uid, rid)) {
			t.Fatalf("%s's override: new, reported as there (the series' hash must differ)", uid)
		}
	}
	for i := range n {
		uid := "u" + strconv.Itoa(i)
		if !s.has(h.of(uid, time.Time{})) || !s.add(h.of(uid, rid.In(time.FixedZone("CST", 8*3600)))) {
			t.Fatalf("%s: added, not found again", uid)
		}
		if s.has(h.of("other"+uid, time.Time{})) {
			t.Fatalf("other%s: never added, found", uid)
		}
	}
	if s.n != 2*n || len(s.slots) < 4*n {
		t.Fatalf("%d hashes in %d slots, want %d in at least twice as many", s.n, len(s.slots), 2*n)
	}
}
