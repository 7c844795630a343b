package data

import (
	"os"
	"testing"
	"time"

	"anteroom/calendar"
)

// BenchmarkSearch reads the searched years of the calendar that
// ANTEROOM_BENCH_DB names (a copy of a generated one), as a search's first
// keystroke does, and finds in them, as every keystroke after it does.
func BenchmarkSearch(b *testing.B) {
	path := os.Getenv("ANTEROOM_BENCH_DB")
	if path == "" {
		b.Skip("set ANTEROOM_BENCH_DB to a copy of a generated calendar")
	}
	db, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	svc := calendar.NewService(db)
	svc.SetClock(func() time.Time { return time.Date(2026, 12, 6, 2, 0, 0, 0, time.UTC) })
	ls, err := db.Leaders(ctx)
	if err != nil || len(ls) == 0 {
		b.Fatalf("leaders %v: %v", ls, err)
	}
	b.Run("first keystroke", func(b *testing.B) {
		for b.Loop() {
			if _, err := svc.Searchable(ctx, ls[0]); err != nil {
				b.Fatal(err)
			}
		}
	})
	x, err := svc.Searchable(ctx, ls[0])
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"财政", "no such words"} {
		b.Run("next keystroke "+q, func(b *testing.B) {
			for b.Loop() {
				x.Find(q, 100)
			}
		})
	}
}
