package ui

import (
	"context"
	"fmt"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"anteroom/assets"
	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/followup"
	"anteroom/calendar/imports"
	"anteroom/calendar/remind"
	"anteroom/calendar/review"
)

// Options changes how Run starts the window.
type Options struct {
	// Smoke quits once the first frame has been drawn: a CI check that the
	// real window opens.
	Smoke bool
	// Log receives the smoke report; nil discards it.
	Log io.Writer
	// User names the secretary in the log of rule overrides.
	User string
	// Import lists .ics files to preview for import once the window is up.
	Import []string
	// Incoming, when set, is given the window's opener of .ics files that
	// a second start hands over (see OpenHandedFiles).
	Incoming func(open func(files []string))
	// ReadOnlyDatabase, when set, is the path of a database opened
	// read-only: the window says so under its toolbar.
	ReadOnlyDatabase string
}

// Services are the calendar's services the window works with.
type Services struct {
	Booking *calendar.Service
	Desk    *desk.Service
	Review  *review.Service
	Imports *imports.Service
	// FollowUp is minutes and follow-up; nil hides them.
	FollowUp *followup.Service
	// Reminders sends desktop notifications before engagements; nil sends none.
	Reminders *remind.Service
	// Sharing syncs the books with a CalDAV server; nil hides sync.
	Sharing Sharing
	// OtherWrites reads a number that moves when another program has
	// changed the database (see data.DB.OtherWrites): the window then
	// shows the change. nil: the window shows only its own.
	OtherWrites func(context.Context) (int64, error)
}

// Run builds the main window on a, shows it and blocks until the app quits.
func Run(a fyne.App, svcs Services, opts Options) error {
	if err := assets.LoadTranslations(); err != nil {
		return err
	}
	a.SetIcon(assets.Icon)
	a.Settings().SetTheme(newReadableTheme())
	w := a.NewWindow(lang.L("Anteroom — the leader's schedule"))
	m, err := newMainWindow(a, w, svcs)
	if err != nil {
		return err
	}
	if opts.User != "" {
		m.user = opts.User
	}
	if opts.Incoming != nil {
		opts.Incoming(m.openHandedFiles)
	}
	if opts.ReadOnlyDatabase != "" {
		m.sayReadOnly(opts.ReadOnlyDatabase)
	}
	w.Resize(rememberedWindowSize(a.Preferences()))
	stopSync := func() {}
	w.SetMaster()
	firstFrame := func() {}
	if opts.Smoke {
		firstFrame = watchSmoke(opts.Log, smokeDeadline, os.Exit)
	}
	a.Lifecycle().SetOnStarted(func() {
		// The scroll offset holds only once the window has its real size.
		m.grid.scrollToWorkday()
		if !opts.Smoke {
			stopSync = m.sync.startAuto()
			if svcs.OtherWrites != nil {
				stopWatch := watchOtherWrites(svcs.OtherWrites, otherWritesEvery, func() { fyne.Do(m.othersChanged) })
				stopAll := stopSync
				stopSync = func() { stopWatch(); stopAll() }
			}
		}
		if len(opts.Import) > 0 {
			m.importFiles(opts.Import...)
		}
		if !opts.Smoke {
			return
		}
		// Capture forces a full paint: the first frame exists once it returns.
		img := w.Canvas().Capture()
		firstFrame()
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "smoke: first frame %dx%d\n", img.Bounds().Dx(), img.Bounds().Dy())
		}
		a.Quit()
	})
	defer startReviewReminder(a, svcs.Review, svcs.Booking.Now)()
	if svcs.Reminders != nil && !opts.Smoke {
		loadReminderDefaults(svcs.Reminders, a.Preferences())
		defer startReminders(a, svcs.Reminders, m.refreshReminders)()
	}
	defer func() { stopSync() }()
	w.ShowAndRun()
	// Quitting from the menu skips the window's OnClosed, and the stop
	// hook may run after the process has gone: remember the size here.
	m.rememberWindowSize()
	return nil
}
