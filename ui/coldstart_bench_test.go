package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/assets"
	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/imports"
	"anteroom/calendar/review"
	"anteroom/data"
)

// BenchmarkColdStart100k opens a database of 100,000 engagements, builds
// the main window and paints its first frame in the software renderer:
// everything the app does before the secretary sees her week. Target ≤ 1 s.
func BenchmarkColdStart100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "anteroom.db")
	built := time.Now()
	fill100k(b, path)
	b.Logf("built 100,000 engagements in %v", time.Since(built).Round(time.Millisecond))
	if err := assets.LoadTranslations(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		a := test.NewTempApp(b)
		db, err := data.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		svc := calendar.NewService(db)
		svc.SetClock(func() time.Time { return monday10 })
		win := test.NewTempWindow(b, nil)
		dk := desk.NewService(svc, db.Desk(), b.TempDir())
		m, err := newMainWindow(a, win, Services{Booking: svc, Desk: dk, Review: review.NewService(svc, dk, db.Review()), Imports: imports.NewService(svc, db)})
		if err != nil {
			b.Fatal(err)
		}
		win.Resize(fyne.NewSize(1280, 800))
		win.Canvas().Capture()
		b.StopTimer()
		if len(m.items) == 0 {
			b.Fatal("the first frame shows an empty week")
		}
		db.Close()
		b.StartTimer()
	}
}

// fill100k stores 100,000 engagements of one leader over about four years
// around the benchmark's "now", ten a working day.
func fill100k(b *testing.B, path string) {
	db, err := data.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	now := monday10.UTC()
	l := calendar.Leader{Name: "张书记", ZoneName: "Asia/Shanghai", Created: now, Updated: now}
	if err := db.CreateLeader(ctx, &l); err != nil {
		b.Fatal(err)
	}
	first := calendar.NewDate(2024, 11, 25)
	for i := range 100_000 {
		day := first.AddDays(i / 10 * 7 / 5) // ten a day, five days a week on average
		start := time.Date(day.Year, day.Month, day.Day, 8+i%10, 0, 0, 0, monday10.Location())
		e := calendar.Engagement{UID: calendar.NewUID(), LeaderID: l.ID, Kind: calendar.Kinds[i%4], Title: fmt.Sprintf("日程 %d", i),
			Start: start, End: start.Add(45 * time.Minute), Status: calendar.StatusConfirmed,
			Classification: calendar.ClassInternal, Source: calendar.SourceManual, Created: now, Updated: now}
		if err := db.CreateEngagement(ctx, &e); err != nil {
			b.Fatal(err)
		}
	}
}
