package main

import (
	"errors"
	"os"
	"os/user"
	"strings"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// describe turns a validation error into its problems in the user's
// language, each naming its field; other errors pass through.
func describe(err error) error {
	var be *calendar.BusyError
	if errors.As(err, &be) {
		return errors.New(lang.X(be.Code(), be.Error(), be.Args()))
	}
	var ve *calendar.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	msgs := make([]string, len(ve.Problems))
	for i, p := range ve.Problems {
		msgs[i] = p.Field + ": " + lang.X(p.Code, p.Message, p.Args)
	}
	return errors.New(strings.Join(msgs, "; "))
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
