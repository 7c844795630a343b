package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

// busyWeek returns n engagements spread over the week of monday, many of
// them overlapping, with long Chinese titles that must be ellipsized.
func busyWeek(monday calendar.Date, loc *time.Location, n int) []calendar.Engagement {
	items := make([]calendar.Engagement, n)
	for i := range items {
		day := monday.AddDays(i % 7)
		start := time.Date(day.Year, day.Month, day.Day, 7+(i/7)%12, (i%4)*15, 0, 0, loc)
		items[i] = calendar.Engagement{ID: int64(i + 1), LeaderID: 1, Kind: calendar.Kinds[i%len(calendar.Kinds)],
			Title: fmt.Sprintf("第%d项 关于城南工业园区新能源项目推进情况的专题汇报会", i), Location: "第一会议室",
			Start: start, End: start.Add(time.Duration(30+i%4*30) * time.Minute), Status: calendar.StatusConfirmed}
	}
	return items
}

// BenchmarkWeekGridRefresh300 redraws a week of 300 engagements in the test
// renderer, as navigating or saving does. Target: ≤ 16 ms, one frame.
func BenchmarkWeekGridRefresh300(b *testing.B) {
	test.NewTempApp(b)
	loc := mustLoad("Asia/Shanghai")
	g := newWeekGrid(loc, func() time.Time { return monday10 })
	w := test.NewTempWindow(b, g)
	w.Resize(fyne.NewSize(1280, 800))
	monday := calendar.NewDate(2026, 11, 23)
	weeks := [2][]calendar.Engagement{busyWeek(monday, loc, 300), busyWeek(monday, loc, 300)}
	weeks[1] = weeks[1][:299] // alternate so every refresh has a change to draw
	b.ResetTimer()
	for i := range b.N {
		g.show(monday, loc, weeks[i%2])
	}
	b.StopTimer()
	if n := len(test.WidgetRenderer(g.body).(*timeGridRenderer).placed); n < 299 {
		b.Fatalf("only %d blocks placed", n)
	}
}

// BenchmarkWeekGridPaint300 adds a full software paint of the window to the
// refresh: the pixels, not only the layout.
func BenchmarkWeekGridPaint300(b *testing.B) {
	test.NewTempApp(b)
	loc := mustLoad("Asia/Shanghai")
	g := newWeekGrid(loc, func() time.Time { return monday10 })
	w := test.NewTempWindow(b, g)
	w.Resize(fyne.NewSize(1280, 800))
	monday := calendar.NewDate(2026, 11, 23)
	items := busyWeek(monday, loc, 300)
	b.ResetTimer()
	for range b.N {
		g.show(monday, loc, items)
		w.Canvas().Capture()
	}
}
