package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/share"
	"anteroom/calendar/share/state"
)

// Sharing is the sync of the books with a CalDAV server, as the window
// uses it; share.Office has it.
type Sharing interface {
	Accounts(ctx context.Context) ([]state.Account, error)
	Books(ctx context.Context) ([]state.Book, error)
	AddAccount(ctx context.Context, url, user, password string, leader calendar.Leader, choice string) (share.Added, error)
	RemoveAccount(ctx context.Context, id int64) (state.Account, error)
	SyncAll(ctx context.Context, progress func(state.Book, share.Progress)) ([]share.BookReport, error)
	Status(ctx context.Context) (share.Status, error)
	Conflicts(ctx context.Context) ([]share.ConflictSides, error)
	Resolve(ctx context.Context, id int64, keep string) error
}

// How often the window syncs by itself, and how long after a local change.
const (
	syncEvery     = 5 * time.Minute
	syncAfterEdit = 5 * time.Second
	// bigSync is how many objects make a sync worth a progress dialog.
	bigSync = 200
)

// syncer runs the syncs of the window: one at a time, off the UI thread,
// and shows how they went in the status line.
type syncer struct {
	m       *mainWindow
	sharing Sharing
	button  *widget.Button
	status  *widget.Label

	running bool
	again   bool // asked for while running: go once more
	cancel  context.CancelFunc
	lastErr error
	st      share.Status
	// auto: timers may start syncs (the running app); tests drive syncs.
	auto     bool
	debounce *time.Timer
	progress *syncProgress // the open progress dialog, for tests
}

func newSyncer(m *mainWindow) *syncer {
	s := &syncer{m: m, status: &widget.Label{SizeName: theme.SizeNameCaptionText, Alignment: fyne.TextAlignTrailing, Truncation: fyne.TextTruncateEllipsis}}
	s.button = &widget.Button{Text: lang.L("Sync"), Icon: theme.Icon(theme.IconNameViewRefresh), Importance: widget.LowImportance, OnTapped: s.start}
	s.button.Hide()
	return s
}

// attach gives the syncer the books' sharing (nil: none) once the window
// is built; the status line is filled by the first localChanged.
func (s *syncer) attach(sharing Sharing) {
	s.sharing = sharing
	if sharing != nil {
		s.button.Show()
	}
}

// startAuto syncs now and every syncEvery, and lets local changes start
// one (debounced).
func (s *syncer) startAuto() (stop func()) {
	if s.sharing == nil {
		return func() {}
	}
	s.auto = true
	s.localChanged()
	s.start()
	tick := time.NewTicker(syncEvery)
	quit := make(chan struct{})
	go func() {
		for {
			select {
			case <-tick.C:
				fyne.Do(s.start)
			case <-quit:
				return
			}
		}
	}()
	return func() { tick.Stop(); close(quit) }
}

// start runs a sync of every linked book unless one is running, in which
// case another follows it.
func (s *syncer) start() {
	if s.sharing == nil {
		return
	}
	if s.running {
		s.again = true
		return
	}
	s.running = true
	s.button.Disable()
	s.status.SetText(lang.L("Syncing…"))
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	var reports []share.BookReport
	var err error
	var st share.Status
	s.m.goAsync(func() {
		reports, err = s.sharing.SyncAll(ctx, func(b state.Book, p share.Progress) {
			if p.Total >= bigSync {
				fyne.Do(func() { s.showProgress(b, p) })
			}
		})
		st, _ = s.sharing.Status(context.Background())
	}, func() {
		cancelled := ctx.Err() != nil
		cancel()
		s.running, s.cancel = false, nil
		s.button.Enable()
		if s.progress != nil {
			s.progress.close()
		}
		changed := false
		s.lastErr = err
		for _, r := range reports {
			rep := r.Report
			if rep.PulledNew+rep.PulledUpdated+rep.PulledDeleted+rep.Conflicts > 0 {
				changed = true
			}
			if r.Err != nil && s.lastErr == nil {
				s.lastErr = r.Err
			}
		}
		if cancelled {
			s.lastErr = errorf(lang.L("sync cancelled; it goes on next time"))
		}
		s.st = st
		if s.m.accounts != nil {
			s.m.accounts.refresh() // its books' last sync
		}
		if changed {
			s.m.reload() // what another desk changed shows in the grid
		}
		s.show()
		if s.again {
			s.again = false
			s.start()
		}
	})
}

// localChanged is called after the window changed or reloaded the book:
// the counts are brought up to date and, when something waits to be sent,
// a sync follows shortly.
func (s *syncer) localChanged() {
	if s.sharing == nil || s.running {
		return
	}
	var st share.Status
	var err error
	s.m.goAsync(func() { st, err = s.sharing.Status(context.Background()) }, func() {
		if err != nil {
			return
		}
		s.st = st
		s.show()
		if !s.auto || st.Books == 0 || st.Pending == 0 {
			return
		}
		if s.debounce != nil {
			s.debounce.Stop()
		}
		s.debounce = time.AfterFunc(syncAfterEdit, func() { fyne.Do(s.start) })
	})
}

// show writes the status line: last sync, changes waiting, conflicts, and
// the last error in words.
func (s *syncer) show() {
	if s.st.Books == 0 {
		s.status.SetText(lang.L("Not shared: File → Accounts… links a leader's book to a CalDAV server"))
		return
	}
	last := lang.L("never")
	if !s.st.LastSync.IsZero() {
		t := s.st.LastSync.In(time.Local)
		last = t.Format("15:04")
		if y, m, d := t.Date(); y != time.Now().Year() || m != time.Now().Month() || d != time.Now().Day() {
			last = t.Format("2006-01-02 15:04")
		}
	}
	text := lang.L("Last sync {{.When}} · {{.Pending}} changes to send · {{.Conflicts}} conflicts",
		map[string]any{"When": last, "Pending": s.st.Pending, "Conflicts": s.st.Conflicts})
	s.status.Importance = widget.MediumImportance
	if s.lastErr != nil {
		text += " · " + syncErrorText(s.lastErr)
		s.status.Importance = widget.DangerImportance
	}
	s.status.SetText(text)
}

// syncErrorText is a sync error in the user's language.
func syncErrorText(err error) string {
	if errors.Is(err, context.Canceled) {
		return lang.L("sync cancelled; it goes on next time")
	}
	return errorText(err)
}

// leaderNamed names the leader with id, or gives the ID.
func (m *mainWindow) leaderNamed(id int64) string {
	for _, l := range m.leaders {
		if l.ID == id {
			return l.Name
		}
	}
	return lang.L("leader {{.ID}}", map[string]any{"ID": id})
}
