package data

import (
	"math/rand/v2"
	"testing"
	"time"

	"anteroom/calendar"
)

// BenchmarkCheckMany100k is an import's preview check on SQLite: 2,000
// candidates over the years of the benchmark calendar (one in ten a
// weekly series), checked a quarter at a time against what is stored,
// the engagements the findings name left unmade.
func BenchmarkCheckMany100k(b *testing.B) {
	db, leader := checkBenchDB(b)
	svc := calendar.NewService(db)
	loc, _ := leader.Location()
	svc.SetClock(func() time.Time { return time.Date(2022, 1, 1, 9, 0, 0, 0, loc) })
	r := rand.New(rand.NewPCG(20, 14))
	first := calendar.Date{Year: 2022, Month: 1, Day: 3}
	rows := make([]*calendar.Engagement, 2000)
	moved := make([]bool, len(rows))
	for i := range rows {
		start := first.AddDays(r.IntN(benchYears * 365)).In(loc).Add(time.Duration(8*4+r.IntN(9*4)) * 15 * time.Minute)
		c := &calendar.Engagement{LeaderID: leader.ID, Kind: calendar.Kinds[r.IntN(3)], Title: "会见", ZoneName: loc.String(),
			Start: start, End: start.Add(45 * time.Minute), Status: calendar.StatusConfirmed}
		if i%10 == 0 {
			c.RRule = "FREQ=WEEKLY;COUNT=12"
		}
		rows[i], moved[i] = c, true
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := svc.CheckManyUnnamed(ctx, leader, loc, rows, moved); err != nil {
			b.Fatal(err)
		}
	}
}
