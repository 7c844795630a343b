package data

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"anteroom/calendar"
)

// The service-path benchmark database: the 100,000 rows of buildBenchDB,
// of which 200 are recurring series of the first leader, saved through the
// service so their span is set.
var checkBench struct {
	once    sync.Once
	dir     string
	path    string
	leaders []int64
	err     error
}

func checkBenchDB(b *testing.B) (*DB, calendar.Leader) {
	b.Helper()
	checkBench.once.Do(func() {
		began := time.Now()
		checkBench.dir, checkBench.err = os.MkdirTemp("", "anteroom-bench-")
		if checkBench.err != nil {
			return
		}
		checkBench.path = filepath.Join(checkBench.dir, "anteroom.db")
		checkBench.leaders, checkBench.err = buildBenchDB(checkBench.path)
		if checkBench.err == nil {
			checkBench.err = addBenchSeries(checkBench.path, checkBench.leaders[0])
		}
		b.Logf("built %d engagements with series in %v", benchRows+200, time.Since(began).Round(time.Millisecond))
	})
	if checkBench.err != nil {
		b.Fatal(checkBench.err)
	}
	db := openAt(b, checkBench.path, migrations)
	leader, err := db.Leader(ctx, checkBench.leaders[0])
	if err != nil {
		b.Fatal(err)
	}
	return db, leader
}

func addBenchSeries(path string, leaderID int64) error {
	db, err := Open(path)
	if err != nil {
		return err
	}
	defer db.Close()
	svc := calendar.NewService(db)
	loc, _ := time.LoadLocation("Asia/Shanghai")
	r := rand.New(rand.NewPCG(7, 200))
	rules := []string{"FREQ=WEEKLY;COUNT=52", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=50", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=20",
		"FREQ=MONTHLY;BYDAY=1MO", "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=24", "FREQ=WEEKLY;COUNT=104", "FREQ=YEARLY", "FREQ=WEEKLY;BYDAY=FR;COUNT=80"}
	first := calendar.Date{Year: 2022, Month: 1, Day: 3}
	for i := range 200 {
		start := first.AddDays(r.IntN(benchYears * 365)).In(loc).Add(time.Duration(8*4+r.IntN(9*4)) * 15 * time.Minute)
		e := calendar.Engagement{LeaderID: leaderID, Kind: calendar.Kinds[r.IntN(3)], Title: fmt.Sprint("Series ", i),
			Start: start, End: start.Add(time.Duration(2+r.IntN(6)) * 15 * time.Minute), ZoneName: loc.String(), RRule: rules[i%len(rules)]}
		if err := svc.Save(ctx, &e); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkServiceCheck100k is Service.Check as the editor calls it: load
// the candidate's weeks from SQLite, expand the series, check.
func BenchmarkServiceCheck100k(b *testing.B) {
	db, leader := checkBenchDB(b)
	svc := calendar.NewService(db)
	loc, _ := leader.Location()
	r := rand.New(rand.NewPCG(1, 1))
	first := calendar.Date{Year: 2022, Month: 1, Day: 3}
	var took []time.Duration
	for b.Loop() {
		start := first.AddDays(r.IntN(benchYears * 365)).In(loc).Add(time.Duration(7*4+r.IntN(12*4)) * 15 * time.Minute)
		c := calendar.Engagement{LeaderID: leader.ID, Kind: calendar.KindVisit, Start: start, End: start.Add(45 * time.Minute)}
		t0 := time.Now()
		if _, err := svc.Check(ctx, leader, c); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(t0))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkServiceFreeSlots100k asks the service for five 45-minute
// meeting slots over four weeks.
func BenchmarkServiceFreeSlots100k(b *testing.B) {
	db, leader := checkBenchDB(b)
	svc := calendar.NewService(db)
	loc, _ := leader.Location()
	r := rand.New(rand.NewPCG(2, 2))
	first := calendar.Date{Year: 2022, Month: 1, Day: 3}
	for b.Loop() {
		from := first.AddDays(r.IntN(benchYears * 365)).In(loc)
		if _, err := svc.FreeSlots(ctx, leader, calendar.KindMeeting, 45*time.Minute, from, from.AddDate(0, 0, 28), 5); err != nil {
			b.Fatal(err)
		}
	}
}
