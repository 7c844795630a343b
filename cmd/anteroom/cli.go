package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"anteroom/assets"
	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/followup"
	"anteroom/calendar/imports"
	"anteroom/calendar/review"
	"anteroom/data"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0"

// errUsage marks mistakes in how the command was called; run prints the
// message and the usage line and exits 1.
var errUsage = errors.New("usage")

// globals are the flags every command understands.
type globals struct {
	db      string
	smoke   bool
	version bool
}

// command is one sub-command of the CLI.
type command struct {
	name    string
	summary string // translation key
	run     func(env *env, args []string) error
}

// env is what a command works with: the open service and the output streams.
type env struct {
	svc       *calendar.Service // booking
	deskSvc   *desk.Service
	reviewSvc *review.Service
	importSvc *imports.Service
	followSvc *followup.Service
	db        *data.DB // the storage under the services, for what is not the calendar's (sync state)
	stdout    io.Writer
	stderr    io.Writer
}

var commands = []command{
	{"leader", "Leaders and their available time: add, list, edit, hours", runLeader},
	{"demo", "Load the sample week into the current week", runDemo},
	{"agenda", "List engagements between two dates", runAgenda},
	{"add", "Book an engagement, checked against the rules", runAdd},
	{"check", "Check a time against the leader's calendar and rules", runCheck},
	{"free", "List the next free slots", runFree},
	{"holidays", "Import a holiday calendar (.ics) into the leader's days off and make-up workdays", runHolidays},
	{"import", "Import .ics files: invitations, other offices' schedules", runImport},
	{"export", "Export days of the calendar as an .ics file for other offices", runExport},
	{"visit", "Visit requests: add, list, book, decline, withdraw", runVisit},
	{"materials", "Briefing materials: list, receive, present, instruct, archive", runMaterials},
	{"minutes", "Minutes of meetings: edit, submit, sign, issue, print", runMinutes},
	{"followup", "Follow-up of decisions and instructions: add, list, report, feedback, close, print", runFollowup},
	{"week", "The Friday review and next week's plan: show, done, carry, close, print, circulate", runWeek},
	{"account", "CalDAV accounts that share leaders' books: add, list, remove", runAccount},
	{"sync", "Sync linked books with the CalDAV server; conflicts, resolve", runSync},
}

// run parses the global flags, then opens the window or runs a command.
// It returns the process exit code: 0 on success, 1 on any error, 3 when
// add or check found the booking rules broken.
func run(args []string, stdout, stderr io.Writer) int {
	out, errOut := &terminalWriter{w: stdout}, &terminalWriter{w: stderr}
	defer out.flush()
	defer errOut.flush()
	return runSafely(args, out, errOut)
}

// runSafely is run with both streams passed through the terminal
// sanitiser.
func runSafely(args []string, stdout, stderr io.Writer) int {
	if err := assets.LoadTranslations(); err != nil {
		fmt.Fprintln(stderr, "anteroom:", err)
		return 1
	}
	g, rest, err := parseGlobals(args)
	if errors.Is(err, flag.ErrHelp) {
		usage(stdout)
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "anteroom:", terminalText(errorText(err)))
		usage(stderr)
		return 1
	}
	if g.version {
		fmt.Fprintln(stdout, "anteroom", version)
		return 0
	}
	defer startProfile()()
	if len(rest) == 0 || allCalendarFiles(rest) {
		// Files given without a command are opened as a desktop opens
		// them: the window starts and offers to import them, or the window
		// already open on the database does.
		if len(rest) > 0 && !g.smoke && handOffFiles(g.db, rest, stdout, stderr) {
			return 0
		}
		if opened, err := openWindow(g.db, g.smoke, rest, stdout); err != nil {
			msg := errorText(describe(err, about{}))
			fmt.Fprintln(stderr, "anteroom:", terminalText(msg))
			if !opened {
				showStartFailure(msg, g.smoke, stdout)
			}
			return 1
		}
		return 0
	}
	if rest[0] == "help" {
		usage(stdout)
		return 0
	}
	cmd, ok := findCommand(rest[0])
	if !ok {
		fmt.Fprintln(stderr, "anteroom:", lang.L("unknown command {{.Name}}", map[string]any{"Name": terminalText(rest[0])}))
		usage(stderr)
		return 1
	}
	if err := runCommand(cmd, g.db, rest[1:], stdout, stderr); err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			if ee.msg != "" {
				fmt.Fprintf(stderr, "anteroom %s: %s\n", cmd.name, terminalText(ee.msg))
			}
			return ee.code
		}
		fmt.Fprintf(stderr, "anteroom %s: %s\n", cmd.name, terminalText(errorText(describe(err, about{}))))
		return 1
	}
	return 0
}

