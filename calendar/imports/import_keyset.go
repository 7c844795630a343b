package imports

import (
	"hash/maphash"
	"time"
)

// keyHash is a 64-bit hash of an item's identity (UID and RECURRENCE-ID):
// a streamed import remembers the identities it has read as these, eight
// bytes each, instead of the items. Equal identities hash alike; two
// different ones hash alike so rarely that a hit is only a reason to look
// again exactly (see importStream).
type keyHash uint64

// keyHasher hashes identities with one seed per import.
type keyHasher struct{ seed maphash.Seed }

func newKeyHasher() keyHasher { return keyHasher{seed: maphash.MakeSeed()} }

// identity is what markDuplicates compares: the UID, and the second of the
// RECURRENCE-ID of an override.
type identity struct {
	uid      string
	override bool
	rid      int64
}

func (k keyHasher) of(uid string, rid time.Time) keyHash {
	id := identity{uid: uid}
	if !rid.IsZero() {
		id.override, id.rid = true, rid.Unix()
	}
	h := keyHash(maphash.Comparable(k.seed, id))
	if h == 0 {
		h = 1 // 0 marks an empty slot of keySet
	}
	return h
}

// keySet is a set of key hashes: open addressing over a power-of-two
// table kept at most half full, 16 bytes an identity at worst.
type keySet struct {
	slots []keyHash
	n     int
}

// add adds h and reports whether it was there already.
func (s *keySet) add(h keyHash) bool {
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	i := s.slot(h)
	if s.slots[i] == h {
		return true
	}
	s.slots[i] = h
	s.n++
	return false
}

// has reports whether h is in the set.
func (s *keySet) has(h keyHash) bool {
	return len(s.slots) > 0 && s.slots[s.slot(h)] == h
}

// slot is where h is, or the empty slot where it would go: the set is
// never more than half full, so there is one.
func (s *keySet) slot(h keyHash) int {
	mask := len(s.slots) - 1
	i := int(uint64(h)) & mask
	for s.slots[i] != h && s.slots[i] != 0 {
		i = (i + 1) & mask
	}
	return i
}

func (s *keySet) grow() {
	old := s.slots
	s.slots = make([]keyHash, max(1024, 2*len(old)))
	s.n = 0
	for _, h := range old {
		if h != 0 {
			s.add(h)
		}
	}
}
