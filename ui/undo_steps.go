package ui

import (
	"context"
	"errors"
	"slices"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// The steps Undo takes back for engagements. Each undoes through the
// booking service: a deletion is undone by restoring the same engagement
// (same UID), a change by saving the old version back, checked by the
// rules like any booking.

func titled(key string, e calendar.Engagement) string {
	return lang.L(key, map[string]any{"Title": e.Title})
}

// createdStep undoes the creation of e by deleting it.
func (m *mainWindow) createdStep(e calendar.Engagement) undoStep {
	return undoStep{what: titled("creating “{{.Title}}”", e), revert: func(ctx context.Context, _ *overrideReason) error {
		return m.svc.Delete(ctx, e.ID)
	}}
}

// savedStep undoes a change of one engagement, or of one occurrence, from
// before to saved by saving before back over it, unless another window
// or program has changed it since.
func (m *mainWindow) savedStep(before, saved calendar.Engagement) undoStep {
	what := titled("changing “{{.Title}}”", before)
	if onlyMoved(before, saved) {
		what = titled("moving “{{.Title}}”", before)
	}
	return undoStep{what: what, revert: func(ctx context.Context, o *overrideReason) error {
		back := before
		back.ID = saved.ID // an occurrence moved the first time got its own row
		if back.IsOccurrence() {
			back.RRule = ""
		}
		return m.saveBack(ctx, &back, o, false, &saved)
	}}
}

// seriesStep undoes a change of a whole series, from the series before
// to saved, by editing the whole series back through its first
// occurrence: the occurrences, exceptions and overrides move back alike;
// unless another window or program has changed the series since.
func (m *mainWindow) seriesStep(before, saved calendar.Engagement) undoStep {
	return undoStep{what: titled("changing “{{.Title}}”", before), revert: func(ctx context.Context, o *overrideReason) error {
		back := before
		back.ID, back.SeriesID, back.RecurrenceID = 0, saved.ID, saved.Start
		return m.saveBack(ctx, &back, o, true, &saved)
	}}
}

// deletedStep undoes the deletion of e: of the whole series when scope
// says so, of this occurrence only, or of a single engagement.
func (m *mainWindow) deletedStep(e calendar.Engagement, scope string) undoStep {
	return undoStep{what: titled("deleting “{{.Title}}”", e), revert: func(ctx context.Context, o *overrideReason) error {
		switch {
		case !e.IsOccurrence():
			return m.restore(ctx, e.ID, o)
		case scope == scopeSeries:
			return m.restore(ctx, e.SeriesID, o)
		}
		return m.restoreOccurrence(ctx, e, o)
	}}
}

// saveBack saves e through the checked path, or over the rules with o's
// reason, for one engagement or a whole series; with asRead, only if what
// is stored is still that.
func (m *mainWindow) saveBack(ctx context.Context, e *calendar.Engagement, o *overrideReason, series bool, asRead *calendar.Engagement) error {
	opt := calendar.SaveOptions{WholeSeries: series, AsRead: asRead}
	if o != nil {
		opt.Override, opt.Reason, opt.Who = true, o.reason, o.who
	}
	_, err := m.svc.SaveEdit(ctx, e, opt)
	return err
}

func (m *mainWindow) restore(ctx context.Context, id int64, o *overrideReason) error {
	var err error
	if o == nil {
		_, err = m.svc.RestoreChecked(ctx, id)
	} else {
		_, err = m.svc.RestoreWithOverride(ctx, id, o.reason, o.who)
	}
	return err
}

// restoreOccurrence brings back one deleted occurrence: its override, if
// it had one, and its date in the series' rule (the EXDATE goes).
func (m *mainWindow) restoreOccurrence(ctx context.Context, occ calendar.Engagement, o *overrideReason) error {
	if occ.ID != 0 {
		if err := m.restore(ctx, occ.ID, o); err != nil {
			return err
		}
	} else {
		fs, err := m.svc.Check(ctx, m.leader, occ)
		if err != nil {
			return err
		}
		if calendar.Blocking(fs) {
			if o == nil {
				return &calendar.ConflictError{Findings: fs}
			}
			rec := calendar.OverrideRecord{LeaderID: occ.LeaderID, EngagementUID: occ.UID, Title: occ.Title, Start: occ.Start,
				At: m.svc.Now().UTC(), Who: o.who, Reason: o.reason, Rules: calendar.BlockingRules(fs)}
			if err := m.svc.LogOverride(ctx, &rec); err != nil {
				return err
			}
		}
	}
	master, err := m.svc.Engagement(ctx, occ.SeriesID)
	if err != nil {
		return err
	}
	kept := slices.DeleteFunc(slices.Clone(master.ExDates), occ.RecurrenceID.Equal)
	if len(kept) == len(master.ExDates) {
		return nil
	}
	master.ExDates = kept
	return m.svc.Save(ctx, &master)
}

// onlyMoved reports whether a change touched only the times.
func onlyMoved(a, b calendar.Engagement) bool {
	a.Start, a.End, a.ZoneName, a.RRule = b.Start, b.End, b.ZoneName, b.RRule
	a.ID, a.Sequence, a.Updated, a.UID, a.Source, a.Created = b.ID, b.Sequence, b.Updated, b.UID, b.Source, b.Created
	return a.Title == b.Title && a.Location == b.Location && a.Notes == b.Notes && a.Kind == b.Kind &&
		a.Status == b.Status && a.Classification == b.Classification && a.Organiser == b.Organiser && a.AllDay == b.AllDay
}

// isConflict reports whether err is the booking rules blocking a change.
func isConflict(err error) (*calendar.ConflictError, bool) {
	var ce *calendar.ConflictError
	return ce, errors.As(err, &ce)
}