// runCommand runs cmd on the database at dbPath. Help needs no database;
// a command that only reads needs one that exists.
func runCommand(cmd command, dbPath string, args []string, stdout, stderr io.Writer) error {
	if asksForHelp(args) && showHelp(cmd, args, stdout) {
		return nil
	}
	reads := onlyReads(cmd.name, args)
	if reads {
		if err := databaseExists(dbPath); err != nil {
			return err
		}
	}
	return withStorage(dbPath, stderr, func(db *data.DB, s services) error {
		if reads {
			if err := db.CacheFewPages(context.Background()); err != nil {
				return err
			}
		}
		return readOnlyMessage(cmd.run(&env{svc: s.booking, deskSvc: s.desk, reviewSvc: s.review, importSvc: s.imports, followSvc: s.follow, db: db, stdout: stdout, stderr: stderr}, args), dbPath)
	})
}

// withStorage opens the database and its services for use, closing it after.
func withStorage(dbPath string, notes io.Writer, use func(*data.DB, services) error) (err error) {
	db, svcs, err := openStorage(dbPath, notes)
	if err != nil {
		return err
	}
	db.OnWait(func() {
		fmt.Fprintln(notes, lang.L("Waiting for another Anteroom to finish writing…"))
	}, 0)
	defer func() {
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}()
	return use(db, svcs)
}

func parseGlobals(args []string) (globals, []string, error) {
	var g globals
	fs := flag.NewFlagSet("anteroom", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parseFlags says the mistake, run the usage
	fs.StringVar(&g.db, "db", "", lang.L("database file (default $ANTEROOM_DB, else the user data folder)"))
	fs.BoolVar(&g.smoke, "smoke", false, lang.L("open the window, draw the first frame and quit"))
	fs.BoolVar(&g.version, "version", false, lang.L("print the version"))
	fs.Usage = func() {} // run prints it: to standard output for --help
	if err := parseFlags(fs, args); err != nil {
		return g, nil, err
	}
	path, err := databasePath(g.db)
	if err != nil {
		return g, nil, err
	}
	g.db = path
	return g, fs.Args(), nil
}

// allCalendarFiles reports whether every argument names an .ics file.
func allCalendarFiles(args []string) bool {
	for _, a := range args {
		if !strings.EqualFold(filepath.Ext(a), ".ics") {
			return false
		}
	}
	return len(args) > 0
}

func findCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func usage(w io.Writer) {
	fmt.Fprintln(w, lang.L("Usage: anteroom [--db FILE] [--smoke] [COMMAND [ARGS]]"))
	fmt.Fprintln(w, lang.L("Without a command, the window opens. Commands:"))
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, lang.L(c.summary))
	}
}

// flagError names the flag and the value that was wrong.
func flagError(name, value string, err error) error {
	return fmt.Errorf("%w: --%s %q: %v", errUsage, name, value, err)
}

// errorText is err for people: the "usage" marker is for run to tell
// mistakes apart and is English, so it is not shown.
func errorText(err error) string {
	return strings.TrimPrefix(err.Error(), errUsage.Error()+": ")
}
