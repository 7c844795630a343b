package main

import (
	"os"
	"testing"
)

// The benchmarks below run the command in process, opening and closing
// the database each time as the shell command does, on the calendar
// ANTEROOM_BENCH_DB names (a copy of a generated one: a newer build
// migrates it). BenchmarkFloor is `leader list`: what every command
// pays before its own work, the floor the issue measures against.
func benchCommand(b *testing.B, args ...string) {
	db := os.Getenv("ANTEROOM_BENCH_DB")
	if db == "" {
		b.Skip("set ANTEROOM_BENCH_DB to a copy of a generated calendar")
	}
	out, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer out.Close()
	for b.Loop() {
		if code := run(append([]string{"--db", db}, args...), out, out); code != 0 && code != 3 {
			b.Fatalf("%v: exit %d", args, code)
		}
	}
}

func BenchmarkFloor(b *testing.B) { benchCommand(b, "leader", "list") }

func BenchmarkAgendaLastWeek(b *testing.B) {
	benchCommand(b, "agenda", "--from", "2026-12-28", "--to", "2027-01-03")
}

func BenchmarkAgendaLastWeekJSON(b *testing.B) {
	benchCommand(b, "agenda", "--json", "--from", "2026-12-28", "--to", "2027-01-03")
}

func BenchmarkCheckLastWeek(b *testing.B) {
	benchCommand(b, "check", "--start", "2026-12-28 10:10", "--end", "2026-12-28 11:10")
}

// BenchmarkExportLast10k is the bench's export row: the last 10k
// generated events, everything about them, into a file.
func BenchmarkExportLast10k(b *testing.B) {
	benchCommand(b, "export", "--privacy", "full", "--from", "2023-07-31", "--to", "2026-12-31", "-o", b.TempDir()+"/export.ics")
}
