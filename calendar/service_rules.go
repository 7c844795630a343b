package calendar

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Availability returns the leader's available time and booking rules, the
// defaults until some are saved.
func (s *Service) Availability(ctx context.Context, leaderID int64) (Availability, error) {
	a, err := s.store.Availability(ctx, leaderID)
	if errors.Is(err, ErrNotFound) {
		return DefaultAvailability(leaderID), nil
	}
	return a, err
}

// SaveAvailability validates and stores a leader's available time.
func (s *Service) SaveAvailability(ctx context.Context, a Availability) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if _, err := s.store.Leader(ctx, a.LeaderID); err != nil {
		return err
	}
	return s.store.SaveAvailability(ctx, a)
}

// ImportHolidays adds a holiday calendar's days off and make-up workdays
// to the leader's date overrides, replacing any on the same dates, and
// returns how many days it set. Reading the calendar file is package ics's.
func (s *Service) ImportHolidays(ctx context.Context, leaderID int64, items []HolidayItem) (int, error) {
	ovs, err := HolidayOverrides(items)
	if err != nil {
		return 0, err
	}
	a, err := s.Availability(ctx, leaderID)
	if err != nil {
		return 0, err
	}
	for _, o := range ovs {
		a.SetOverride(o)
	}
	if err := s.SaveAvailability(ctx, a); err != nil {
		return 0, err
	}
	return len(ovs), nil
}

// Engine returns an engine over the leader's calendar on [from, to) and
// the ISO weeks around it, for callers with many questions about one
// stretch of time (an import preview, a week view's shading).
func (s *Service) Engine(ctx context.Context, leader Leader, from, to time.Time) (*Engine, error) {
	loc, err := leader.Location()
	if err != nil {
		return nil, err
	}
	a, err := s.Availability(ctx, leader.ID)
	if err != nil {
		return nil, err
	}
	// Whole ISO weeks for the caps, a day either side for buffers.
	lo := WeekStart(DateOf(from.In(loc))).AddDays(-1).In(loc)
	hi := WeekStart(DateOf(to.In(loc))).AddDays(8).In(loc)
	items, err := s.Occurrences(ctx, leader.ID, loc, lo, hi)
	if err != nil {
		return nil, err
	}
	return NewEngine(leader, a, items, s.now())
}

// seriesHorizon is how far ahead Check looks at a series' occurrences.
const (
	seriesHorizon     = 12 * 7 * 24 * time.Hour
	seriesCheckLimits = 100
)

// Check returns what stops or hinders booking c for leader, most serious
// first; none when it fits. c may be new or an edited engagement,
// occurrence or series; an edit is not checked against itself, and one
// whose start is unchanged is not held to the notice rule. A series is
// checked occurrence by occurrence over the next twelve weeks; each
// finding's At says which.
func (s *Service) Check(ctx context.Context, leader Leader, c Engagement) ([]Finding, error) {
	loc, err := leader.Location()
	if err != nil {
		return nil, err
	}
	if c.AllDay {
		c.Anchor(loc)
	}
	if c.Kind == "" {
		c.Kind = KindMeeting
	}
	if !c.Kind.Valid() {
		return nil, &ValidationError{Problems: []Problem{{Field: "kind", Code: "validation.kind_unknown", Message: "unknown kind", Args: map[string]any{"Value": string(c.Kind)}}}}
	}
	if c.Start.IsZero() || !c.End.After(c.Start) {
		return nil, &ValidationError{Problems: []Problem{{Field: "end", Code: "validation.end_before_start", Message: "the end must be after the start"}}}
	}
	starts := []time.Time{c.Start}
	if c.IsSeries() && !c.IsOccurrence() {
		r, err := newRecurrence(c, loc)
		if err != nil {
			var re *RuleError
			if errors.As(err, &re) {
				return nil, &ValidationError{Problems: []Problem{re.Problem()}}
			}
			return nil, err
		}
		from := Later(c.Start, s.now())
		if starts, err = r.between(from, from.Add(seriesHorizon)); err != nil {
			return nil, err
		}
		starts = starts[:min(len(starts), seriesCheckLimits)]
		if len(starts) == 0 {
			return nil, nil
		}
	}
	var en *Engine
	if len(starts) == 1 {
		en, err = s.checkEngine(ctx, leader, loc, c)
	} else {
		en, err = s.Engine(ctx, leader, starts[0], starts[len(starts)-1].Add(c.End.Sub(c.Start)))
	}
	if err != nil {
		return nil, err
	}
	keepNotice, err := s.startChanged(ctx, c)
	if err != nil {
		return nil, err
	}
	var out []Finding
	dur := c.End.Sub(c.Start)
	for _, st := range starts {
		occ := c
		occ.Start, occ.End = st, st.Add(dur)
		if c.AllDay && !st.Equal(c.Start) {
			occ.StartDay = DateOf(st.In(loc))
			occ.EndDay = occ.StartDay.AddDays(DaysBetween(c.StartDay, c.EndDay))
			occ.Anchor(loc)
		}
		for _, f := range en.Check(occ) {
			if f.Rule == RuleNotice && (!keepNotice || !st.Equal(c.Start)) {
				continue // later occurrences of a series are booked well ahead
			}
			out = append(out, f)
		}
		if f, ok := pastFinding(occ, keepNotice, s.now(), loc); ok {
			out = append(out, f)
		}
	}
	return out, nil
}

