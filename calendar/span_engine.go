package calendar

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"time"
)

// expanded is a series a span engine expanded: the series, its rule and
// the starts the rule gave, so the occurrence a finding names can be made
// as Occurrences makes it.
type expanded struct {
	m      *Engagement // without its words unless whole
	whole  bool        // m was read whole (SeriesBetween), not for its rule alone
	r      *recurrence
	starts []time.Time
}

// occurrence returns the occurrence of series m, the whole of x.m, that
// starts at unix.
func (x expanded) occurrence(m *Engagement, unix int64) Engagement {
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i].Unix() >= unix })
	start := time.Unix(unix, 0).In(x.r.loc)
	if i < len(x.starts) && x.starts[i].Unix() == unix {
		start = x.starts[i]
	}
	return occurrenceOf(*m, x.r, start)
}

// windowReads is what a check window reads of the store: its engine is
// made of them (engine) on another goroutine while the next window is
// read.
type windowReads struct {
	loc     *time.Location
	from    time.Time // the stretch read
	to      time.Time
	singles []Span       // the single engagements and overrides, by start and end
	series  *seriesCache // the series of a stretch that covers the window's
	whole   *Engine      // built whole, for a store without spans
}

// readWindow reads what the engine of [from, to) needs: spans when the
// store reads them, so that a quarter of a large calendar costs its
// times, not a copy of every engagement in it. sc holds the series read
// for the previous window; the result holds sc when it covers this one,
// else the series newly read (sc, which an engine may still be made
// from, is left as it is).
func (s *Service) readWindow(ctx context.Context, leader Leader, from, to time.Time, sc *seriesCache) (windowReads, error) {
	ss, ok := s.store.(SpanStore)
	if !ok {
		en, err := s.Engine(ctx, leader, from, to)
		return windowReads{whole: en}, err
	}
	loc, err := leader.Location()
	if err != nil {
		return windowReads{}, err
	}
	// The stretch Engine reads.
	lo := WeekStart(DateOf(from.In(loc))).AddDays(-1).In(loc)
	hi := WeekStart(DateOf(to.In(loc))).AddDays(8).In(loc)
	if !sc.covers(lo, hi) {
		if sc, err = readSeries(ctx, s.store, ss, leader.ID, lo, hi); err != nil {
			return windowReads{}, err
		}
	}
	singles, err := ss.SpansBetween(ctx, leader.ID, lo, hi)
	if err != nil {
		return windowReads{}, err
	}
	return windowReads{loc: loc, from: lo, to: hi, singles: singles, series: sc}, nil
}

// engine makes the window's engine of what was read: the occurrences as
// Occurrences gives them, the single engagements and overrides, then each
// series' occurrences, by start and end. The store is a SeriesStore, so
// no series is among the singles.
func (w windowReads) engine(leader Leader, a Availability, now time.Time) (*Engine, error) {
	if w.whole != nil {
		return w.whole, nil
	}
	spans, series := w.series.spans(w.loc, w.from, w.to)
	return newSpanEngine(leader, a, sortSpans(w.singles, spans), series, now)
}

// spans returns the occurrences of the cached series that meet [from,
// to) as spans, each series' in turn, and the series expanded.
func (sc *seriesCache) spans(loc *time.Location, from, to time.Time) ([]Span, map[int64]expanded) {
	sc.makeRules(loc)
	// Expanded first, then their spans in one allocation of the right size.
	type expansion struct {
		m  *Engagement
		x  expanded
		ok bool // expanded; else the series shows as its first occurrence
	}
	var xs []expansion
	n := 0
	for i := range sc.masters {
		m := &sc.masters[i]
		if !meets(m, from, to) {
			continue
		}
		x, err := sc.expand(i, from, to)
		switch {
		case err == nil:
			xs = append(xs, expansion{m, x, true})
			n += len(x.starts)
		case m.Overlaps(from, to):
			xs = append(xs, expansion{m: m}) // as Occurrences: the series shows as its first occurrence
			n++
		}
	}
	out := make([]Span, 0, n)
	series := make(map[int64]expanded, len(xs))
	for _, e := range xs {
		if !e.ok {
			out = append(out, spanOf(e.m))
			continue
		}
		m := e.m
		for _, st := range e.x.starts {
			out = append(out, Span{SeriesID: m.ID, Start: st.Unix(), End: e.x.r.end(st).Unix(), Recurrence: st.Unix(), Kind: m.Kind, Status: m.Status})
		}
		series[m.ID] = e.x
	}
	return out, series
}

// meets is SeriesBetween's test: the series' span, from its first start
// to SeriesEnd (for ever when zero), meets [from, to), in whole seconds.
func meets(m *Engagement, from, to time.Time) bool {
	return m.Start.Unix() < to.Unix() && (m.SeriesEnd.IsZero() || m.SeriesEnd.Unix() > from.Unix())
}

