package calendar

import (
	"cmp"
	"slices"
	"time"
)

// Engine checks bookings against one leader's calendar held in memory:
// the occurrences of a stretch of time, indexed by start, and the leader's
// availability. The Service builds one from the Store for each question;
// a caller with many questions about one stretch (an import, a benchmark)
// builds one and asks it all. An Engine never changes once built and is
// safe for concurrent use.
type Engine struct {
	loc      *time.Location
	avail    Availability
	now      time.Time
	spans    []Span             // the occurrences, cancelled ones left out
	items    []Engagement       // the same in full; nil when built from spans
	series   map[int64]expanded // the series a span engine expanded, to make their occurrences a finding names
	short    interval           // items up to a day long
	long     interval           // longer ones: trips, multi-day blocks
	visits   []int64            // starts of the visits, in order
	visitIdx []int32            // their items
	maxBuf   int64              // longest buffer of any kind, seconds
	buffer   [numKinds]int64
	earliest [numKinds]Date // zero: the kind needs no notice
}

// numKinds is len(Kinds); kindIndex numbers them for the engine's tables.
const numKinds = 4

func kindIndex(k Kind) int {
	switch k {
	case KindMeeting:
		return 0
	case KindVisit:
		return 1
	case KindActivity:
		return 2
	}
	return 3
}

// interval is a sorted-by-start index of item intervals in unix seconds,
// with each item's kind, so the search touches the items themselves only
// for what it reports.
type interval struct {
	start, end []int64
	kind       []uint8
	idx        []int32
	maxDur     int64
}

// grow makes room for n more intervals.
func (ix *interval) grow(n int) {
	ix.start, ix.end = slices.Grow(ix.start, n), slices.Grow(ix.end, n)
	ix.kind, ix.idx = slices.Grow(ix.kind, n), slices.Grow(ix.idx, n)
}

// NewEngine indexes items, the occurrences (not series) of the stretch
// of time the questions are about plus the week around it; cancelled
// items are left out, as they never conflict. now decides notice.
func NewEngine(leader Leader, avail Availability, items []Engagement, now time.Time) (*Engine, error) {
	e := &Engine{items: make([]Engagement, 0, len(items))}
	for _, it := range items {
		if !it.Cancelled() {
			e.items = append(e.items, it)
		}
	}
	e.spans = make([]Span, len(e.items))
	for i := range e.items {
		e.spans[i] = spanOf(&e.items[i])
	}
	return e, e.index(leader, avail, now)
}

// newSpanEngine is NewEngine on spans, in the order Occurrences would
// give their engagements: its findings name a span (Finding.span) in
// place of the engagement, which the caller makes (resolveOthers).
func newSpanEngine(leader Leader, avail Availability, spans []Span, series map[int64]expanded, now time.Time) (*Engine, error) {
	e := &Engine{spans: spans[:0], series: series}
	for _, sp := range spans {
		if sp.Status != StatusCancelled {
			e.spans = append(e.spans, sp)
		}
	}
	return e, e.index(leader, avail, now)
}

// index sorts the spans into the engine's tables.
func (e *Engine) index(leader Leader, avail Availability, now time.Time) error {
	loc, err := leader.Location()
	if err != nil {
		return err
	}
	e.loc, e.avail, e.now = loc, avail, now
	order := make([]int32, len(e.spans))
	for i := range order {
		order[i] = int32(i)
	}
	if e.items != nil {
		slices.SortFunc(order, func(a, b int32) int { return e.items[a].Start.Compare(e.items[b].Start) })
	} else {
		slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(e.spans[a].Start, e.spans[b].Start) })
	}
	// The tables in one allocation each, of the right size.
	long, visits := 0, 0
	for i := range e.spans {
		if e.spans[i].End-e.spans[i].Start > 24*3600 {
			long++
		}
		if e.spans[i].Kind == KindVisit {
			visits++
		}
	}
	e.short.grow(len(e.spans) - long)
	e.long.grow(long)
	e.visits, e.visitIdx = make([]int64, 0, visits), make([]int32, 0, visits)
	for _, i := range order {
		it := &e.spans[i]
		s, en := it.Start, it.End
		ix := &e.short
		if en-s > 24*3600 {
			ix = &e.long
		}
		ix.start, ix.end, ix.idx = append(ix.start, s), append(ix.end, en), append(ix.idx, i)
		ix.kind = append(ix.kind, uint8(kindIndex(it.Kind)))
		ix.maxDur = max(ix.maxDur, en-s)
		if it.Kind == KindVisit {
			e.visits, e.visitIdx = append(e.visits, s), append(e.visitIdx, i)
		}
	}
	for _, k := range Kinds {
		e.buffer[kindIndex(k)] = int64(avail.Buffer(k) / time.Second)
		e.maxBuf = max(e.maxBuf, e.buffer[kindIndex(k)])
		if n := avail.NoticeDays(k); n > 0 {
			e.earliest[kindIndex(k)] = e.nthWorkingDay(n)
		}
	}
	return nil
}

