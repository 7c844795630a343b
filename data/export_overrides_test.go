package data

import (
	"context"
	"reflect"
	"testing"
	"time"

	"anteroom/calendar"
)

// overrideRows counts the override rows an export reads from the store.
type overrideRows struct {
	*DB
	read int
}

func (o *overrideRows) OverridesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	es, err := o.DB.OverridesBetween(ctx, leaderID, from, to)
	o.read += len(es)
	return es, err
}

func (o *overrideRows) OverridesOf(ctx context.Context, seriesIDs []int64) ([]calendar.Engagement, error) {
	es, err := o.DB.OverridesOf(ctx, seriesIDs)
	o.read += len(es)
	return es, err
}

// An export of some weeks reads the overrides of the series it writes,
// not every override stored since the first of them began: an
// open-ended series of years ago made that the whole history's.
func TestExportReadsOnlyTheOverridesOfItsSeries(t *testing.T) {
	db, leader, loc, _, _, _ := spanCalendar(t)
	// a weekly series without end, begun before everything else
	old := timed(leader.ID, "周例会", time.Date(2024, 1, 1, 8, 0, 0, 0, loc), time.Hour)
	old.RRule = "FREQ=WEEKLY"
	if err := calendar.NewService(db).Save(ctx, &old); err != nil {
		t.Fatal(err)
	}
	counted := &overrideRows{DB: db}
	svc := calendar.NewService(counted)
	from, to := calendar.Date{Year: 2025, Month: 9, Day: 1}, calendar.Date{Year: 2025, Month: 9, Day: 28}
	items, err := svc.ExportItems(ctx, []int64{leader.ID}, from, to)
	if err != nil {
		t.Fatal(err)
	}
	overrides := 0
	for _, e := range items {
		if e.SeriesID != 0 {
			overrides++
		}
	}
	all, err := db.OverridesBetween(ctx, leader.ID, time.Time{}, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if counted.read > overrides {
		t.Errorf("the export of %s – %s read %d overrides to write %d (%d stored)", from, to, counted.read, overrides, len(all))
	}
}

// Reading the overrides by series exports what reading them by span did,
// in the same order, over every stretch of a generated calendar.
func TestExportOverridesBySeriesAsBySpan(t *testing.T) {
	db, leader, _, _, _, _ := spanCalendar(t)
	bySeries, bySpan := calendar.NewService(db), calendar.NewService(wholeRowsOnly{db})
	first := calendar.Date{Year: 2024, Month: 8, Day: 19}
	for _, days := range []int{1, 7, 30, 120, 700} {
		for start := 0; start < 640; start += max(days/2, 9) {
			from, to := first.AddDays(start), first.AddDays(start+days-1)
			got, err := bySeries.ExportItems(ctx, []int64{leader.ID}, from, to)
			if err != nil {
				t.Fatal(err)
			}
			want, err := bySpan.ExportItems(ctx, []int64{leader.ID}, from, to)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s – %s: %d items by series, %d by span", from, to, len(got), len(want))
			}
		}
	}
}
