package calendar

import (
	"testing"
	"time"
)

func TestBounds(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	if UnusuallyLong(now, now.Add(LongestUsualEngagement)) || !UnusuallyLong(now, now.AddDate(100, 0, 0)) {
		t.Error("UnusuallyLong: a month is usual, a century is not")
	}
	if UnusuallyFar(now.AddDate(4, 0, 0), now) || UnusuallyFar(now.AddDate(-4, 0, 0), now) || !UnusuallyFar(now.AddDate(6, 0, 0), now) || !UnusuallyFar(now.AddDate(-6, 0, 0), now) {
		t.Error("UnusuallyFar: four years either way is usual, six is not")
	}
	this := WeekOf(DateOf(now))
	for _, c := range []struct {
		w    Week
		want bool
	}{{this, false}, {this.AddWeeks(53), false}, {this.AddWeeks(-53), false}, {this.AddWeeks(54), true}, {this.AddWeeks(-54), true}, {Week{Year: 1999, Number: 1}, true}} {
		if got := UnusualReviewWeek(c.w, this); got != c.want {
			t.Errorf("UnusualReviewWeek(%s): %v, want %v", c.w, got, c.want)
		}
	}
}
