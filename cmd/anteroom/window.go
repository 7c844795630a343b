package main

import (
	"io"
	"os"
	"runtime"

	"fyne.io/fyne/v2/app"

	"anteroom/calendar/remind"
	"anteroom/calendar/share"
	"anteroom/data"
	"anteroom/ui"
)

// AppID identifies the app to the desktop and keys its preferences; it
// must equal the ID in FyneApp.toml.
const AppID = "app.anteroom.desktop"

// openWindow opens the database and runs the desktop window until it
// closes, offering to import the given .ics files first. opened is false
// when the database could not be opened.
func openWindow(dbPath string, smoke bool, files []string, log io.Writer) (opened bool, err error) {
	err = withStorage(dbPath, log, func(db *data.DB, s services) error {
		opened = true
		sharing := &share.Office{Store: db.Sync(), Secrets: share.SecretsFor(db.Path()), Now: s.booking.Now}
		var reminders *remind.Service
		if !db.ReadOnly() { // it records what fired
			reminders = remind.NewService(db.Reminders(), s.booking, remind.Engagements(s.booking, db.Reminders()), remind.Materials(s.desk),
				remind.FollowUps(s.booking, s.follow))
		}
		opts := ui.Options{Smoke: smoke, Log: log, Import: files}
		if db.ReadOnly() {
			opts.ReadOnlyDatabase = db.Path()
		}
		if srv := listenForFiles(db.Path()); srv != nil && !smoke {
			defer srv.Close()
			opts.Incoming = srv.Serve
		}
		return ui.Run(app.NewWithID(AppID), ui.Services{Booking: s.booking, Desk: s.desk, Review: s.review, Imports: s.imports, FollowUp: s.follow, Sharing: sharing, Reminders: reminders, OtherWrites: db.OtherWrites}, opts)
	})
	return opened, err
}

// showStartFailure shows why the window could not open its database, in
// a window of its own: started from the desktop, the app has no terminal
// for the message it has printed. Without a display there is nothing to
// show it on; should the toolkit still fail to start, the message has
// been printed, which is all there was before.
func showStartFailure(message string, smoke bool, log io.Writer) {
	if !hasDisplay() {
		return
	}
	defer func() { _ = recover() }()
	_ = ui.RunStartFailure(app.NewWithID(AppID), message, ui.Options{Smoke: smoke, Log: log})
}

// hasDisplay reports whether a window can be shown: on X11 and Wayland
// desktops only when the session names its display.
func hasDisplay() bool {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
	}
	return true
}
