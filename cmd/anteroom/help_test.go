package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// everyCommand is each command and each verb of a group, as typed.
func everyCommand() [][]string {
	groups := map[string][]subcommand{"week": weekCommands, "visit": visitCommands, "materials": materialsCommands, "leader": leaderCommands,
		"account": accountCommands, "followup": followupCommands, "minutes": minutesCommands}
	var all [][]string
	for _, c := range commands {
		all = append(all, []string{c.name})
		for _, s := range groups[c.name] {
			all = append(all, []string{c.name, s.name})
		}
	}
	all = append(all, []string{"holidays", "import"}, []string{"sync", "conflicts"}, []string{"sync", "resolve"})
	return all
}

// noDatabase is a database path in a folder that does not exist.
func noDatabase(t *testing.T) (db, dir string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "not-yet")
	return filepath.Join(dir, "anteroom.db"), dir
}

func TestHelpPrintsUsageAndTouchesNothing(t *testing.T) {
	db, dir := noDatabase(t)
	var asks [][]string
	for _, c := range everyCommand() {
		asks = append(asks, append(c[:len(c):len(c)], "--help"), append(c[:len(c):len(c)], "-h"))
	}
	asks = append(asks, []string{"week", "help"}, []string{"visit", "--help"}, []string{"sync", "help"}, []string{"--help"}, []string{"-h"}, []string{"help"})
	for _, args := range asks {
		code, out, errOut := anteroom(t, append([]string{"--db", db}, args...)...)
		if code != 0 || errOut != "" || !strings.Contains(strings.ToLower(out), "usage") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want usage on stdout, exit 0", args, code, out, errOut)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Fatalf("%v created %s", args, dir)
		}
	}
	// A flag's value that reads --help is not a request for help.
	code, _, errOut := anteroom(t, "--db", db, "agenda", "--leader", "--help", "--from", "2026-11-23", "--to", "2026-11-23")
	if code != 1 || !strings.Contains(errOut, db) {
		t.Fatalf("agenda --leader --help: exit %d, %q", code, errOut)
	}
}

func TestReadersNeverCreateADatabase(t *testing.T) {
	db, dir := noDatabase(t)
	cases := [][]string{
		{"agenda", "--from", "2026-11-23", "--to", "2026-11-29"},
		{"check", "--start", "2026-11-23 09:00", "--end", "2026-11-23 10:00"},
		{"free", "--duration", "1h"},
		{"export", "--from", "2026-11-23", "--to", "2026-11-29"},
		{"week", "show"},
		{"week", "print"},
		{"week", "circulate", "--dir", t.TempDir()},
		{"visit", "list"},
		{"visit", "show", "1"},
		{"materials", "list"},
		{"materials", "show", "M1"},
		{"leader", "list", "--json"},
	}
	for _, args := range cases {
		code, out, errOut := anteroom(t, append([]string{"--db", db}, args...)...)
		if code != 1 || out != "" || !strings.Contains(errOut, db) || !strings.Contains(errOut, "no database yet") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 naming %s", args, code, out, errOut, db)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Fatalf("%v created %s", args, dir)
		}
	}
}

// A mistake is reported without the internal "usage" marker, which is
// English in every language.
func TestUsageErrorsCarryNoEnglishMarker(t *testing.T) {
	db, _ := deskDB(t)
	code, _, errOut := anteroom(t, "--db", db, "agenda", "--from", "tomorrow", "--to", "2026-11-23")
	if code != 1 || strings.Contains(errOut, "usage:") || !strings.Contains(errOut, "--from") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
}
