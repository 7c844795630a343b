package main

import (
	"errors"
	"flag"
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// What the commands' flags share: a flag set that reports to standard
// error, the flags many commands take (--leader, --json, --from/--to,
// --start/--end, --force/--reason, --state), and the ending that prints
// either JSON or text. The help texts are translation keys: each stays
// one literal here.

// newFlagSet is the flag set of the command name: a mistake is returned
// as an error, and usage and errors go to the command's standard error.
func newFlagSet(env *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), lang.L("Usage of anteroom {{.Command}}:", map[string]any{"Command": name}))
		fs.PrintDefaults()
	}
	return fs
}

// leaderFlag declares --leader: one leader by name, the first by default.
func leaderFlag(fs *flag.FlagSet) *string {
	return fs.String("leader", "", lang.L("leader's name (default: the first leader)"))
}

// leadersFlag declares --leader for commands that take several leaders;
// exportLeaders resolves it.
func leadersFlag(fs *flag.FlagSet) *leaderList {
	var names leaderList
	fs.Var(&names, "leader", lang.L("leader's name; repeat or separate with commas; all for every leader (default: the first leader)"))
	return &names
}

// jsonFlag declares --json.
func jsonFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("json", false, lang.L("print JSON"))
}

// dayRange is --from and --to: two days, both included.
type dayRange struct{ from, to *string }

func dayRangeFlags(fs *flag.FlagSet) dayRange {
	return dayRange{
		from: fs.String("from", "", lang.L("first day, YYYY-MM-DD")),
		to:   fs.String("to", "", lang.L("last day, YYYY-MM-DD (included)")),
	}
}

// read parses both days, which are required, --to not before --from.
func (f dayRange) read() (first, last calendar.Date, err error) {
	if first, err = requiredDate("from", *f.from); err != nil {
		return first, last, err
	}
	if last, err = requiredDate("to", *f.to); err != nil {
		return first, last, err
	}
	if last.Before(first) {
		return first, last, flagError("to", *f.to, fmt.Errorf("%s", lang.L("is before --from {{.From}}", map[string]any{"From": *f.from})))
	}
	return first, last, nil
}

// timeRange is --start and --end: two instants in the leader's zone.
type timeRange struct{ start, end *string }

func timeRangeFlags(fs *flag.FlagSet) timeRange {
	return timeRange{
		start: fs.String("start", "", lang.L("start: YYYY-MM-DD HH:MM in the leader's zone, or RFC 3339")),
		end:   fs.String("end", "", lang.L("end: YYYY-MM-DD HH:MM in the leader's zone, or RFC 3339")),
	}
}

// read parses both instants, which are required, in loc.
func (f timeRange) read(loc *time.Location) (start, end time.Time, err error) {
	if start, err = parseWhen("start", *f.start, loc); err != nil {
		return start, end, err
	}
	end, err = parseWhen("end", *f.end, loc)
	return start, end, err
}

// override is --force and --reason: book although a rule blocks it, and
// say why for the override log.
type override struct {
	force  *bool
	reason *string
}

func overrideFlags(fs *flag.FlagSet) override {
	return override{
		force:  fs.Bool("force", false, lang.L("book even when a rule blocks it (needs --reason)")),
		reason: fs.String("reason", "", lang.L("why the booking overrides the rules")),
	}
}

// check refuses --force without a --reason.
func (o override) check() error {
	if *o.force && *o.reason == "" {
		return fmt.Errorf("%w: --force %s", errUsage, lang.L("needs --reason"))
	}
	return nil
}

// parseStateFilter reads a --state filter: empty for every state, else
// one of the states S knows; notAState says what it is not.
func parseStateFilter[S interface {
	~string
	Valid() bool
}](value, notAState string) (S, error) {
	st := S(value)
	if value != "" && !st.Valid() {
		return st, flagError("state", value, errors.New(notAState))
	}
	return st, nil
}

// emit ends a command: v as indented JSON with --json, else what text
// prints.
func emit(env *env, asJSON bool, v any, text func()) error {
	if asJSON {
		return writeJSON(env.stdout, v)
	}
	text()
	return nil
}

// jsonList converts each of xs with f for printing as JSON; none is [],
// not null.
func jsonList[T, J any](xs []T, f func(T) J) []J {
	out := make([]J, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
