package calendar

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
)

// recurrenceProblems checks the recurrence fields: a rule that parses,
// that rrule-go can expand, that occurs and not too often (see probe), and
// an override that names its series and occurrence.
func (e Engagement) recurrenceProblems() []Problem {
	switch {
	case e.IsOccurrence() && e.IsSeries():
		return []Problem{{Field: "rrule", Code: "validation.occurrence_repeats", Message: "one occurrence of a series cannot repeat"}}
	case e.IsOccurrence() && e.RecurrenceID.IsZero(), !e.IsOccurrence() && !e.RecurrenceID.IsZero():
		return []Problem{{Field: "recurrence", Code: "validation.recurrence_id", Message: "an occurrence needs both its series and its original start"}}
	case !e.IsSeries():
		return nil
	}
	r, err := newRecurrence(e, e.EnteredLocation(time.UTC))
	if err == nil {
		err = r.probe()
	}
	if err == nil {
		_, _, err = r.lastStart()
	}
	var re *RuleError
	if errors.As(err, &re) {
		return []Problem{re.Problem()}
	}
	if err != nil {
		return []Problem{{Field: "rrule", Code: "validation.rrule_too_costly", Message: "the repeat rule cannot be expanded safely"}}
	}
	return nil
}

// SetSeriesEnd stores in e.SeriesEnd the end of the series' last
// occurrence, zero for one without end, so that the store can find the
// series by its span.
func SetSeriesEnd(e *Engagement, loc *time.Location) error {
	e.SeriesEnd = time.Time{}
	if !e.IsSeries() {
		return nil
	}
	r, err := newRecurrence(*e, loc)
	if err != nil {
		return err
	}
	last, ok, err := r.lastStart()
	if err != nil {
		return err
	}
	if ok {
		e.SeriesEnd = r.end(last)
	}
	return nil
}

// Occurrences returns what the leader has on [from, to): single
// engagements, overrides, and the occurrences of each series, in order of
// start.
func (s *Service) Occurrences(ctx context.Context, leaderID int64, loc *time.Location, from, to time.Time) ([]Engagement, error) {
	rows, err := s.store.EngagementsBetween(ctx, leaderID, from, to)
	if err != nil {
		return nil, err
	}
	singles, extra := splitSeries(rows)
	n := len(singles)
	all, masters, err := s.appendSeriesOccurrences(ctx, singles, leaderID, loc, from, to, extra)
	if err != nil {
		return nil, err
	}
	// An override whose occurrence was the series' only one in the window
	// finds its series among those read, not with a query of its own.
	if slices.ContainsFunc(all[:n], isStoredOverride) {
		if err := s.followSeriesClass(ctx, all[:n], seriesClasses(masters, all[n:])); err != nil {
			return nil, err
		}
	}
	return sortByStart(all), nil
}

// isStoredOverride reports whether e is an override stored for one
// occurrence, whose classification follows its series'.
func isStoredOverride(e Engagement) bool { return e.SeriesID != 0 && e.ID != 0 }

// splitSeries separates the series a store without SeriesStore returns
// among its rows.
func splitSeries(rows []Engagement) (singles, series []Engagement) {
	if !slices.ContainsFunc(rows, Engagement.IsSeries) {
		return rows, nil // what a SeriesStore gives: nothing to copy
	}
	for _, e := range rows {
		if e.IsSeries() {
			series = append(series, e)
		} else {
			singles = append(singles, e)
		}
	}
	return singles, series
}

