package datatest_test

import (
	"context"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/data/datatest"
)

func TestFactoriesFillAStore(t *testing.T) {
	ctx := context.Background()
	db := datatest.Open(t)
	l := datatest.Leader(t, db, "Leader", "Asia/Shanghai")
	start := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	e := datatest.Engagement(t, db, calendar.Engagement{
		LeaderID: l.ID, Title: "Standing meeting", Start: start, End: start.Add(time.Hour),
	})
	got, err := db.Engagement(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.UID != e.UID || got.Kind != calendar.KindMeeting || !got.Start.Equal(start) {
		t.Errorf("stored %+v, want the factory's %+v", got, e)
	}
}
