package ui

import (
	"context"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

func TestClashesAndOverriddenBookingsAreMarkedOnTheGrid(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	alone := d.book("单独的会", calendar.KindMeeting, monday10.Add(4*time.Hour), time.Hour)
	first := d.book("先订的会", calendar.KindMeeting, monday10, time.Hour)
	second := calendar.Engagement{LeaderID: d.leader.ID, Title: "硬插的会", Kind: calendar.KindMeeting,
		Start: monday10.Add(30 * time.Minute), End: monday10.Add(90 * time.Minute)}
	if _, err := d.svc.SaveWithOverride(ctx, &second, "领导要求", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	d.m.reload()
	stripe := func(title string) (bool, blockMark) {
		t.Helper()
		b := d.blockTitled(title)
		if b == nil {
			t.Fatalf("no block %q", title)
		}
		r := test.WidgetRenderer(b).(*blockRenderer)
		return !r.stripe.Hidden, b.mark
	}
	if shown, mk := stripe(alone.Title); shown || mk.clash || mk.overridden {
		t.Fatalf("a lone meeting is marked: %+v", mk)
	}
	if shown, mk := stripe(first.Title); !shown || !mk.clash || mk.overridden {
		t.Fatalf("the meeting booked first is marked %+v (stripe %v), want a clash only", mk, shown)
	}
	if shown, mk := stripe(second.Title); !shown || !mk.clash || !mk.overridden {
		t.Fatalf("the meeting booked over the rules is marked %+v (stripe %v), want clash and override", mk, shown)
	}
	// Cancelling one ends the clash; the override stays on record.
	d.setStatus(first, calendar.StatusCancelled)
	if _, mk := stripe(second.Title); mk.clash || !mk.overridden {
		t.Fatalf("after cancelling the other, the override is marked %+v", mk)
	}
}

// The month view's bars carry the same stripes as the week's blocks.
func TestClashesAndOverriddenBookingsAreMarkedInTheMonth(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	d.book("单独的会", calendar.KindMeeting, monday10.Add(4*time.Hour), time.Hour)
	first := d.book("先订的会", calendar.KindMeeting, monday10, time.Hour)
	second := calendar.Engagement{LeaderID: d.leader.ID, Title: "硬插的会", Kind: calendar.KindMeeting,
		Start: monday10.Add(30 * time.Minute), End: monday10.Add(90 * time.Minute)}
	if _, err := d.svc.SaveWithOverride(ctx, &second, "领导要求", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	d.m.setView(viewMonth)
	bars := map[string]*block{}
	for _, b := range d.monthCell(calendar.DateOf(monday10)).shown {
		bars[b.item.Title] = b
	}
	if len(bars) != 3 {
		t.Fatalf("the month shows %d bars on Monday, want 3", len(bars))
	}
	stripe := func(title string) (bool, color.Color) {
		r := test.WidgetRenderer(bars[title]).(*blockRenderer)
		return !r.stripe.Hidden, r.stripe.FillColor
	}
	if shown, _ := stripe("单独的会"); shown {
		t.Fatal("a lone meeting is striped in the month")
	}
	if shown, c := stripe("先订的会"); !shown || c != colorClashMark {
		t.Fatalf("the meeting booked first: stripe %v in %v, want the clash's", shown, c)
	}
	if _, mk := stripe("硬插的会"); !bars["硬插的会"].mark.overridden || mk != colorClashMark {
		t.Fatalf("the meeting booked over the rules is marked %+v", bars["硬插的会"].mark)
	}
	// Cancelling the first ends the clash; the override's stripe stays.
	d.setStatus(first, calendar.StatusCancelled)
	for _, b := range d.monthCell(calendar.DateOf(monday10)).shown {
		bars[b.item.Title] = b
	}
	if shown, c := stripe("硬插的会"); !shown || c != colorOverrideMark {
		t.Fatalf("after cancelling the other: stripe %v in %v, want the override's", shown, c)
	}
}
