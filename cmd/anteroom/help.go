package main

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"strings"
)

// asksForHelp reports whether args ask a command for its usage: -h or
// -help among the flags (before --), or help as a group's verb.
func asksForHelp(args []string) bool {
	if len(args) > 0 && args[0] == "help" {
		return true
	}
	for _, a := range args {
		if a == "--" {
			return false
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && (name == "h" || name == "help") {
			return true
		}
	}
	return false
}

// showHelp runs cmd without a database only to print its usage, and
// reports whether it did: the flag parser answers -h with flag.ErrHelp
// before any command looks at the calendar, and a group's help returns
// nil. Anything else (a value that merely reads "--help", which lets the
// command go on to the calendar it was not given) is not help: nothing
// is printed and the command runs as usual.
func showHelp(cmd command, args []string, stdout io.Writer) (helped bool) {
	var buf bytes.Buffer
	defer func() {
		if recover() != nil {
			helped = false
		}
		if helped {
			_, _ = stdout.Write(buf.Bytes())
		}
	}()
	err := cmd.run(&env{stdout: &buf, stderr: &buf}, args)
	return err == nil || errors.Is(err, flag.ErrHelp)
}
