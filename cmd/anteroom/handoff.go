package main

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2/lang"

	"anteroom/cmd/anteroom/internal/handoff"
)

// handOffFiles gives .ics files opened while a window already runs on the
// database to that window, and reports whether it took them; false means
// this start opens the window itself.
func handOffFiles(dbFlag string, files []string, stdout, stderr io.Writer) bool {
	dbPath, err := databasePath(dbFlag)
	if err != nil {
		return false // openWindow says what is wrong
	}
	handed, err := handoff.Send(dbPath, files)
	if err != nil {
		fmt.Fprintln(stderr, "anteroom:", lang.L("the window already open did not answer ({{.Error}}); opening another.", map[string]any{"Error": err}))
		return false
	}
	if handed {
		fmt.Fprintln(stdout, lang.L("Handed {{.Count}} file(s) to the Anteroom window already open on {{.Database}}.", map[string]any{"Count": len(files), "Database": terminalText(dbPath)}))
	}
	return handed
}

// listenForFiles makes this window the one files opened later are handed
// to; nil when another window already listens on the database.
func listenForFiles(dbPath string) *handoff.Server {
	srv, err := handoff.Listen(dbPath)
	if err != nil {
		return nil
	}
	return srv
}
