package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
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
// as an error (parseFlags says it in the user's language), and the usage
// goes to the command's standard error. The flag package's own English
// line about a mistake is not printed.
func newFlagSet(env *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, lang.L("Usage of anteroom {{.Command}}:", map[string]any{"Command": name}))
		printDefaults(env.stderr, fs)
	}
	return fs
}

// printDefaults lists fs's flags as flag.PrintDefaults does, but for
// "(default …)", which the flag package writes in English.
func printDefaults(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		var b strings.Builder
		fmt.Fprintf(&b, "  -%s", f.Name)
		kind, usage := flag.UnquoteUsage(f)
		if kind != "" {
			b.WriteString(" " + kind)
		}
		if !zeroDefault(f) {
			value := f.DefValue
			if reflect.TypeOf(f.Value).String() == "*flag.stringValue" {
				value = strconv.Quote(value)
			}
			usage = lang.L("{{.Usage}} (default {{.Value}})", map[string]any{"Usage": usage, "Value": value})
		}
		b.WriteString("\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t"))
		fmt.Fprintln(w, b.String())
	})
}

// zeroDefault reports whether f's default is its type's zero value, which
// the usage leaves unsaid, as flag.PrintDefaults does.
func zeroDefault(f *flag.Flag) bool {
	t := reflect.TypeOf(f.Value)
	var zero reflect.Value
	if t.Kind() == reflect.Pointer {
		zero = reflect.New(t.Elem())
	} else {
		zero = reflect.Zero(t)
	}
	v, ok := zero.Interface().(flag.Value)
	if !ok {
		return f.DefValue == ""
	}
	return f.DefValue == v.String()
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

// parseFlags parses args into fs. The flag package says its mistakes in
// English (an unknown flag, a flag without its value, a value it cannot
// read); they are said again in the user's language, the flag named as
// the help names it. flag.ErrHelp passes as it is.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	return fmt.Errorf("%w: %s", errUsage, flagMistake(err.Error()))
}

// flagMistake says msg, an error of the flag package's Parse, in the
// user's language; a message it does not know is kept as it is.
func flagMistake(msg string) string {
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return lang.L("there is no option --{{.Flag}}; the help lists them (--help)", map[string]any{"Flag": strings.TrimLeft(name, "-")})
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return lang.L("--{{.Flag}} needs a value", map[string]any{"Flag": strings.TrimLeft(name, "-")})
	}
	if arg, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return lang.L("{{.Arg}} is not an option: write --name or --name=value", map[string]any{"Arg": arg})
	}
	// invalid value "V" for flag -NAME: PROBLEM, and for a boolean flag
	// invalid boolean value "V" for -NAME: PROBLEM
	rest, ok := strings.CutPrefix(msg, "invalid value ")
	boolean := false
	if !ok {
		if rest, ok = strings.CutPrefix(msg, "invalid boolean value "); !ok {
			return msg
		}
		boolean = true
	}
	quoted, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return msg
	}
	value, _ := strconv.Unquote(quoted)
	rest = strings.TrimPrefix(strings.TrimPrefix(rest[len(quoted):], " for flag "), " for ")
	name, problem, ok := strings.Cut(rest, ": ")
	if !ok {
		return msg
	}
	switch {
	case boolean:
		problem = lang.L("is neither true nor false")
	case problem == "parse error":
		problem = lang.L("is not a whole number")
	case problem == "value out of range":
		problem = lang.L("is too large")
	}
	return fmt.Sprintf("--%s %q: %s", strings.TrimLeft(name, "-"), value, problem) // as flagError says a value's problem
}