// checkEngine builds an engine for checking one booking, c: what lies
// within the buffers around it, and for a visit the visits of its ISO week.
// Loading only that keeps the editor's live check cheap.
func (s *Service) checkEngine(ctx context.Context, leader Leader, loc *time.Location, c Engagement) (*Engine, error) {
	a, err := s.Availability(ctx, leader.ID)
	if err != nil {
		return nil, err
	}
	var pad time.Duration
	for _, k := range Kinds {
		pad = max(pad, a.Buffer(k))
	}
	nearFrom, nearTo := c.Start.Add(-pad-time.Second), c.End.Add(pad+time.Second)
	items, err := s.store.EngagementsBetween(ctx, leader.ID, nearFrom, nearTo)
	if err != nil {
		return nil, err
	}
	items, masters := splitSeries(items)
	from, to := nearFrom, nearTo
	weekFrom, weekTo := from, from
	if c.Kind == KindVisit && (a.WeeklyVisitCap > 0 || a.DailyVisitCap > 0) {
		week := WeekStart(DateOf(c.Start.In(loc)))
		weekFrom, weekTo = week.In(loc), week.AddDays(7).In(loc)
		visits, err := s.store.VisitsBetween(ctx, leader.ID, weekFrom, weekTo)
		if err != nil {
			return nil, err
		}
		for _, v := range visits {
			if v.Kind == KindVisit && !v.Overlaps(nearFrom, nearTo) && !v.IsSeries() {
				items = append(items, v)
			}
		}
		from, to = Earlier(from, weekFrom), Later(to, weekTo)
	}
	// One expansion of the series serves both stretches.
	occ, err := s.seriesOccurrences(ctx, leader.ID, loc, from, to, masters)
	if err != nil {
		return nil, err
	}
	for _, o := range occ {
		near := o.Overlaps(nearFrom, nearTo)
		if near || o.Kind == KindVisit && !o.Start.Before(weekFrom) && o.Start.Before(weekTo) {
			items = append(items, o)
		}
	}
	return NewEngine(leader, a, items, s.now())
}

// startChanged reports whether c is new or starts at another time than
// when it was booked: only then does the notice rule apply.
func (s *Service) startChanged(ctx context.Context, c Engagement) (bool, error) {
	switch {
	case c.ID != 0:
		old, err := s.store.Engagement(ctx, c.ID)
		if errors.Is(err, ErrNotFound) {
			return true, nil
		}
		if err != nil {
			return false, err
		}
		return !old.Start.Equal(c.Start), nil
	case c.IsOccurrence():
		return !c.RecurrenceID.Equal(c.Start), nil
	}
	return true, nil
}

// Free-slot search limits: FreeSlots returns at most MaxSlots slots and
// looks at most MaxSlotHorizon ahead.
const (
	MaxSlots       = 100
	MaxSlotHorizon = 366 * 24 * time.Hour
)