// sortByStart orders es by start, then end, keeping the given order among
// equals, in place. It sorts positions and moves each engagement once: a
// stable sort of the structs themselves moves them O(n log n) times, which
// a preview that loads years of a calendar month by month pays for every
// month; a sorted copy cost a short command page faults.
func sortByStart(es []Engagement) []Engagement {
	if slices.IsSortedFunc(es, compareStartEnd) {
		return es
	}
	// The keys side by side: comparing in place read two large structs
	// and unpacked four times per comparison.
	type key struct {
		start, end         int64 // unix seconds
		startNsec, endNsec int32
		at                 int32
	}
	keys := make([]key, len(es))
	for i := range es {
		st, en := es[i].Start, es[i].End
		keys[i] = key{st.Unix(), en.Unix(), int32(st.Nanosecond()), int32(en.Nanosecond()), int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.startNsec, b.startNsec),
			cmp.Compare(a.end, b.end), cmp.Compare(a.endNsec, b.endNsec), cmp.Compare(a.at, b.at))
	})
	// es[j] becomes the engagement at keys[j].at; a moved position is
	// marked -1
	for i := range keys {
		if keys[i].at < 0 || keys[i].at == int32(i) {
			continue
		}
		held, j := es[i], i
		for {
			k := keys[j].at
			keys[j].at = -1
			if int(k) == i {
				es[j] = held
				break
			}
			es[j], j = es[k], int(k)
		}
	}
	return es
}

func compareStartEnd(a, b Engagement) int {
	if c := a.Start.Compare(b.Start); c != 0 {
		return c
	}
	return a.End.Compare(b.End)
}

// seriesOccurrences returns the occurrences on [from, to) of the leader's
// series and of extra, less those overrides stand in for. A series that
// cannot be expanded shows as its first occurrence.
func (s *Service) seriesOccurrences(ctx context.Context, leaderID int64, loc *time.Location, from, to time.Time, extra []Engagement) ([]Engagement, error) {
	occ, _, err := s.appendSeriesOccurrences(ctx, nil, leaderID, loc, from, to, extra)
	return occ, err
}

// appendSeriesOccurrences is seriesOccurrences appending to out, which
// it may reuse: a week's list is made once. It also returns the series
// it expanded.
func (s *Service) appendSeriesOccurrences(ctx context.Context, out []Engagement, leaderID int64, loc *time.Location, from, to time.Time, extra []Engagement) ([]Engagement, []Engagement, error) {
	ms, err := s.store.SeriesBetween(ctx, leaderID, from, to)
	if err != nil {
		return nil, nil, err
	}
	// The store's series are distinct: only those among extra can repeat,
	// so each is looked for in extra alone, not in the growing list.
	masters := ms
	if len(extra) > 0 {
		masters = slices.Grow(slices.Clip(extra), len(ms))
		for _, m := range ms {
			if !slices.ContainsFunc(extra, func(x Engagement) bool { return x.ID == m.ID }) {
				masters = append(masters, m)
			}
		}
	}
	if len(masters) == 0 {
		return out, nil, nil
	}
	longest := time.Duration(0)
	for _, m := range masters {
		longest = max(longest, m.End.Sub(m.Start))
	}
	// An override replaces an occurrence that would have met the window,
	// wherever the override itself now is.
	overrides, err := s.store.OverridesBetween(ctx, leaderID, from.Add(-longest-48*time.Hour), to.Add(48*time.Hour))
	if err != nil {
		return nil, nil, err
	}
	out = slices.Grow(out, occurrencesGuess(len(masters), from, to))
	var r recurrence
	for _, m := range masters {
		more, err := appendSeries(out, &r, m, loc, overrides, from, to)
		if err != nil {
			more = out
			if m.Overlaps(from, to) {
				more = append(out, m)
			}
		}
		out = more
	}
	return out, masters, nil
}

// occurrencesGuess is the room a list is made with for the occurrences of
// n series in [from, to): one a series a week, what weekly series have,
// and a little more; a shorter window (a check's hour) has its share of
// that. Beyond it the list grows as it must.
func occurrencesGuess(n int, from, to time.Time) int {
	const week = 7 * 24 * time.Hour
	if w := to.Sub(from); w < week {
		n = int(int64(n) * int64(w) / int64(week))
	}
	return n + n/4 + 8
}

// appendSeries appends to out the occurrences of series m that meet
// [from, to), less those that overrides (of any series) stand in for; on
// error out is returned as it came. r is the room to expand m in.
func appendSeries(out []Engagement, r *recurrence, m Engagement, loc *time.Location, overrides []Engagement, from, to time.Time) ([]Engagement, error) {
	if err := r.reset(m, loc); err != nil {
		return out, err
	}
	for _, o := range overrides {
		if o.SeriesID == m.ID {
			r.excludeStart(o.RecurrenceID)
		}
	}
	starts, err := r.between(from, to)
	if err != nil {
		return out, err
	}
	for _, st := range starts {
		out = append(out, occurrenceOf(m, r, st))
	}
	return out, nil
}

