package main

import (
	"errors"
	"io"

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
// closes, offering to import the given .ics files first.
// A database it cannot open is also shown in a window of its own: started
// from the desktop, the app has no terminal to say it in.
func openWindow(dbPath string, smoke bool, files []string, log io.Writer) error {
	opened := false
	err := withStorage(dbPath, log, func(db *data.DB, s services) error {
		opened = true
		sharing := &share.Office{Store: db.Sync(), Secrets: share.SecretsFor(db.Path()), Now: s.booking.Now}
		var reminders *remind.Service
		if !db.ReadOnly() { // it records what fired
			reminders = remind.NewService(db.Reminders(), s.booking, remind.Engagements(s.booking, db.Reminders()), remind.Materials(s.desk),
				remind.FollowUps(s.booking, s.follow))
		}
		opts := ui.Options{Smoke: smoke, Log: log, Import: files}
		if srv := listenForFiles(db.Path()); srv != nil && !smoke {
			defer srv.Close()
			opts.Incoming = srv.Serve
		}
		return ui.Run(app.NewWithID(AppID), ui.Services{Booking: s.booking, Desk: s.desk, Review: s.review, Imports: s.imports, FollowUp: s.follow, Sharing: sharing, Reminders: reminders}, opts)
	})
	if err != nil && !opened {
		shown := ui.RunStartFailure(app.NewWithID(AppID), errorText(describe(err, about{})), ui.Options{Smoke: smoke, Log: log})
		return errors.Join(err, shown)
	}
	return err
}
