package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"

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
}

// onlyReads reports whether the command name with args only reads the
// database: one of readers, or an import with --dry-run.
func onlyReads(name string, args []string) bool {
	if slices.Contains(readers, name) {
		return true
	}
	if len(args) > 0 && slices.Contains(readers, name+" "+args[0]) {
		return true
	}
	return name == "import" && slices.ContainsFunc(args, func(a string) bool {
		return a == "-dry-run" || a == "--dry-run" || a == "-dry-run=true" || a == "--dry-run=true"
	})
}

// databaseExists refuses a database file that is not there yet, naming
// where it was looked for.
func databaseExists(path string) error {
	_, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New(lang.L("there is no database yet at {{.Path}}: add a leader with anteroom leader add --name NAME, or open the window",
			map[string]any{"Path": path}))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
