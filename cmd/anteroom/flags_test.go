package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"anteroom/calendar/desk"
)

func testEnv() (*env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &env{stdout: &out, stderr: &errOut}, &out, &errOut
}

func TestDayRangeFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string // in the error; empty for none
	}{
		{[]string{"--from", "2026-11-23", "--to", "2026-11-29"}, ""},
		{[]string{"--from", "2026-11-23", "--to", "2026-11-23"}, ""},
		{[]string{"--to", "2026-11-29"}, "--from"},
		{[]string{"--from", "2026-11-23"}, "--to"},
		{[]string{"--from", "23.11.2026", "--to", "2026-11-29"}, "23.11.2026"},
		{[]string{"--from", "2026-11-23", "--to", "2026-11-22"}, "2026-11-22"},
	} {
		env, _, _ := testEnv()
		fs := newFlagSet(env, "t")
		days := dayRangeFlags(fs)
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		first, last, err := days.read()
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%v: %v", c.args, err)
		case c.want == "" && (first.String() != c.args[1] || last.String() != c.args[3]):
			t.Errorf("%v: read %s to %s", c.args, first, last)
		case c.want != "" && (!errors.Is(err, errUsage) || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%v: error %v; want a usage error naming %s", c.args, err, c.want)
		}
	}
}

func TestOverrideNeedsAReason(t *testing.T) {
	for _, c := range []struct {
		args []string
		ok   bool
	}{
		{nil, true},
		{[]string{"--reason", "why"}, true},
		{[]string{"--force", "--reason", "why"}, true},
		{[]string{"--force"}, false},
	} {
		env, _, _ := testEnv()
		fs := newFlagSet(env, "t")
		ov := overrideFlags(fs)
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		if err := ov.check(); (err == nil) != c.ok || (err != nil && !errors.Is(err, errUsage)) {
			t.Errorf("%v: check() = %v", c.args, err)
		}
	}
}

func TestParseStateFilter(t *testing.T) {
	if st, err := parseStateFilter[desk.VisitState]("", "no"); err != nil || st != "" {
		t.Errorf("empty: %q, %v; want every state", st, err)
	}
	if st, err := parseStateFilter[desk.VisitState]("booked", "no"); err != nil || st != desk.VisitState("booked") {
		t.Errorf("booked: %q, %v", st, err)
	}
	_, err := parseStateFilter[desk.MaterialState]("booked", "is not a materials state")
	if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), `--state "booked"`) || !strings.Contains(err.Error(), "is not a materials state") {
		t.Errorf("booked as materials state: %v", err)
	}
}

func TestEmitPrintsJSONOrText(t *testing.T) {
	env, out, _ := testEnv()
	text := func() { env.stdout.Write([]byte("text\n")) }
	if err := emit(env, true, map[string]int{"n": 1}, text); err != nil || out.String() != "{\n  \"n\": 1\n}\n" {
		t.Errorf("JSON: %q, %v", out, err)
	}
	out.Reset()
	if err := emit(env, false, map[string]int{"n": 1}, text); err != nil || out.String() != "text\n" {
		t.Errorf("text: %q, %v", out, err)
	}
}

func TestJSONListOfNothingIsEmptyNotNull(t *testing.T) {
	var out bytes.Buffer
	if err := writeJSON(&out, jsonList([]int(nil), func(i int) int { return i })); err != nil || out.String() != "[]\n" {
		t.Errorf("got %q, %v", out.String(), err)
	}
}

func TestParseAroundArg(t *testing.T) {
	for _, c := range []struct {
		args      []string
		arg, note string
		err       string
	}{
		{[]string{"E1", "--note", "x"}, "E1", "x", ""},
		{[]string{"--note", "x", "E1"}, "E1", "x", ""},
		{[]string{"--note", "x"}, "", "", "name it"},
		{[]string{"E1", "E2"}, "", "", `"E2"`},
	} {
		env, _, _ := testEnv()
		fs := newFlagSet(env, "t")
		note := fs.String("note", "", "")
		arg, err := parseAroundArg(fs, c.args, "name it")
		if c.err != "" {
			if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%v: error %v; want %s", c.args, err, c.err)
			}
			continue
		}
		if err != nil || arg != c.arg || *note != c.note {
			t.Errorf("%v: %q, note %q, %v", c.args, arg, *note, err)
		}
	}
}