// other returns what a finding about occurrence i names: the engagement,
// or for a span engine the span.
func (e *Engine) other(i int32) (*Engagement, *Span) {
	if e.items != nil {
		return &e.items[i], nil
	}
	return nil, &e.spans[i]
}

// Location returns the leader's zone, in which days and hours are counted.
func (e *Engine) Location() *time.Location { return e.loc }

// Check returns what stops or hinders booking c, most serious first; none
// when c fits. c may be new or an edited copy of an indexed item, which is
// then not checked against itself. A cancelled c never conflicts.
func (e *Engine) Check(c Engagement) []Finding {
	var buf [16]Finding // most checks find fewer: one allocation, of the right size
	if fs := e.checkInto(c, buf[:0]); len(fs) > 0 {
		return slices.Clone(fs)
	}
	return nil
}

// checkInto is Check finding into scratch, whose room it reuses: a
// caller checking thousands keeps one scratch instead of growing a
// slice for every booking that meets many others.
func (e *Engine) checkInto(c Engagement, scratch []Finding) []Finding {
	if c.AllDay {
		c.Anchor(e.loc)
	}
	if c.Cancelled() || !c.End.After(c.Start) {
		return scratch[:0]
	}
	fs := e.checkNeighbours(c, scratch[:0])
	if c.Kind != KindBlocked { // blocked time needs no hours, notice or buffers
		fs = e.checkDays(c, fs)
		fs = e.checkNotice(c, fs)
		fs = e.checkCaps(c, fs)
	}
	for i := range fs {
		fs[i].At = c.Start
	}
	if !slices.IsSortedFunc(fs, compareFindings) {
		slices.SortStableFunc(fs, compareFindings)
	}
	return fs
}

// isSelf reports whether o is c itself, or one of c's occurrences.
func isSelf(c Engagement, o *Engagement) bool {
	return c.ID != 0 && (o.ID == c.ID || o.SeriesID == c.ID) ||
		c.SeriesID != 0 && o.SeriesID == c.SeriesID && o.RecurrenceID.Equal(c.RecurrenceID)
}

// isSelfAt is isSelf for occurrence i: on its span, whose instants are
// whole seconds as stored ones are, when there is no engagement.
func (e *Engine) isSelfAt(c Engagement, i int32) bool {
	if e.items != nil {
		return isSelf(c, &e.items[i])
	}
	o := &e.spans[i]
	return c.ID != 0 && (o.ID == c.ID || o.SeriesID == c.ID) ||
		c.SeriesID != 0 && o.SeriesID == c.SeriesID && c.RecurrenceID.Equal(time.Unix(o.Recurrence, 0))
}

// checkNeighbours applies overlap, blocked and buffer: the rules between c
// and each engagement near it.
func (e *Engine) checkNeighbours(c Engagement, fs []Finding) []Finding {
	cs, ce := c.Start.Unix(), c.End.Unix()
	bufC := e.buffer[kindIndex(c.Kind)]
	pad := max(bufC, e.maxBuf)
	mayBeSelf := c.ID != 0 || c.SeriesID != 0
	if c.Kind == KindBlocked {
		pad = 0
	}
	for _, ix := range [2]*interval{&e.short, &e.long} {
		i, _ := slices.BinarySearch(ix.start, cs-ix.maxDur-pad)
		for j := i; j < len(ix.start) && ix.start[j] < ce+pad; j++ {
			s, en := ix.start[j], ix.end[j]
			if en+pad <= cs {
				continue
			}
			overlap := s < ce && en > cs
			need := max(bufC, e.buffer[ix.kind[j]])
			gap := s - ce
			if en <= cs {
				gap = cs - en
			}
			if !overlap && (gap >= need || c.Kind == KindBlocked) {
				continue
			}
			i := ix.idx[j]
			if mayBeSelf && e.isSelfAt(c, i) {
				continue
			}
			if overlap {
				fs = append(fs, e.overlapFinding(c, i))
			} else {
				o, sp := e.other(i)
				fs = append(fs, Finding{Rule: RuleBuffer, Severity: SeverityWarn, Code: "conflict.buffer", Other: o, span: sp, en: e, loc: e.loc,
					n: [3]int32{int32(gap / 60), int32(need / 60)}})
			}
		}
	}
	return fs
}

