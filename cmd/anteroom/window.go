package main

import (
	"io"

	"fyne.io/fyne/v2/app"

	"anteroom/calendar"
	"anteroom/data"
	"anteroom/ui"
)

// AppID identifies the app to the desktop and keys its preferences; it
// must equal the ID in FyneApp.toml.
const AppID = "app.anteroom.desktop"

// openWindow opens the database and runs the desktop window until it
// closes, offering to import the given .ics files first.
func openWindow(dbPath string, smoke bool, files []string, log io.Writer) (err error) {
	db, err := data.Open(dbPath)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}()
	a := app.NewWithID(AppID)
	svc := calendar.NewService(db)
	svc.SetFilesDir(filesDir(db.Path()))
	return ui.Run(a, svc, ui.Options{Smoke: smoke, Log: log, Import: files})
}
