package ics

import (
	"time"
)

// Years compared when matching zones: the span the file's items use,
// clamped to what tz data knows well and cut to its last twenty years.
const (
	matchFirstYear = 1970
	matchLastYear  = 2037
	matchSpan      = 20
)

// yearSpan is the first and last year a zone is used in.
type yearSpan struct{ first, last int }

// add widens s to include y.
func (s *yearSpan) add(y int) {
	if s.first == 0 || y < s.first {
		s.first = y
	}
	if y > s.last {
		s.last = y
	}
}

// window returns the instants to compare zones over for s.
func (s yearSpan) window() (from, to time.Time) {
	first, last := s.first, s.last
	if first == 0 {
		first = time.Now().Year()
		last = first
	}
	first = max(matchFirstYear, min(first, matchLastYear))
	last = max(first, min(last, matchLastYear))
	if last-first > matchSpan {
		first = last - matchSpan
	}
	from = time.Date(first, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -2)
	to = time.Date(last+1, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 2)
	return from, to
}

// onsetSlack is how long two zones may disagree around a transition and
// still count as the same: VTIMEZONE blocks often give an onset in the
// offset after the change instead of the one before (RFC 5545 §3.6.5),
// which moves it by the size of the change.
const onsetSlack = 3 * time.Hour

// sameOffsets reports whether a and b give every instant in [from, to) the
// same UTC offset, walking both zones' transitions.
func sameOffsets(a, b *time.Location, from, to time.Time) bool {
	return similarOffsets(a, b, from, to, 0)
}

// similarOffsets is sameOffsets allowing disagreements up to slack long.
func similarOffsets(a, b *time.Location, from, to time.Time, slack time.Duration) bool {
	t := from
	for i := 0; i < 10000 && t.Before(to); i++ {
		ta, tb := t.In(a), t.In(b)
		_, oa := ta.Zone()
		_, ob := tb.Zone()
		_, ea := ta.ZoneBounds()
		_, eb := tb.ZoneBounds()
		next := to
		if !ea.IsZero() && ea.Before(next) {
			next = ea
		}
		if !eb.IsZero() && eb.Before(next) {
			next = eb
		}
		if oa != ob && next.Sub(t) > slack {
			return false
		}
		if ea.IsZero() && eb.IsZero() {
			return oa == ob
		}
		t = next
	}
	return true
}

// window returns the part of span's comparison window that z defines;
// ok is false when z says nothing about those years.
func (z *fileZone) window(span yearSpan) (from, to time.Time, ok bool) {
	from, to = span.window()
	if from.Before(z.from) {
		from = z.from
	}
	if !z.to.IsZero() && to.After(z.to) {
		to = z.to
	}
	return from, to, from.Before(to)
}

// agrees reports whether loc gives the offsets z defines over span; when
// z defines nothing there, there is nothing to disagree with.
func (z *fileZone) agrees(loc *time.Location, span yearSpan) bool {
	from, to, ok := z.window(span)
	return !ok || similarOffsets(z.loc, loc, from, to, onsetSlack)
}

// match finds an IANA zone that gives the offsets z defines over the
// years in span: first among prefer (the leader's zone, the name's own
// mapping), then the zones the Windows table knows, territory 001 first;
// zones whose abbreviations are also the file's (CET, CEST) before others.
func (z *fileZone) match(span yearSpan, prefer ...*time.Location) (*time.Location, bool) {
	from, to, ok := z.window(span)
	if !ok {
		return nil, false
	}
	probes := []time.Time{from.Add(onsetSlack), from.Add(to.Sub(from) / 2), to.Add(-onsetSlack)}
	try := func(c *time.Location, sameNames bool) bool {
		if c == nil {
			return false
		}
		for _, p := range probes {
			n1, o1 := p.In(z.loc).Zone()
			n2, o2 := p.In(c).Zone()
			if o1 != o2 || sameNames && n1 != n2 {
				return false
			}
		}
		return similarOffsets(z.loc, c, from, to, onsetSlack)
	}
	for _, sameNames := range []bool{true, false} {
		for _, c := range prefer {
			if try(c, sameNames) {
				return c, true
			}
		}
		for _, name := range zoneIndex().all {
			if c, ok := loadIANA(name); ok && try(c, sameNames) {
				return c, true
			}
		}
	}
	return nil, false
}