// overlapFinding: another engagement at the same time blocks the booking
// (blocked time under its own rule); a tentative one on either side only
// warns.
func (e *Engine) overlapFinding(c Engagement, i int32) Finding {
	o := &e.spans[i]
	f := Finding{Rule: RuleOverlap, Severity: SeverityBlock, Code: "conflict.overlap", en: e, loc: e.loc}
	f.Other, f.span = e.other(i)
	tentative := c.Status == StatusTentative || o.Status == StatusTentative
	if tentative {
		f.Severity = SeverityWarn
		f.Code = "conflict.overlap_tentative"
	}
	if o.Kind == KindBlocked {
		f.Rule, f.Code = RuleBlocked, "conflict.blocked"
	}
	return f
}

// maxDaysChecked bounds the days one booking's hours are checked on.
const maxDaysChecked = 62

// checkDays applies holiday and outside_hours to each day c covers.
func (e *Engine) checkDays(c Engagement, fs []Finding) []Finding {
	first, last := DateOf(c.Start.In(e.loc)), DateOf(c.End.Add(-time.Second).In(e.loc))
	for d, n := first, 0; !last.Before(d) && n < maxDaysChecked; d, n = d.AddDays(1), n+1 {
		if o, ok := e.avail.Override(d); ok && o.Kind == DayOff {
			fs = append(fs, Finding{Rule: RuleHoliday, Severity: SeverityWarn, Code: "conflict.holiday", date: d, title: o.Title})
			continue
		}
		hours := e.avail.HoursOn(d)
		if len(hours) == 0 {
			fs = append(fs, Finding{Rule: RuleOutsideHours, Severity: SeverityWarn, Code: "conflict.non_working_day", date: d})
			continue
		}
		if c.AllDay {
			continue // an all-day item on a working day takes the day as it is
		}
		from, to := Later(c.Start, d.In(e.loc)), Earlier(c.End, d.AddDays(1).In(e.loc))
		if !covered(hours, d, e.loc, from, to) {
			fs = append(fs, Finding{Rule: RuleOutsideHours, Severity: SeverityWarn, Code: "conflict.outside_hours", date: d, hours: hours})
		}
	}
	return fs
}

// covered reports whether [from, to) lies within the hours of day d;
// stretches that touch count as one.
func covered(hours []ClockRange, d Date, loc *time.Location, from, to time.Time) bool {
	var runStart, runEnd time.Time
	for i, h := range hours {
		hs, he := h.Start.On(d, loc), h.End.On(d, loc)
		if i == 0 || hs.After(runEnd) {
			runStart = hs
		}
		runEnd = he
		if !from.Before(runStart) && !to.After(runEnd) {
			return true
		}
	}
	return false
}

// nthWorkingDay returns the nth working day after today, in the leader's
// zone: the earliest day a booking that needs n days' notice may take.
func (e *Engine) nthWorkingDay(n int) Date {
	d := DateOf(e.now.In(e.loc))
	for found, i := 0, 0; found < n && i < 400; i++ {
		d = d.AddDays(1)
		if len(e.avail.HoursOn(d)) > 0 {
			found++
		}
	}
	return d
}

// checkNotice applies notice: a kind that needs n working days' notice may
// not be booked before the nth working day after today.
func (e *Engine) checkNotice(c Engagement, fs []Finding) []Finding {
	earliest := e.earliest[kindIndex(c.Kind)]
	if earliest.IsZero() || !DateOf(c.Start.In(e.loc)).Before(earliest) {
		return fs
	}
	return append(fs, Finding{Rule: RuleNotice, Severity: SeverityWarn, Code: "conflict.notice",
		date: earliest, n: [3]int32{int32(e.avail.NoticeDays(c.Kind))}})
}

