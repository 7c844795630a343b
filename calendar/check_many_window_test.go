package calendar_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"anteroom/calendar"
)

// seriesCountingStore counts the series reads: one per conflict engine.
type seriesCountingStore struct {
	*memStore
	reads int
}

func (s *seriesCountingStore) SeriesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	s.reads++
	return s.memStore.SeriesBetween(ctx, leaderID, from, to)
}

// A year of candidates is checked a quarter at a time: each engine reads
// and expands every open-ended series however old, so a month at a time
// paid that twelve times. Every candidate still meets the series it
// clashes with.
func TestCheckManyReadsTheCalendarAQuarterAtATime(t *testing.T) {
	store := &seriesCountingStore{memStore: newMemStore()}
	svc := calendar.NewService(store)
	svc.SetClock(func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) })
	ctx := context.Background()
	leader := calendar.Leader{Name: "张书记", ZoneName: "Asia/Shanghai"}
	if err := svc.AddLeader(ctx, &leader); err != nil {
		t.Fatal(err)
	}
	sh := mustZone(t, "Asia/Shanghai")
	// every Monday 09:00 since 1996
	weekly := calendar.Engagement{LeaderID: leader.ID, Title: "周一例会", RRule: "FREQ=WEEKLY", ZoneName: "Asia/Shanghai",
		Start: time.Date(1996, 1, 1, 9, 0, 0, 0, sh), End: time.Date(1996, 1, 1, 10, 0, 0, 0, sh)}
	if err := svc.Save(ctx, &weekly); err != nil {
		t.Fatal(err)
	}
	// a year of candidates, one a day at 09:30, from Monday 4 January 2027
	var rows []*calendar.Engagement
	var moved []bool
	first := time.Date(2027, 1, 4, 9, 30, 0, 0, sh)
	for d := range 364 {
		s := first.AddDate(0, 0, d)
		rows = append(rows, &calendar.Engagement{LeaderID: leader.ID, Title: "会见", Kind: calendar.KindMeeting,
			ZoneName: "Asia/Shanghai", Start: s, End: s.Add(30 * time.Minute)})
		moved = append(moved, true)
	}
	store.reads = 0
	found, err := svc.CheckMany(ctx, leader, sh, rows, moved)
	if err != nil {
		t.Fatal(err)
	}
	if store.reads > 5 {
		t.Errorf("a year of candidates read the series %d times, want a quarter at a time (at most 5)", store.reads)
	}
	for d, fs := range found {
		overlaps := slices.ContainsFunc(fs, func(f calendar.Finding) bool { return f.Rule == calendar.RuleOverlap })
		if monday := d%7 == 0; overlaps != monday {
			t.Errorf("%s: overlap %v, want %v (%v)", rows[d].Start.Format("2006-01-02 Mon"), overlaps, monday, fs)
		}
	}
}
