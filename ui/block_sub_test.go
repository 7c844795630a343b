package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

// TestShortBlockLeavesItsTimesUnmeasured: a block too short to show its
// times does not ellipsize them (each rune new to the face costs a
// shaping); grown tall enough, it shows them.
func TestShortBlockLeavesItsTimesUnmeasured(t *testing.T) {
	test.NewTempApp(t)
	b := newBlock()
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(400, 400))
	start := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	b.set(calendar.Engagement{Title: "县委常委会", Start: start, End: start.Add(time.Hour), Kind: calendar.KindMeeting}, "县委常委会", "10:00–11:00  Ж会议室")
	r := test.WidgetRenderer(b).(*blockRenderer)
	face := runeKey{'Ж', r.sub.TextSize, r.sub.TextStyle}
	runeWidths.Delete(face)
	t.Cleanup(func() { runeWidths.Delete(face) })

	b.Resize(fyne.NewSize(120, 20))
	b.Refresh()
	if !r.sub.Hidden || r.sub.Text != "" {
		t.Fatalf("a 20-high block shows its times: hidden %v, %q", r.sub.Hidden, r.sub.Text)
	}
	if _, measured := runeWidths.Load(face); measured {
		t.Fatal("the hidden times of a short block were measured")
	}
	b.Resize(fyne.NewSize(120, 60))
	if r.sub.Hidden || r.sub.Text == "" {
		t.Fatalf("a 60-high block hides its times: hidden %v, %q", r.sub.Hidden, r.sub.Text)
	}
}