// occurrenceOf returns the occurrence of series m that starts at start,
// as the rule made it: no ID of its own, its series and original start set.
func occurrenceOf(m Engagement, r *recurrence, start time.Time) Engagement {
	o := m
	o.ID, o.SeriesID, o.RecurrenceID = 0, m.ID, start
	o.RDates, o.ExDates = nil, nil
	o.Start, o.End = start, r.end(start)
	if o.AllDay {
		o.StartDay = DateOf(start.In(r.loc))
		o.EndDay = o.StartDay.AddDays(r.days)
	}
	return o
}

// SaveOccurrence stores occ, one occurrence of a series, as an override of
// that occurrence alone ("this occurrence" in the editor): moved,
// retitled, cancelled. It creates the override on first edit and updates
// it after. The override keeps the series' UID and leader.
func (s *Service) SaveOccurrence(ctx context.Context, occ *Engagement) error {
	if !occ.IsOccurrence() || occ.RecurrenceID.IsZero() {
		return &ValidationError{Problems: []Problem{{Field: "recurrence", Code: "validation.recurrence_id", Message: "an occurrence needs both its series and its original start"}}}
	}
	master, err := s.seriesOf(ctx, *occ)
	if err != nil {
		return err
	}
	occ.UID, occ.LeaderID = master.UID, master.LeaderID
	occ.Classification = InheritClass(master.Classification, occ.Classification) // never looser than its series
	occ.RRule, occ.RDates, occ.ExDates, occ.SeriesEnd = "", nil, nil, time.Time{}
	if occ.ID == 0 {
		at := occ.RecurrenceID
		existing, err := s.store.OverridesBetween(ctx, master.LeaderID, at, at.Add(time.Second))
		if err != nil {
			return err
		}
		for _, x := range existing {
			if x.SeriesID == master.ID {
				occ.ID = x.ID
			}
		}
	}
	return s.save(ctx, occ)
}

// seriesOf returns the live series occ belongs to.
func (s *Service) seriesOf(ctx context.Context, occ Engagement) (Engagement, error) {
	master, err := s.store.Engagement(ctx, occ.SeriesID)
	if err != nil {
		return Engagement{}, fmt.Errorf("series of occurrence at %v: %w", occ.RecurrenceID, err)
	}
	if !master.IsSeries() {
		return Engagement{}, fmt.Errorf("engagement %d is not a series: %w", master.ID, ErrInvalid)
	}
	return master, nil
}

// SaveSeries applies the edits made to occ, an occurrence, to its whole
// series ("the whole series" in the editor): title, place, notes, kind,
// status, classification, the rule, and a move of occ's start or a change
// of its length, which moves every occurrence alike. Excluded dates and
// overrides move with the series so they still name their occurrences.
// Given a series or a single engagement it is Save. On return e holds the
// series.
func (s *Service) SaveSeries(ctx context.Context, e *Engagement) error {
	if !e.IsOccurrence() {
		return s.Save(ctx, e)
	}
	m, shift, err := s.editedSeries(ctx, *e)
	if err != nil {
		return err
	}
	var overrides []Engagement
	if shift != 0 {
		if overrides, err = s.store.SeriesOverrides(ctx, m.ID); err != nil {
			return err
		}
	}
	if err := s.save(ctx, &m); err != nil {
		return err
	}
	for _, o := range overrides {
		o.RecurrenceID = o.RecurrenceID.Add(shift)
		if err := s.save(ctx, &o); err != nil {
			return fmt.Errorf("move override of %v: %w", o.RecurrenceID, err)
		}
	}
	*e = m
	return nil
}

