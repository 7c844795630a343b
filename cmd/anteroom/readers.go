package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"syscall"

	"fyne.io/fyne/v2/lang"
)

// readers are the commands that only read the calendar: on a database
// that does not exist they say so and create nothing, neither the file
// nor its folder. A group's verb is named after the group.
var readers = []string{
	"agenda", "check", "free", "export",
	"week show", "week print", "week circulate",
	"visit list", "visit show",
	"materials list", "materials show",
	"leader list",
	"account list", "sync conflicts",
}

// onlyReads reports whether the command name with args only reads the
// database. (import --dry-run stores no engagement but may add the first
// leader, as import does, so it is not one.)
func onlyReads(name string, args []string) bool {
	return slices.Contains(readers, name) || len(args) > 0 && slices.Contains(readers, name+" "+args[0])
}

// databaseExists refuses a database file that is not there yet, naming
// where it was looked for.
func databaseExists(path string) error {
	_, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return errors.New(lang.L("there is no database yet at {{.Path}}: add a leader with anteroom leader add --name NAME, or open the window",
			map[string]any{"Path": path}))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
