package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSeriesAndOverridesRoundTrip(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	loc := mustLoad(t, leader.ZoneName)
	monday := time.Date(2026, 11, 23, 9, 0, 0, 0, loc)

	series := timed(leader.ID, "例会", monday, time.Hour)
	series.RRule = "FREQ=WEEKLY;BYDAY=MO"
	series.ExDates = []time.Time{monday.AddDate(0, 0, 14).UTC()}
	series.RDates = []time.Time{monday.AddDate(0, 0, 5).UTC()}
	series = create(t, db, series)
	ended := timed(leader.ID, "培训", monday, time.Hour)
	ended.RRule, ended.SeriesEnd = "FREQ=DAILY;COUNT=3", monday.AddDate(0, 0, 2).Add(time.Hour).UTC()
	ended = create(t, db, ended)
	single := create(t, db, timed(leader.ID, "会见", monday.AddDate(0, 0, 7), time.Hour))

	override := timed(leader.ID, "例会（改）", monday.AddDate(0, 0, 7).Add(2*time.Hour), time.Hour)
	override.UID, override.SeriesID, override.RecurrenceID = series.UID, series.ID, monday.AddDate(0, 0, 7).UTC()
	override = create(t, db, override)

	got, err := db.Engagement(ctx, series.ID)
	if err != nil || !sameEngagement(got, series) {
		t.Fatalf("series read back %+v, %v\nwant %+v", got, err, series)
	}
	got, err = db.Engagement(ctx, override.ID)
	if err != nil || !sameEngagement(got, override) || got.UID != series.UID {
		t.Fatalf("override read back %+v, %v\nwant %+v", got, err, override)
	}

	// The overlap query sees singles and overrides, never series.
	week2 := monday.AddDate(0, 0, 7)
	es, _ := db.EngagementsBetween(ctx, leader.ID, week2, week2.AddDate(0, 0, 7))
	if !slices.Equal(titles(es), []string{single.Title, override.Title}) {
		t.Errorf("EngagementsBetween: %q", titles(es))
	}
	// Series are found by their span: an open one for ever, an ended one
	// until its last occurrence.
	for _, c := range []struct {
		from time.Time
		want []string
	}{
		{monday.AddDate(0, 0, 1), []string{"例会", "培训"}},
		{monday.AddDate(0, 0, 3), []string{"例会"}},
		{monday.AddDate(10, 0, 0), []string{"例会"}},
		{monday.AddDate(0, 0, -7), nil},
	} {
		es, err := db.SeriesBetween(ctx, leader.ID, c.from, c.from.AddDate(0, 0, 1))
		if err != nil || !slices.Equal(titles(es), c.want) {
			t.Errorf("SeriesBetween from %v: %q, %v; want %q", c.from, titles(es), err, c.want)
		}
	}
	ovs, err := db.OverridesBetween(ctx, leader.ID, week2, week2.Add(time.Second))
	if err != nil || len(ovs) != 1 || ovs[0].ID != override.ID {
		t.Errorf("OverridesBetween: %v, %v", ids(ovs), err)
	}
	ovs, err = db.SeriesOverrides(ctx, series.ID)
	if err != nil || len(ovs) != 1 {
		t.Errorf("SeriesOverrides: %v, %v", ids(ovs), err)
	}

	// One live override per occurrence.
	dup := override
	dup.ID = 0
	if err := db.CreateEngagement(ctx, &dup); !errors.Is(err, ErrDuplicate) {
		t.Errorf("a second override of one occurrence: %v, want ErrDuplicate", err)
	}
	// Moving the series moves the override's RECURRENCE-ID, and the stored
	// uid follows it.
	override.RecurrenceID = override.RecurrenceID.Add(time.Hour)
	if err := db.UpdateEngagement(ctx, &override); err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := db.pool.QueryRow(`SELECT uid FROM engagements WHERE id = ?`, override.ID).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if want := series.UID + "#20261130T020000Z"; stored != want {
		t.Errorf("stored uid %q, want %q", stored, want)
	}
}

func TestSeriesQueriesUseTheirIndexes(t *testing.T) {
	db := openTemp(t)
	for query, index := range map[string]string{
		seriesQuery:    "engagements_series_span",
		overridesQuery: "engagements_overrides_by_leader",
	} {
		plan := queryPlan(t, db, query, named("leader", 1), named("from", 0), named("to", 1))
		text := strings.Join(plan, "\n")
		if !strings.Contains(text, "USING INDEX "+index) && !strings.Contains(text, "USING COVERING INDEX "+index) || strings.Contains(text, "SCAN engagements") || strings.Contains(text, "SCAN e\n") || strings.HasSuffix(text, "SCAN e") {
			t.Errorf("plan for %s:\n%s", index, text)
		}
	}
}