// editedSeries returns the series of occurrence e with e's edits applied
// to the whole of it, unsaved, and how far its occurrences move.
func (s *Service) editedSeries(ctx context.Context, e Engagement) (Engagement, time.Duration, error) {
	m, err := s.seriesOf(ctx, e)
	if err != nil {
		return Engagement{}, 0, err
	}
	leader, err := s.store.Leader(ctx, m.LeaderID)
	if err != nil {
		return Engagement{}, 0, err
	}
	loc, err := leader.Location()
	if err != nil {
		return Engagement{}, 0, err
	}
	if e.AllDay != m.AllDay {
		return Engagement{}, 0, &ValidationError{Problems: []Problem{{Field: "allday", Code: "validation.series_allday",
			Message: "a whole series cannot switch between all-day and timed; edit the series itself"}}}
	}
	m.Title, m.Location, m.Notes, m.Kind = e.Title, e.Location, e.Notes, e.Kind
	m.Organiser = e.Organiser
	m.Status, m.Classification = e.Status, e.Classification
	ruleEdited := e.RRule != "" && NormalizeRRule(e.RRule) != m.RRule
	if e.RRule != "" {
		m.RRule = e.RRule
	}
	from := DateOf(e.RecurrenceID.In(loc))
	to := e.StartDay
	if !m.AllDay {
		to = DateOf(e.Start.In(loc))
	}
	if to != from && !ruleEdited && dayPinned(m.RRule) {
		// The rule names its days; moving DTSTART alone would leave the
		// others where they are and add a stray first occurrence.
		return Engagement{}, 0, &ValidationError{Problems: []Problem{{Field: "start", Code: "validation.series_move_day",
			Message: "the repeat rule names its days: change the rule to move the whole series to another day"}}}
	}
	var shift time.Duration
	if m.AllDay {
		days := DaysBetween(from, e.StartDay)
		m.StartDay = m.StartDay.AddDays(days)
		m.EndDay = m.StartDay.AddDays(DaysBetween(e.StartDay, e.EndDay))
		m.Anchor(loc)
		shift = time.Duration(days) * 24 * time.Hour
	} else {
		shift = e.Start.Sub(e.RecurrenceID)
		dur := e.End.Sub(e.Start)
		m.Start = m.Start.Add(shift)
		m.End = m.Start.Add(dur)
		if e.ZoneName != "" {
			m.ZoneName = e.ZoneName
		}
	}
	if shift != 0 {
		m.ExDates, m.RDates = slices.Clone(m.ExDates), slices.Clone(m.RDates)
		for i := range m.ExDates {
			m.ExDates[i] = m.ExDates[i].Add(shift)
		}
		for i := range m.RDates {
			m.RDates[i] = m.RDates[i].Add(shift)
		}
	}
	return m, shift, nil
}

// dayPinned reports whether a rule names the days it falls on.
func dayPinned(text string) bool {
	r, err := parseRule(text)
	if err != nil {
		return false
	}
	for _, p := range []string{"BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS"} {
		if _, ok := r.parts[p]; ok {
			return true
		}
	}
	return false
}

// CancelOccurrence marks one occurrence of a series cancelled: it stays on
// the calendar, struck through, and frees its slot (RFC 5545 §3.8.1.11).
func (s *Service) CancelOccurrence(ctx context.Context, occ Engagement) error {
	occ.Status = StatusCancelled
	return s.SaveOccurrence(ctx, &occ)
}

// DeleteOccurrence takes one occurrence out of its series with an EXDATE
// (RFC 5545 §3.8.5.1) and removes any override of it.
func (s *Service) DeleteOccurrence(ctx context.Context, occ Engagement) error {
	if !occ.IsOccurrence() {
		return fmt.Errorf("engagement %d is not an occurrence of a series: %w", occ.ID, ErrInvalid)
	}
	m, err := s.seriesOf(ctx, occ)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(m.ExDates, occ.RecurrenceID.Equal) {
		m.ExDates = append(slices.Clip(m.ExDates), occ.RecurrenceID)
		if err := s.save(ctx, &m); err != nil {
			return err
		}
	}
	if occ.ID != 0 {
		return s.store.DeleteEngagement(ctx, occ.ID, s.now().UTC())
	}
	return nil
}
