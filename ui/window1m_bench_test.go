package ui

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/assets"
	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/followup"
	"anteroom/calendar/imports"
	"anteroom/calendar/review"
	"anteroom/calendar/share"
	"anteroom/data"
)

// The window on a generated calendar of a long history: the week switch
// and the opening, timed through the code paths the secretary uses.
// Targets (issue 14), 1M stored: a week switch ≤ 50 ms on the latest
// weeks, opening ≤ 0.3 s over the same on an empty calendar.

// benchLastWeek is the latest week of the generated history (it ends on
// Thursday 31 December 2026), and benchNow a working morning in it.
var (
	benchLastWeek = calendar.NewDate(2026, 12, 28)
	benchNow      = time.Date(2026, 12, 30, 10, 17, 0, 0, mustLoad("Asia/Shanghai"))
)

// benchCalendar copies the generated calendar the env var names into a
// temporary folder (opening migrates it) and returns the copy, skipping
// the benchmark when it is not set.
func benchCalendar(b *testing.B, env, size string) string {
	b.Helper()
	src := os.Getenv(env)
	if src == "" {
		b.Skipf("set %s to a generated %s calendar: `BENCH_DIR=/tmp/x scripts/bench-whole %s` leaves it in /tmp/x as cal%s.db (copied here, never written)",
			env, size, size, map[string]string{"1M": "1000000", "100k": "100000"}[size])
	}
	dst := filepath.Join(b.TempDir(), "anteroom.db")
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return dst
}

// benchWindow is the main window on the database at path, with the
// services the desktop app wires (sharing and follow-up included), at
// the test driver's 1280×800 and its first frame painted.
type benchWindow struct {
	m  *mainWindow
	db *data.DB
}

func openBenchWindow(b *testing.B, path string) benchWindow {
	b.Helper()
	a := test.NewTempApp(b)
	db, err := data.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	svc := calendar.NewService(db)
	svc.SetClock(func() time.Time { return benchNow })
	win := test.NewTempWindow(b, nil)
	dk := desk.NewService(svc, db.Desk(), b.TempDir())
	svcs := Services{Booking: svc, Desk: dk, Review: review.NewService(svc, dk, db.Review()), Imports: imports.NewService(svc, db),
		FollowUp: followup.NewService(svc, dk, db.Followup()),
		Sharing:  &share.Office{Store: db.Sync(), Secrets: share.SecretsFor(db.Path()), Now: svc.Now}}
	m, err := newMainWindow(a, win, svcs)
	if err != nil {
		db.Close()
		b.Fatal(err)
	}
	win.Resize(fyne.NewSize(1280, 800))
	win.Canvas().Capture()
	return benchWindow{m: m, db: db}
}

// BenchmarkWeekSwitch1M steps a week back and forth on the latest weeks of
// a 1M calendar the way Page Up/Page Down and the toolbar's arrows do. One
// op is one switch: "switch" reads, lays out and refreshes the window;
// "paint" adds a software paint of the whole window in the test driver.
func BenchmarkWeekSwitch1M(b *testing.B) {
	benchWeekSwitch(b, benchCalendar(b, "ANTEROOM_BENCH_DB", "1M"))
}

// BenchmarkWeekSwitch100k is the same on the 100k calendar.
func BenchmarkWeekSwitch100k(b *testing.B) {
	benchWeekSwitch(b, benchCalendar(b, "ANTEROOM_BENCH_DB100K", "100k"))
}

func benchWeekSwitch(b *testing.B, path string) {
	if err := assets.LoadTranslations(); err != nil {
		b.Fatal(err)
	}
	for _, paint := range []bool{false, true} {
		name := "switch"
		if paint {
			name = "paint"
		}
		b.Run(name, func(b *testing.B) {
			w := openBenchWindow(b, path)
			defer w.db.Close()
			m := w.m
			if m.grid.monday != benchLastWeek {
				b.Fatalf("the window opened on %v, not the latest week %v", m.grid.monday, benchLastWeek)
			}
			if len(m.items) == 0 {
				b.Fatal("the latest week shows nothing: not a generated calendar?")
			}
			b.ResetTimer()
			cpu := cpuTime()
			for i := range b.N {
				if i%2 == 0 {
					m.onKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
				} else {
					m.onKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
				}
				if paint {
					m.win.Canvas().Capture()
				}
			}
			b.StopTimer()
			b.ReportMetric((cpuTime()-cpu).Seconds()*1e3/float64(b.N), "cpu-ms/op")
			if len(m.items) == 0 {
				b.Fatalf("the week of %v shows nothing", m.grid.monday)
			}
		})
	}
}

// BenchmarkOpenWindow1M opens the window on a 1M calendar and, in the same
// loop, on an empty one, and reports both and the difference: what the
// history costs the opening.
func BenchmarkOpenWindow1M(b *testing.B) {
	benchOpenWindow(b, benchCalendar(b, "ANTEROOM_BENCH_DB", "1M"))
}

// BenchmarkOpenWindow100k is the same on the 100k calendar.
func BenchmarkOpenWindow100k(b *testing.B) {
	benchOpenWindow(b, benchCalendar(b, "ANTEROOM_BENCH_DB100K", "100k"))
}

func benchOpenWindow(b *testing.B, full string) {
	if err := assets.LoadTranslations(); err != nil {
		b.Fatal(err)
	}
	empty := filepath.Join(b.TempDir(), "empty.db")
	// Open each once first: the migrations and the first-run leader are
	// not the opening being measured.
	for _, p := range []string{empty, full} {
		w := openBenchWindow(b, p)
		w.db.Close()
	}
	var onFull, onEmpty, cpuFull, cpuEmpty time.Duration
	b.ResetTimer()
	for range b.N {
		for _, p := range []string{empty, full} {
			start, cpu := time.Now(), cpuTime()
			w := openBenchWindow(b, p)
			took, cpuTook := time.Since(start), cpuTime()-cpu
			b.StopTimer()
			if p == full {
				onFull, cpuFull = onFull+took, cpuFull+cpuTook
				if len(w.m.items) == 0 {
					b.Fatal("the full calendar opened on an empty week")
				}
			} else {
				onEmpty, cpuEmpty = onEmpty+took, cpuEmpty+cpuTook
			}
			w.db.Close()
			b.StartTimer()
		}
	}
	n := float64(b.N)
	b.ReportMetric(onFull.Seconds()*1e3/n, "ms-full/op")
	b.ReportMetric(onEmpty.Seconds()*1e3/n, "ms-empty/op")
	b.ReportMetric((onFull-onEmpty).Seconds()*1e3/n, "ms-over-empty/op")
	b.ReportMetric((cpuFull-cpuEmpty).Seconds()*1e3/n, "cpu-ms-over-empty/op")
}
