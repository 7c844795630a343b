package calendar

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Service is the one way the UI and the command line change the calendar:
// it validates, stamps UIDs, sequences and times, then asks the Store.
type Service struct {
	store   Store
	now     func() time.Time
	confirm Confirmer // nil: no other desk shares a book
}

// NewService returns a service over store using the wall clock.
func NewService(store Store) *Service {
	return &Service{store: store, now: time.Now}
}

// SetClock replaces the clock, for tests and reproducible sample data.
func (s *Service) SetClock(now func() time.Time) { s.now = now }

// Now returns the service's current time.
func (s *Service) Now() time.Time { return s.now() }

// Leaders returns every leader in display order.
func (s *Service) Leaders(ctx context.Context) ([]Leader, error) {
	return s.store.Leaders(ctx)
}

// Leader returns one leader.
func (s *Service) Leader(ctx context.Context, id int64) (Leader, error) {
	return s.store.Leader(ctx, id)
}

// LeaderByName finds a leader by exact name.
func (s *Service) LeaderByName(ctx context.Context, name string) (Leader, error) {
	ls, err := s.store.Leaders(ctx)
	if err != nil {
		return Leader{}, err
	}
	for _, l := range ls {
		if l.Name == name {
			return l, nil
		}
	}
	return Leader{}, fmt.Errorf("leader %q: %w", name, ErrNotFound)
}

// AddLeader validates and stores a new leader; an empty zone means the system's.
func (s *Service) AddLeader(ctx context.Context, l *Leader) error {
	if l.Name == "" {
		return &ValidationError{Problems: []Problem{{Field: "name", Code: "validation.name_required", Message: "a name is required"}}}
	}
	if l.ZoneName == "" {
		l.ZoneName = SystemZoneName()
	}
	if _, err := l.Location(); err != nil {
		return &ValidationError{Problems: []Problem{{Field: "zone", Code: "validation.zone_unknown", Message: "unknown time zone", Args: map[string]any{"Value": l.ZoneName}}}}
	}
	now := s.now().UTC()
	l.Created, l.Updated = now, now
	return s.store.CreateLeader(ctx, l)
}

// DefaultLeader returns the first leader in use (the first archived one
// when all are), creating one named name when the calendar has none yet,
// so a first run always has a book to show.
func (s *Service) DefaultLeader(ctx context.Context, name string) (Leader, error) {
	ls, err := s.store.Leaders(ctx)
	if err != nil {
		return Leader{}, err
	}
	for _, l := range ls {
		if l.Active() {
			return l, nil
		}
	}
	if len(ls) > 0 {
		return ls[0], nil
	}
	l := Leader{Name: name}
	if err := s.AddLeader(ctx, &l); err != nil {
		return Leader{}, err
	}
	return l, nil
}

// Engagement returns one engagement.
func (s *Service) Engagement(ctx context.Context, id int64) (Engagement, error) {
	return s.store.Engagement(ctx, id)
}

// Save creates e when it has no ID and updates it otherwise. It fills in
// defaults, validates, anchors all-day dates in the leader's zone, and keeps
// UID, SEQUENCE and the created/updated times right. It does not check
// the booking rules; SaveChecked does.
//
// An occurrence of a series that has no ID yet is stored as an override
// of that one occurrence (SaveOccurrence); a series gets its SeriesEnd.
func (s *Service) Save(ctx context.Context, e *Engagement) error {
	if e.IsOccurrence() {
		return s.SaveOccurrence(ctx, e)
	}
	return s.save(ctx, e)
}

