package main

import (
	"errors"
	"os"
	"os/user"
	"strings"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// about is what a command was working on, for describe: the record it
// named (what and id) and the flags that set each field of the domain.
type about struct {
	what   string
	id     any // an int64 or a string ID; zero when none was named
	fields map[string]string
}

// describe is the command line's one translator of errors: a
// calendar.Translatable in the user's language, each problem of a
// validation named by the flag that set its field, a record named by the
// command and not found by its ID; other errors pass through.
func describe(err error, a about) error {
	var t calendar.Translatable
	switch {
	case errors.As(err, &t):
		return errors.New(translate(t, a.fields))
	case errors.Is(err, calendar.ErrNotFound) && a.what != "" && a.id != nil && a.id != int64(0) && a.id != "":
		return errors.New(lang.L("{{.What}} {{.ID}} does not exist", map[string]any{"What": a.what, "ID": a.id}))
	}
	return err
}

// translate renders t in the user's language; arguments that are
// Translatable are rendered too, lists joined by "; ", a field's problem
// named by its flag (fields) or its field.
func translate(t calendar.Translatable, fields map[string]string) string {
	args := make(map[string]any, len(t.Args()))
	for k, v := range t.Args() {
		switch v := v.(type) {
		case calendar.Translatable:
			args[k] = translate(v, fields)
		case []calendar.Translatable:
			parts := make([]string, len(v))
			for i, p := range v {
				parts[i] = translate(p, fields)
			}
			args[k] = strings.Join(parts, "; ")
		default:
			args[k] = v
		}
	}
	text := lang.X(t.Code(), t.Error(), args)
	// A problem is named by the flag that set its field. A field no flag
	// set (a leader named by position, say) is not named: its English
	// name would say nothing the message does not.
	if fp, ok := t.(calendar.FieldProblem); ok {
		if f, ok := fields[fp.Field()]; ok {
			text = "--" + f + ": " + text
		}
	}
	return text
}

// cliUser names who runs the command, for the override log.
func cliUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return "cli"
}