// FreeSlots returns up to n slots of length d in [from, to) in which an
// engagement of kind would raise no finding at all, earliest first.
func (s *Service) FreeSlots(ctx context.Context, leader Leader, kind Kind, d time.Duration, from, to time.Time, n int) ([]Slot, error) {
	var ps []Problem
	if !kind.Valid() {
		ps = append(ps, Problem{Field: "kind", Code: "validation.kind_unknown", Message: "unknown kind", Args: map[string]any{"Value": string(kind)}})
	}
	if d <= 0 || d > 24*time.Hour {
		ps = append(ps, Problem{Field: "duration", Code: "validation.duration_range", Message: "the length must be more than 0 and at most a day", Args: map[string]any{"Value": d.String()}})
	}
	if !to.After(from) || to.Sub(from) > MaxSlotHorizon {
		ps = append(ps, Problem{Field: "to", Code: "validation.horizon_range", Message: "the search must end after it starts, within a year"})
	}
	if n < 1 || n > MaxSlots {
		ps = append(ps, Problem{Field: "limit", Code: "validation.limit_range", Message: "ask for 1 to 100 slots", Args: map[string]any{"Value": n}})
	}
	if len(ps) > 0 {
		return nil, &ValidationError{Problems: ps}
	}
	en, err := s.Engine(ctx, leader, from, to)
	if err != nil {
		return nil, err
	}
	return en.FreeSlots(kind, d, from, to, n), nil
}

// WeekVisits returns how many visits the leader has in the ISO week that
// contains day, and the weekly cap (0: none): a header's "本周会客 4/6".
func (s *Service) WeekVisits(ctx context.Context, leader Leader, day Date) (count, limit int, err error) {
	loc, err := leader.Location()
	if err != nil {
		return 0, 0, err
	}
	week := WeekStart(day)
	en, err := s.Engine(ctx, leader, week.In(loc), week.AddDays(7).In(loc))
	if err != nil {
		return 0, 0, err
	}
	return en.VisitCount(day), en.avail.WeeklyVisitCap, nil
}

// SaveChecked checks e and saves it unless a finding blocks it; then it
// returns a *ConflictError (errors.Is ErrConflict) and saves nothing. It
// returns the findings either way, so warnings can be shown. The check
// and the save are one write transaction (see writeTx).
func (s *Service) SaveChecked(ctx context.Context, e *Engagement) ([]Finding, error) {
	return s.saveGuarded(ctx, e, SaveOptions{})
}

// SaveSeriesChecked is SaveSeries with SaveChecked's check: the whole
// series, as edited through occurrence e, is checked occurrence by
// occurrence. Given a single engagement or a series it is SaveChecked.
func (s *Service) SaveSeriesChecked(ctx context.Context, e *Engagement) ([]Finding, error) {
	return s.saveGuarded(ctx, e, SaveOptions{WholeSeries: true})
}

// SaveWithOverride saves e whatever its findings, and when some block it
// records who overrode them, when and why. A reason and a name are
// required.
func (s *Service) SaveWithOverride(ctx context.Context, e *Engagement, reason, who string) ([]Finding, error) {
	return s.saveGuarded(ctx, e, SaveOptions{Override: true, Reason: reason, Who: who})
}

// SaveSeriesWithOverride is SaveSeries with SaveWithOverride's record.
// Given a single engagement or a series it is SaveWithOverride.
func (s *Service) SaveSeriesWithOverride(ctx context.Context, e *Engagement, reason, who string) ([]Finding, error) {
	return s.saveGuarded(ctx, e, SaveOptions{Override: true, Reason: reason, Who: who, WholeSeries: true})
}

// SaveOptions say how SaveEdit stores an edit.
type SaveOptions struct {
	WholeSeries bool // an edit of an occurrence applies to its whole series (SaveSeriesChecked)
	// Override saves over blocking findings, recording Reason and Who
	// (SaveWithOverride).
	Override    bool
	Reason, Who string
	// AsRead is the engagement the edit began from: when what is stored
	// is no longer it, another window or program changed it since, and the
	// edit is refused with a ChangedElsewhereError (errors.Is
	// ErrChangedElsewhere) instead of writing over that change. nil: no
	// such check.
	AsRead *Engagement
}

// SaveEdit saves e, edited in a form, as opt says: the checked save of
// SaveChecked and its kin, refusing to write over another's change.
func (s *Service) SaveEdit(ctx context.Context, e *Engagement, opt SaveOptions) ([]Finding, error) {
	return s.saveGuarded(ctx, e, opt)
}

