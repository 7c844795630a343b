package calendar

import (
	"context"
	"errors"
	"slices"
	"time"
)

// ErrChangedElsewhere: the engagement an edit was made on was changed or
// deleted by someone else (another window, the command line, a sync)
// after it was read; nothing was saved.
var ErrChangedElsewhere = errors.New("changed elsewhere since it was read")

// ChangedElsewhereError names the engagement an edit would have written
// over. It is a Translatable.
type ChangedElsewhereError struct {
	Title   string
	Deleted bool // deleted, not changed
}

func (e *ChangedElsewhereError) Code() string {
	if e.Deleted {
		return "conflict.deleted_elsewhere"
	}
	return "conflict.changed_elsewhere"
}

func (e *ChangedElsewhereError) Args() map[string]any { return map[string]any{"Title": e.Title} }

func (e *ChangedElsewhereError) Error() string {
	if e.Deleted {
		return Fill("“{{.Title}}” was deleted in another window or program after you opened it: nothing was saved", e.Args())
	}
	return Fill("“{{.Title}}” was changed in another window or program after you opened it: nothing was saved; close it and open it again to see that change", e.Args())
}

func (e *ChangedElsewhereError) Unwrap() error { return ErrChangedElsewhere }

// stillAsRead refuses with a ChangedElsewhereError when what is stored is
// no longer asRead: a stored row (a single engagement, a series, an
// override) by everything it holds; an occurrence of a series by its
// series, and by no override having been made of it since.
func (s *Service) stillAsRead(ctx context.Context, asRead Engagement) error {
	id := asRead.ID
	if id == 0 {
		id = asRead.SeriesID
	}
	if id == 0 {
		return nil // new: nothing to have changed
	}
	stored, err := s.store.Engagement(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return &ChangedElsewhereError{Title: asRead.Title, Deleted: true}
	}
	if err != nil {
		return err
	}
	if asRead.ID == 0 {
		// an occurrence carries its series' fields, at its own times and
		// without the series' dates
		if !sameContent(stored, asRead) {
			return &ChangedElsewhereError{Title: asRead.Title}
		}
		ovs, err := s.store.SeriesOverrides(ctx, id)
		if err != nil {
			return err
		}
		for _, o := range ovs {
			if o.RecurrenceID.Equal(asRead.RecurrenceID) {
				return &ChangedElsewhereError{Title: asRead.Title}
			}
		}
		return nil
	}
	if !sameContent(stored, asRead) || !sameTimes(stored, asRead) {
		return &ChangedElsewhereError{Title: asRead.Title}
	}
	return nil
}

// sameTimes compares when two versions of a row fall: start, end, all-day
// dates, and a series' extra and removed dates.
func sameTimes(a, b Engagement) bool {
	return a.Start.Equal(b.Start) && a.End.Equal(b.End) &&
		a.AllDay == b.AllDay && a.StartDay == b.StartDay && a.EndDay == b.EndDay &&
		slices.EqualFunc(a.RDates, b.RDates, time.Time.Equal) && slices.EqualFunc(a.ExDates, b.ExDates, time.Time.Equal)
}

// sameContent compares what two versions of a row hold but their times
// and dates, the time of its last change and its sequence included: an
// edit within the same second as another still shows in what it changed.
func sameContent(a, b Engagement) bool {
	return a.Updated.Equal(b.Updated) && a.Sequence == b.Sequence && a.LeaderID == b.LeaderID &&
		a.Kind == b.Kind && a.Title == b.Title && a.Location == b.Location && a.Notes == b.Notes &&
		a.Organiser == b.Organiser && a.ZoneName == b.ZoneName && a.Status == b.Status &&
		a.Classification == b.Classification && a.RRule == b.RRule
}
