package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/review"
)

// What the visit and materials commands share: sub-command dispatch, a
// record ID before or after the flags, repeatable flags, and errors in
// the user's language naming the flag at fault.

// filesDir is where attached files are kept: a files folder next to the
// database.
func filesDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "files") }

// subcommand is one verb of `anteroom visit` or `anteroom materials`.
type subcommand struct {
	name    string
	summary string // translation key
	run     func(env *env, args []string) error
}

// dispatch runs the verb args[0] of group with the remaining arguments.
func dispatch(env *env, group string, subs []subcommand, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		w := env.stdout
		if len(args) == 0 {
			w = env.stderr
		}
		subUsage(w, group, subs)
		if len(args) == 0 {
			return fmt.Errorf("%w: %s", errUsage, lang.L("name what to do"))
		}
		return nil
	}
	for _, s := range subs {
		if s.name == args[0] {
			return s.run(env, args[1:])
		}
	}
	subUsage(env.stderr, group, subs)
	return fmt.Errorf("%w: %s", errUsage, lang.L("unknown command {{.Name}}", map[string]any{"Name": group + " " + terminalText(args[0])}))
}

func subUsage(w io.Writer, group string, subs []subcommand) {
	fmt.Fprintln(w, lang.L("Usage: anteroom {{.Group}} COMMAND [ARGS]", map[string]any{"Group": group}))
	for _, s := range subs {
		fmt.Fprintf(w, "  %-9s %s\n", s.name, lang.L(s.summary))
	}
}

// parseWithID parses flags around one record ID, which may come before
// or after them: `visit book 3 --start …` and `visit book --start … 3`.
func parseWithID(fs *flag.FlagSet, args []string) (int64, error) {
	return parseWithRefID(fs, args, 0)
}

// parseMaterialID is parseWithID for briefing materials, which also take
// the name week show prints for them: M3 as well as 3.
func parseMaterialID(fs *flag.FlagSet, args []string) (int64, error) {
	return parseWithRefID(fs, args, review.RefMaterial)
}

// parseWithRefID is parseWithID that also takes the ID with the letter
// of kind in front, in either case; kind 0 takes digits only.
func parseWithRefID(fs *flag.FlagSet, args []string, kind review.RefKind) (int64, error) {
	idArg, err := parseAroundArg(fs, args, lang.L("name the ID (anteroom visit list, anteroom materials list)"))
	if err != nil {
		return 0, err
	}
	digits := idArg
	if kind != 0 && len(digits) > 1 && strings.EqualFold(digits[:1], string(rune(kind))) {
		digits = digits[1:]
	}
	id, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%w: %q %s", errUsage, idArg, lang.L("is not an ID"))
	}
	return id, nil
}

// parseAroundArg parses flags around one argument, which may come before
// or after them; missing says what to name when there is none.
func parseAroundArg(fs *flag.FlagSet, args []string, missing string) (string, error) {
	var arg string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		arg, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args); err != nil {
		return "", err
	}
	rest := fs.Args()
	if arg == "" && len(rest) > 0 {
		arg, rest = rest[0], rest[1:]
	}
	if len(rest) > 0 {
		return "", fmt.Errorf("%w: %s %q", errUsage, lang.L("unexpected argument"), rest[0])
	}
	if arg == "" {
		return "", fmt.Errorf("%w: %s", errUsage, missing)
	}
	return arg, nil
}

// noArgs parses flags that take no positional argument.
func noArgs(fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: %s %q", errUsage, lang.L("unexpected argument"), fs.Arg(0))
	}
	return nil
}

// listFlag is a flag that may be given several times.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ", ") }

func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// parseDue reads an optional YYYY-MM-DD flag.
func parseDue(name, value string) (calendar.Date, error) {
	if value == "" {
		return calendar.Date{}, nil
	}
	return requiredDate(name, value)
}

// timeJSON is an instant in the leader's zone as RFC 3339; empty when zero.
func timeJSON(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(time.RFC3339)
}

// timeText is an instant in the leader's zone for people.
func timeText(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("2006-01-02 15:04")
}

// fileJSON is an attached file.
type fileJSON struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

func toFilesJSON(atts []desk.Attachment) []fileJSON {
	return jsonList(atts, func(a desk.Attachment) fileJSON { return fileJSON{Name: a.Name, SHA256: a.Hash, Size: a.Size} })
}

// auditJSON is one line of a record's trail.
type auditJSON struct {
	At   string `json:"at"`
	Who  string `json:"who"`
	From string `json:"from"`
	To   string `json:"to"`
	Note string `json:"note,omitempty"`
}

func toAuditJSON(es []desk.AuditEntry, loc *time.Location) []auditJSON {
	return jsonList(es, func(e desk.AuditEntry) auditJSON {
		return auditJSON{At: timeJSON(e.At, loc), Who: e.Who, From: e.From, To: e.To, Note: e.Note}
	})
}

// printAudit writes a trail one line an entry: when, who, from → to, note.
func printAudit(w io.Writer, es []desk.AuditEntry, loc *time.Location, stateName func(string) string) {
	for _, e := range es {
		move := stateName(e.To)
		if e.From != "" && e.From != e.To { // a line that records no move says its state once
			move = stateName(e.From) + " → " + move
		}
		line := fmt.Sprintf("  %s  %s  %s", timeText(e.At, loc), terminalText(e.Who), move)
		if e.Note != "" {
			line += "  " + terminalText(e.Note)
		}
		fmt.Fprintln(w, line)
	}
}