// seriesStretch is how much time a seriesCache reads at once: a year of
// check windows share one reading of the series and their rules.
const seriesStretch = 366 * 24 * time.Hour

// seriesCache holds the series of a stretch of time, their overrides
// taken out of their rules, for the check windows within it: each window
// reading and parsing them again cost as much as its own engagements.
type seriesCache struct {
	from, to time.Time
	masters  []Engagement          // SeriesBetween(from, to), in its order; their rules alone when light
	light    bool                  // read by SeriesRulesBetween
	replaced map[int64][]time.Time // the starts overrides took out, until makeRules
	rules    []*recurrence
	errs     []error
}

// covers reports whether the cache holds the series of [from, to).
func (sc *seriesCache) covers(from, to time.Time) bool {
	return sc != nil && !from.Before(sc.from) && !to.After(sc.to)
}

// readSeries reads the series of [from, to) and a stretch after into a
// new cache; makeRules then makes their rules.
func readSeries(ctx context.Context, store Store, ss SpanStore, leaderID int64, from, to time.Time) (*seriesCache, error) {
	sc := &seriesCache{from: from, to: Later(to, from.Add(seriesStretch))}
	var ms []Engagement
	var err error
	if rs, ok := ss.(SeriesRuleStore); ok {
		ms, err = rs.SeriesRulesBetween(ctx, leaderID, sc.from, sc.to)
		sc.light = true
	} else {
		ms, err = store.SeriesBetween(ctx, leaderID, sc.from, sc.to)
	}
	if err != nil {
		return nil, err
	}
	seen := make(map[int64]bool, len(ms))
	sc.masters = make([]Engagement, 0, len(ms)) // a copy: the store may hold ms
	for _, m := range ms {
		if !seen[m.ID] {
			seen[m.ID] = true
			sc.masters = append(sc.masters, m)
		}
	}
	longest := time.Duration(0)
	for _, m := range sc.masters {
		longest = max(longest, m.End.Sub(m.Start))
	}
	// An override replaces an occurrence that would have met the stretch,
	// wherever the override itself now is; one outside a window's reach
	// takes out no start that meets the window.
	sc.replaced = map[int64][]time.Time{}
	if len(sc.masters) > 0 {
		overrides, err := ss.OverrideSpansBetween(ctx, leaderID, sc.from.Add(-longest-48*time.Hour), sc.to.Add(48*time.Hour))
		if err != nil {
			return nil, err
		}
		for _, o := range overrides {
			sc.replaced[o.SeriesID] = append(sc.replaced[o.SeriesID], time.Unix(o.Recurrence, 0).UTC())
		}
	}
	return sc, nil
}

// makeRules makes the rules of the series readSeries read, unless made.
func (sc *seriesCache) makeRules(loc *time.Location) {
	if sc.rules != nil || sc.masters == nil {
		return
	}
	sc.rules, sc.errs = make([]*recurrence, len(sc.masters)), make([]error, len(sc.masters))
	for i := range sc.masters {
		r, err := newRecurrence(sc.masters[i], loc)
		if err == nil {
			for _, at := range sc.replaced[sc.masters[i].ID] {
				r.excludeStart(at)
			}
		}
		sc.rules[i], sc.errs[i] = r, err
	}
	sc.replaced = nil
}

// expand returns the starts of series i that meet [from, to).
func (sc *seriesCache) expand(i int, from, to time.Time) (expanded, error) {
	if sc.errs[i] != nil {
		return expanded{}, sc.errs[i]
	}
	starts, err := sc.rules[i].between(from, to)
	if err != nil {
		return expanded{}, err
	}
	return expanded{m: &sc.masters[i], whole: !sc.light, r: sc.rules[i], starts: starts}, nil
}

// sortSpans is sortByStart for spans, on singles followed by series: by
// start, then end, keeping the given order among equals. It sorts keys
// laid side by side (start, end, position), not the spans in place, and
// moves each span once, into one allocation.
func sortSpans(singles, series []Span) []Span {
	type key struct {
		start, end int64
		at         int32 // in singles, then series
	}
	n := len(singles) + len(series)
	at := func(i int32) *Span {
		if int(i) < len(singles) {
			return &singles[i]
		}
		return &series[int(i)-len(singles)]
	}
	keys := make([]key, n)
	sorted := true
	for i := range keys {
		sp := at(int32(i))
		keys[i] = key{sp.Start, sp.End, int32(i)}
		if i > 0 && (keys[i-1].start > sp.Start || keys[i-1].start == sp.Start && keys[i-1].end > sp.End) {
			sorted = false
		}
	}
	if !sorted {
		// at breaks ties: the order is total, so an unstable sort gives
		// the stable order.
		slices.SortFunc(keys, func(a, b key) int {
			return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.at, b.at))
		})
	}
	out := make([]Span, n)
	for i, k := range keys {
		out[i] = *at(k.at)
	}
	return out
}
