// Command anteroom is the leader's calendar: without arguments it opens the
// desktop window; with a command it works on the same database from the
// shell (anteroom help lists them).
package main

import (
	"os"
	_ "time/tzdata" // zones on machines without a zone database, e.g. Windows

	_ "anteroom/cmd/anteroom/internal/clocale" // C.UTF-8 reads as English, before Fyne looks
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
