package remind

import (
	"context"
	"fmt"
	"sync"
	"time"

	"anteroom/calendar"
)

// Store remembers per-item leads and what fired, so that a reminder is
// sent once even across restarts and by two windows on one book.
type Store interface {
	LeadStore
	// SetLead stores the lead of one engagement; ClearLead returns it to
	// its kind's default.
	SetLead(ctx context.Context, engagementID int64, l Lead) error
	ClearLead(ctx context.Context, engagementID int64) error
	// Claim records the reminders as fired and the check's time, and
	// returns the keys it recorded: those nobody recorded before.
	Claim(ctx context.Context, fired []Fired, checked time.Time) (map[string]bool, error)
	// Fired reports which of the keys fired already.
	Fired(ctx context.Context, keys []string) (map[string]bool, error)
	// LastCheck returns the time of the last check; zero before the first.
	LastCheck(ctx context.Context) (time.Time, error)
	// FiredSince returns what fired at or after since, newest first.
	FiredSince(ctx context.Context, since time.Time) ([]Fired, error)
	// Defaults returns the defaults stored, stored false when none are;
	// SetDefaults stores them, all or none.
	Defaults(ctx context.Context) (set Settings, stored bool, err error)
	SetDefaults(ctx context.Context, set Settings) error
}

// MaxCatchUp is how far back a check looks after a gap: a desk switched
// on after a week away is not told of last week.
const MaxCatchUp = 12 * time.Hour

// Service checks the sources against the clock and remembers what fired.
type Service struct {
	store   Store
	clock   Clock
	sources []Source

	mu       sync.Mutex
	settings Settings
}

// NewService returns a reminder service over store, telling the time by
// clock and asking sources, with the default settings.
func NewService(store Store, clock Clock, sources ...Source) *Service {
	return &Service{store: store, clock: clock, sources: sources, settings: DefaultSettings()}
}

// AddSource plugs in another kind of item.
func (s *Service) AddSource(src Source) { s.sources = append(s.sources, src) }

// Now returns the service's time.
func (s *Service) Now() time.Time { return s.clock.Now() }

// Settings returns the defaults in use.
func (s *Service) Settings() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings
}

// LoadSettings takes up the defaults the store keeps. When it keeps none,
// earlier holds those kept elsewhere before (nil: none): they are stored
// and used, so that a desk keeps its habit across the move.
func (s *Service) LoadSettings(ctx context.Context, earlier func() (Settings, bool)) error {
	set, stored, err := s.store.Defaults(ctx)
	if err != nil {
		return fmt.Errorf("reminders: %w", err)
	}
	if !stored && earlier != nil {
		if old, ok := earlier(); ok {
			return s.SaveSettings(ctx, old)
		}
	}
	s.use(set)
	return nil
}

// SaveSettings stores the defaults and uses them; when they cannot be
// stored, those in use stay.
func (s *Service) SaveSettings(ctx context.Context, set Settings) error {
	if err := s.store.SetDefaults(ctx, set); err != nil {
		return fmt.Errorf("reminders: %w", err)
	}
	s.use(set)
	return nil
}

func (s *Service) use(set Settings) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settings = set
}

// Check finds what is due since the last check and records it as fired.
// The caller sends what it returns: each fresh reminder on its own, or
// one summary when Batch.Summary says so.
func (s *Service) Check(ctx context.Context) (Batch, error) {
	now := s.clock.Now()
	last, err := s.store.LastCheck(ctx)
	if err != nil {
		return Batch{}, fmt.Errorf("reminders: last check: %w", err)
	}
	w := Window{From: last, To: now}
	if last.IsZero() || last.After(now) {
		w.From = now // a first check tells only what is still ahead
	}
	if now.Sub(w.From) > MaxCatchUp {
		w.From = now.Add(-MaxCatchUp)
	}
	set := s.Settings()
	var candidates []Reminder
	for _, src := range s.sources {
		rs, err := src.Reminders(ctx, w, set)
		if err != nil {
			return Batch{}, err
		}
		candidates = append(candidates, rs...)
	}
	keys := make([]string, len(candidates))
	for i, r := range candidates {
		keys[i] = r.Key
	}
	fired, err := s.store.Fired(ctx, keys)
	if err != nil {
		return Batch{}, fmt.Errorf("reminders: fired: %w", err)
	}
	b := Plan(w, candidates, func(k string) bool { return fired[k] })
	claimed, err := s.store.Claim(ctx, b.Fired(), now)
	if err != nil {
		return Batch{}, fmt.Errorf("reminders: record: %w", err)
	}
	// Another window on the same book may have sent some in between.
	return b.Keep(func(k string) bool { return claimed[k] }), nil
}

// History returns what fired at or after since, newest first.
func (s *Service) History(ctx context.Context, since time.Time) ([]Fired, error) {
	return s.store.FiredSince(ctx, since)
}

// Lead returns an engagement's own lead, and false when it follows its
// kind's default.
func (s *Service) Lead(ctx context.Context, engagementID int64) (Lead, bool, error) {
	m, err := s.store.Leads(ctx, []int64{engagementID})
	if err != nil {
		return 0, false, err
	}
	l, ok := m[engagementID]
	return l, ok, nil
}

// SetLead gives an engagement its own lead; Off silences it.
func (s *Service) SetLead(ctx context.Context, engagementID int64, l Lead) error {
	if time.Duration(l) > MaxLead {
		return fmt.Errorf("%w: reminder of engagement %d: %v is longer than %v", calendar.ErrInvalid, engagementID, time.Duration(l), MaxLead)
	}
	return s.store.SetLead(ctx, engagementID, l)
}

// ClearLead makes an engagement follow its kind's default again.
func (s *Service) ClearLead(ctx context.Context, engagementID int64) error {
	return s.store.ClearLead(ctx, engagementID)
}
