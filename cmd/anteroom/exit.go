package main

import "fmt"

// exitFindings is the exit code of add and check when the booking rules
// have something to say: 0 is free, 1 an error, 3 "look at the findings".
const exitFindings = 3

// exitError ends a command with a code other than 1, after its output.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func exitWith(code int, format string, args ...any) error {
	return &exitError{code: code, msg: fmt.Sprintf(format, args...)}
}
