package data

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"anteroom/calendar"
)

// The benchmark database: 100,000 engagements of 3 leaders over five years,
// built once per test binary and shared by the benchmarks that compare
// queries on it.
const (
	benchRows    = 100_000
	benchLeaders = 3
	benchYears   = 5
)

var bench struct {
	once    sync.Once
	dir     string
	path    string
	leaders []int64
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range []string{bench.dir, checkBench.dir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

// benchDB opens the shared benchmark database, building it on first use.
func benchDB(b *testing.B) (*DB, []int64) {
	b.Helper()
	bench.once.Do(func() {
		start := time.Now()
		bench.dir, bench.err = os.MkdirTemp("", "anteroom-bench-")
		if bench.err == nil {
			bench.path = filepath.Join(bench.dir, "anteroom.db")
			bench.leaders, bench.err = buildBenchDB(bench.path)
		}
		b.Logf("built %d engagements in %v", benchRows, time.Since(start).Round(time.Millisecond))
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return openAt(b, bench.path, migrations), bench.leaders
}

// buildBenchDB writes the benchmark rows in one transaction through one
// prepared statement. Durations are mixed: mostly 15 minutes to 3 hours,
// some day-long activities, and one in fifty an all-day item of 1 to 14
// days, which sets how far back the overlap query must look.
func buildBenchDB(path string) ([]int64, error) {
	db, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return nil, err
	}
	var leaders []int64
	for i := range benchLeaders {
		l := calendar.Leader{Name: fmt.Sprintf("Leader %d", i+1), ZoneName: loc.String(), Order: i}
		if err := db.CreateLeader(ctx, &l); err != nil {
			return nil, err
		}
		leaders = append(leaders, l.ID)
	}

	tx, err := db.pool.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO engagements (
		uid, leader_id, kind, title, location, notes,
		start_utc, end_utc, zone, all_day, start_day, end_day,
		status, classification, source, sequence, created, updated
	) VALUES (
		:uid, :leader_id, :kind, :title, :location, :notes,
		:start_utc, :end_utc, :zone, :all_day, :start_day, :end_day,
		:status, :classification, :source, :sequence, :created, :updated
	)`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()

	r := rand.New(rand.NewPCG(5, 100_000))
	first := calendar.Date{Year: 2022, Month: 1, Day: 3}
	days := benchYears * 365
	created := time.Date(2021, 12, 1, 0, 0, 0, 0, time.UTC)
	for i := range benchRows {
		day := first.AddDays(r.IntN(days))
		e := calendar.Engagement{
			UID: fmt.Sprintf("bench-%d@anteroom", i), LeaderID: leaders[i%benchLeaders],
			Kind: calendar.Kinds[r.IntN(len(calendar.Kinds))], Title: fmt.Sprintf("Engagement %d", i),
			Location: "第一会议室", ZoneName: loc.String(), Status: calendar.StatusConfirmed,
			Classification: calendar.ClassInternal, Source: calendar.SourceManual,
			Created: created, Updated: created,
		}
		switch n := r.IntN(50); {
		case n == 0:
			e.AllDay, e.StartDay, e.EndDay = true, day, day.AddDays(1+r.IntN(14))
			e.Anchor(loc)
		case n < 3:
			e.Start = day.In(loc).Add(8 * time.Hour)
			e.End = e.Start.Add(10 * time.Hour)
		default:
			e.Start = day.In(loc).Add(time.Duration(7*4+r.IntN(12*4)) * 15 * time.Minute)
			e.End = e.Start.Add(time.Duration(1+r.IntN(12)) * 15 * time.Minute)
		}
		if _, err := stmt.ExecContext(ctx, engagementArgs(&e)...); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return leaders, nil
}

// benchWeeks runs query for one leader's week per iteration, walking
// through every week of the five years so no week is favoured.
func benchWeeks(b *testing.B, query string) {
	db, leaders := benchDB(b)
	loc, _ := time.LoadLocation("Asia/Shanghai")
	monday := calendar.Date{Year: 2022, Month: 1, Day: 3}
	weeks := benchYears * 52
	found, i := 0, 0
	for b.Loop() {
		from := monday.AddDays(7 * (i % weeks))
		es, err := db.between(ctx, query, leaders[i%len(leaders)], from.In(loc), from.AddDays(7).In(loc))
		if err != nil {
			b.Fatal(err)
		}
		found += len(es)
		i++
	}
	b.ReportMetric(float64(found)/float64(i), "rows/op")
}

// BenchmarkWeekAgenda100k is the week view's query: one leader, one week.
func BenchmarkWeekAgenda100k(b *testing.B) { benchWeeks(b, betweenQuery) }

// BenchmarkNaiveOverlap100k is the same week with the plain overlap test,
// which can bound the index range from above only.
func BenchmarkNaiveOverlap100k(b *testing.B) { benchWeeks(b, naiveQuery) }