func (s *Service) save(ctx context.Context, e *Engagement) error {
	ApplyDefaults(e)
	e.RRule = NormalizeRRule(e.RRule)
	if err := e.Validate(); err != nil {
		return err
	}
	leader, err := s.store.Leader(ctx, e.LeaderID)
	if errors.Is(err, ErrNotFound) {
		return &ValidationError{Problems: []Problem{{Field: "leader", Code: "validation.leader_missing", Message: "the leader does not exist", Args: map[string]any{"Value": e.LeaderID}}}}
	} else if err != nil {
		return err
	}
	loc, err := leader.Location()
	if err != nil {
		return err
	}
	e.Anchor(loc)
	if err := SetSeriesEnd(e, loc); err != nil {
		return err
	}
	now := s.now().UTC().Truncate(time.Second)
	e.Updated = now
	if e.ID == 0 {
		if err := checkNewBooking(leader, *e); err != nil {
			return err
		}
		if e.UID == "" {
			e.UID = NewUID()
		}
		e.Created = now
		return s.store.CreateEngagement(ctx, e)
	}
	old, err := s.store.Engagement(ctx, e.ID)
	if err != nil {
		return err
	}
	e.UID, e.Created, e.Sequence = old.UID, old.Created, old.Sequence
	if SignificantChange(old, *e) {
		e.Sequence++
	}
	return s.store.UpdateEngagement(ctx, e)
}

// Delete removes an engagement, keeping a tombstone for sync; a series
// goes with the overrides of its occurrences. To take one occurrence out
// of a series use DeleteOccurrence.
func (s *Service) Delete(ctx context.Context, id int64) error {
	at := s.now().UTC()
	return s.writeTx(ctx, func(tx *Service) error {
		e, err := tx.store.Engagement(ctx, id)
		if err != nil {
			return err
		}
		if e.IsSeries() {
			ovs, err := tx.store.SeriesOverrides(ctx, id)
			if err != nil {
				return err
			}
			for _, o := range ovs {
				if err := tx.store.DeleteEngagement(ctx, o.ID, at); err != nil {
					return err
				}
			}
		}
		return tx.store.DeleteEngagement(ctx, id, at)
	})
}

// Between returns the leader's engagements meeting [from, to), ordered by
// start, with each series expanded into its occurrences.
func (s *Service) Between(ctx context.Context, leaderID int64, from, to time.Time) ([]Engagement, error) {
	leader, err := s.store.Leader(ctx, leaderID)
	if err != nil {
		return nil, err
	}
	loc, err := leader.Location()
	if err != nil {
		return nil, err
	}
	return s.Occurrences(ctx, leader.ID, loc, from, to)
}

// Agenda returns the leader's engagements on the days from..to, both
// inclusive, as days in the leader's zone, with each series expanded into
// its occurrences (see Engagement.IsOccurrence).
func (s *Service) Agenda(ctx context.Context, leader Leader, from, to Date) ([]Engagement, error) {
	if to.Before(from) {
		return nil, fmt.Errorf("%w: the end date %s is before the start date %s", ErrInvalid, to, from)
	}
	loc, err := leader.Location()
	if err != nil {
		return nil, err
	}
	return s.Occurrences(ctx, leader.ID, loc, from.In(loc), to.AddDays(1).In(loc))
}

// CountEngagements returns how many live engagements the leader has.
func (s *Service) CountEngagements(ctx context.Context, leaderID int64) (int, error) {
	return s.store.CountEngagements(ctx, leaderID)
}

// ApplyDefaults fills in what an engagement left empty, as Save does: a
// meeting, confirmed, internal, entered by hand.
func ApplyDefaults(e *Engagement) {
	if e.Kind == "" {
		e.Kind = KindMeeting
	}
	if e.Status == "" {
		e.Status = StatusConfirmed
	}
	if e.Classification == "" {
		e.Classification = ClassInternal
	}
	if e.Source == "" {
		e.Source = SourceManual
	}
}

// SignificantChange follows RFC 5546 §2.1.4: SEQUENCE grows when the time,
// place, title or status changes, not for notes or classification.
func SignificantChange(a, b Engagement) bool {
	return !a.Start.Equal(b.Start) || !a.End.Equal(b.End) || a.AllDay != b.AllDay ||
		a.Title != b.Title || a.Location != b.Location || a.Status != b.Status ||
		a.RRule != b.RRule || !slices.EqualFunc(a.RDates, b.RDates, time.Time.Equal) ||
		!slices.EqualFunc(a.ExDates, b.ExDates, time.Time.Equal)
}

// NewUID returns a globally unique identifier for a new engagement.
func NewUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b[:]) + "@anteroom"
}