// checkCaps applies weekly_cap and daily_cap to a visit.
func (e *Engine) checkCaps(c Engagement, fs []Finding) []Finding {
	if c.Kind != KindVisit {
		return fs
	}
	day := DateOf(c.Start.In(e.loc))
	if limit := e.avail.WeeklyVisitCap; limit > 0 {
		week := WeekStart(day)
		if n := e.visitsBetween(c, week.In(e.loc), week.AddDays(7).In(e.loc)) + 1; n > limit {
			_, wn := week.In(e.loc).ISOWeek()
			fs = append(fs, Finding{Rule: RuleWeeklyCap, Severity: SeverityWarn, Code: "conflict.weekly_cap", n: [3]int32{int32(n), int32(limit), int32(wn)}})
		}
	}
	if limit := e.avail.DailyVisitCap; limit > 0 {
		if n := e.visitsBetween(c, day.In(e.loc), day.AddDays(1).In(e.loc)) + 1; n > limit {
			fs = append(fs, Finding{Rule: RuleDailyCap, Severity: SeverityWarn, Code: "conflict.daily_cap", date: day, n: [3]int32{int32(n), int32(limit)}})
		}
	}
	return fs
}

// visitsBetween counts the visits other than c that start in [from, to).
func (e *Engine) visitsBetween(c Engagement, from, to time.Time) int {
	lo, _ := slices.BinarySearch(e.visits, from.Unix())
	hi, _ := slices.BinarySearch(e.visits, to.Unix())
	n := 0
	for i := lo; i < hi; i++ {
		if !e.isSelfAt(c, e.visitIdx[i]) {
			n++
		}
	}
	return n
}

// VisitCount returns how many visits, cancelled ones aside, start in the
// ISO week that contains day: for a header such as "本周会客 4/6".
func (e *Engine) VisitCount(day Date) int {
	week := WeekStart(day)
	return e.visitsBetween(Engagement{}, week.In(e.loc), week.AddDays(7).In(e.loc))
}

// Slot is a free stretch of time offered for a booking.
type Slot struct {
	Start, End time.Time
}

// slotStep is the grid free slots start on, in the leader's zone.
const slotStep = 15 * time.Minute

// FreeSlots returns up to n slots of length d for an engagement of kind,
// within [from, to) and the working hours, that raise no finding at all:
// the earliest first, starting on the quarter hour, none overlapping.
func (e *Engine) FreeSlots(kind Kind, d time.Duration, from, to time.Time, n int) []Slot {
	if d <= 0 || n <= 0 || !to.After(from) {
		return nil
	}
	var out []Slot
	probe := Engagement{Kind: kind, Status: StatusConfirmed}
	last := DateOf(to.In(e.loc))
	for day := DateOf(from.In(e.loc)); !last.Before(day); day = day.AddDays(1) {
		if earliest := e.earliest[kindIndex(kind)]; !earliest.IsZero() && day.Before(earliest) {
			day = earliest.AddDays(-1)
			continue
		}
	nextStretch:
		for _, h := range e.avail.HoursOn(day) {
			hs, he := Later(h.Start.On(day, e.loc), from), Earlier(h.End.On(day, e.loc), to)
			for t := alignUp(hs); !t.Add(d).After(he); {
				probe.Start, probe.End = t, t.Add(d)
				fs := e.Check(probe)
				if len(fs) == 0 {
					if out = append(out, Slot{probe.Start, probe.End}); len(out) == n {
						return out
					}
					t = alignUp(probe.End)
					continue
				}
				next := t.Add(slotStep)
				for _, f := range fs {
					switch f.Rule {
					case RuleWeeklyCap:
						day = WeekStart(day).AddDays(6)
						break nextStretch
					case RuleDailyCap, RuleHoliday, RuleNotice:
						break nextStretch
					}
					if f.Other != nil {
						// Any start before the clashing item's end plus its
						// buffer clashes again: jump past it.
						need := max(e.avail.Buffer(kind), e.avail.Buffer(f.Other.Kind))
						next = Later(next, alignUp(f.Other.End.Add(need)))
					} else if f.span != nil {
						need := max(e.avail.Buffer(kind), e.avail.Buffer(f.span.Kind))
						next = Later(next, alignUp(time.Unix(f.span.End, 0).Add(need)))
					}
				}
				t = next
			}
		}
	}
	return out
}

// alignUp rounds t up to the slot grid. Zone offsets are whole quarter
// hours, so the grid of the instant is the grid of the wall clock.
func alignUp(t time.Time) time.Time {
	if r := t.Truncate(slotStep); !r.Equal(t) {
		return r.Add(slotStep)
	}
	return t
}

// Later returns the later of two instants.
func Later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// Earlier returns the earlier of two instants.
func Earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
