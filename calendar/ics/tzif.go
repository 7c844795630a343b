package ics

import (
	"encoding/binary"
	"errors"
	"strings"
	"time"
)

// zoneType is an offset in force: seconds east of UTC, whether it is
// daylight saving time, and its abbreviation.
type zoneType struct {
	offset int
	dst    bool
	abbr   string
}

// transition is the moment (unix seconds) a zone type takes effect; from
// is the offset in force just before, as the VTIMEZONE wrote it.
type transition struct {
	at   int64
	typ  zoneType
	from int
}

// bigBang is a transition placed before everything, at 1800-01-01, so
// package time uses the first zone type for earlier instants too.
const bigBang = -5364662400

// buildLocation makes a *time.Location from computed transitions by
// writing them as TZif data (RFC 8536, version 2) and loading that with
// time.LoadLocationFromTZData: package time has no other way to build a
// zone with daylight saving time.
func buildLocation(name string, first zoneType, tx []transition) (*time.Location, error) {
	if len(tx) == 0 {
		return time.FixedZone(name, first.offset), nil
	}
	types := []zoneType{sanitizeType(first)}
	index := func(t zoneType) int {
		t = sanitizeType(t)
		for i, u := range types {
			if u == t {
				return i
			}
		}
		types = append(types, t)
		return len(types) - 1
	}
	idx := make([]byte, 0, len(tx)+1)
	times := make([]int64, 0, len(tx)+1)
	times = append(times, bigBang)
	idx = append(idx, 0)
	for _, t := range tx {
		if t.at <= times[len(times)-1] {
			continue
		}
		i := index(t.typ)
		if i > 255 {
			return nil, errors.New("too many zone types")
		}
		times = append(times, t.at)
		idx = append(idx, byte(i))
	}
	var abbrs []byte
	abbrAt := make([]int, len(types))
	offsets := map[string]int{}
	for i, t := range types {
		at, ok := offsets[t.abbr]
		if !ok {
			at = len(abbrs)
			offsets[t.abbr] = at
			abbrs = append(abbrs, t.abbr...)
			abbrs = append(abbrs, 0)
		}
		abbrAt[i] = at
	}
	if len(abbrs) > 255 {
		// Too many names for one-byte indexes: name each type by its offset.
		stripped := stripNames(tx)
		if first.abbr == "" && equalTransitions(tx, stripped) {
			return nil, errors.New("too many zone types")
		}
		return buildLocation(name, zoneType{offset: first.offset}, stripped)
	}

	b := make([]byte, 0, 44*2+len(times)*9+len(types)*6+len(abbrs)+2)
	header := func(timecnt, typecnt, charcnt int) {
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		for _, n := range []int{0, 0, 0, timecnt, typecnt, charcnt} { // isutcnt isstdcnt leapcnt timecnt typecnt charcnt
			b = binary.BigEndian.AppendUint32(b, uint32(n))
		}
	}
	header(0, 0, 0) // an empty version 1 block; readers of version 2 skip it
	header(len(times), len(types), len(abbrs))
	for _, t := range times {
		b = binary.BigEndian.AppendUint64(b, uint64(t))
	}
	b = append(b, idx...)
	for i, t := range types {
		b = binary.BigEndian.AppendUint32(b, uint32(int32(t.offset)))
		dst := byte(0)
		if t.dst {
			dst = 1
		}
		b = append(b, dst, byte(abbrAt[i]))
	}
	b = append(b, abbrs...)
	b = append(b, '\n', '\n')
	return time.LoadLocationFromTZData(name, b)
}

// sanitizeType keeps an abbreviation short and printable, and names a type
// by its offset when the file gave no TZNAME.
func sanitizeType(t zoneType) zoneType {
	var b strings.Builder
	for i := 0; i < len(t.abbr) && b.Len() < 10; i++ {
		c := t.abbr[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '-' {
			b.WriteByte(c)
		}
	}
	t.abbr = b.String()
	if t.abbr == "" {
		t.abbr = strings.Replace(formatOffsetName(t.offset)[3:], ":", "", 1)
	}
	return t
}

func equalTransitions(a, b []transition) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

func stripNames(tx []transition) []transition {
	out := make([]transition, len(tx))
	for i, t := range tx {
		t.typ.abbr = ""
		out[i] = t
	}
	return out
}