// saveGuarded is the one way a checked booking is stored: inside one
// write transaction it makes sure the engagement is still as read (when
// asked), checks what will be stored (for a series edit the whole series
// as edited), then saves e unless a finding blocks it, or with override
// saves it anyway and records who overrode which rules and why, in the
// same transaction. e is changed only when the save commits.
func (s *Service) saveGuarded(ctx context.Context, e *Engagement, opt SaveOptions) ([]Finding, error) {
	reason, who, override, wholeSeries := opt.Reason, opt.Who, opt.Override, opt.WholeSeries
	if override {
		reason, who = strings.TrimSpace(reason), strings.TrimSpace(who)
		var ps []Problem
		if reason == "" {
			ps = append(ps, Problem{Field: "reason", Code: "validation.reason_required", Message: "say why the booking overrides the rules"})
		}
		if who == "" {
			ps = append(ps, Problem{Field: "who", Code: "validation.who_required", Message: "say who overrides the rules"})
		}
		if len(ps) > 0 {
			return nil, &ValidationError{Problems: ps}
		}
	}
	var fs []Finding
	saved := *e
	err := s.writeTx(ctx, func(tx *Service) error {
		if opt.AsRead != nil {
			if err := tx.stillAsRead(ctx, *opt.AsRead); err != nil {
				return err
			}
		}
		save, checked := tx.Save, saved
		if wholeSeries && saved.IsOccurrence() {
			m, _, err := tx.editedSeries(ctx, saved)
			if err != nil {
				return err
			}
			save, checked = tx.SaveSeries, m
		}
		var err error
		if fs, err = tx.checkFor(ctx, checked); err != nil {
			return err
		}
		blocked := Blocking(fs)
		if blocked && !override {
			return &ConflictError{Findings: fs}
		}
		if err := save(ctx, &saved); err != nil {
			return err
		}
		// Stored, not committed: the other desks see the booking, or one of
		// theirs stops it, before this one reports success.
		others, err := tx.confirmed(ctx, saved, override)
		if err != nil {
			return err
		}
		fs = append(fs, others...)
		if Blocking(others) && !override {
			return &ConflictError{Findings: fs}
		}
		if blocked = Blocking(fs); !blocked {
			return nil
		}
		rec := OverrideRecord{LeaderID: saved.LeaderID, EngagementUID: saved.UID, Title: saved.Title, Start: saved.Start,
			At: tx.now().UTC().Truncate(time.Second), Who: who, Reason: reason, Rules: BlockingRules(fs)}
		return tx.LogOverride(ctx, &rec)
	})
	if err != nil {
		return fs, err
	}
	*e = saved
	return fs, nil
}

// LogOverride records a booking saved over blocking findings.
func (s *Service) LogOverride(ctx context.Context, rec *OverrideRecord) error {
	if err := s.store.LogOverride(ctx, rec); err != nil {
		return fmt.Errorf("record the override of %q: %w", rec.Title, err)
	}
	return nil
}

// BlockingRules returns the rules of the blocking findings, each once.
func BlockingRules(fs []Finding) []Rule {
	var rules []Rule
	for _, f := range fs {
		if f.Severity == SeverityBlock && !containsRule(rules, f.Rule) {
			rules = append(rules, f.Rule)
		}
	}
	return rules
}

// OverrideLog returns the leader's overridden bookings, newest first.
func (s *Service) OverrideLog(ctx context.Context, leaderID int64) ([]OverrideRecord, error) {
	return s.store.OverrideLog(ctx, leaderID)
}

// checkFor validates e and checks it for its leader.
func (s *Service) checkFor(ctx context.Context, e Engagement) ([]Finding, error) {
	ApplyDefaults(&e)
	if err := e.Validate(); err != nil {
		return nil, err
	}
	leader, err := s.store.Leader(ctx, e.LeaderID)
	if errors.Is(err, ErrNotFound) {
		return nil, &ValidationError{Problems: []Problem{{Field: "leader", Code: "validation.leader_missing", Message: "the leader does not exist", Args: map[string]any{"Value": e.LeaderID}}}}
	}
	if err != nil {
		return nil, err
	}
	if e.ID == 0 {
		if err := checkNewBooking(leader, e); err != nil {
			return nil, err
		}
	}
	return s.Check(ctx, leader, e)
}

func containsRule(rs []Rule, r Rule) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
