package data

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// The series query is answered from engagements_series_span alone
// (migration 0014): a series costs its few bytes in the index's leaves,
// not a page of the table wherever the series was written.
func TestSeriesQueryReadsOnlyTheIndex(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	loc := mustLoad(t, leader.ZoneName)
	week := time.Date(2026, 11, 23, 0, 0, 0, 0, loc)
	open := timed(leader.ID, "例会", week.AddDate(-20, 0, 0).Add(9*time.Hour), time.Hour)
	open.RRule, open.Notes, open.Organiser = "FREQ=WEEKLY", "请提前十分钟到场", "办公室"
	open = create(t, db, open)

	// The count that sizes the list reads the same entries.
	for _, query := range []string{seriesQuery, seriesCountQuery} {
		plan := queryPlan(t, db, query, named("leader", leader.ID),
			named("from", unixSeconds(week)), named("to", unixSeconds(week.AddDate(0, 0, 7))))
		if !slices.ContainsFunc(plan, func(d string) bool {
			return strings.HasPrefix(d, "SEARCH e USING COVERING INDEX engagements_series_span ")
		}) {
			t.Errorf("the series query reads the table too:\n%s", strings.Join(plan, "\n"))
		}
		// Nor does it copy whole rows through a sorter: SeriesBetween orders them.
		if slices.ContainsFunc(plan, func(d string) bool { return strings.Contains(d, "TEMP B-TREE") }) {
			t.Errorf("the series query sorts its rows in SQLite:\n%s", strings.Join(plan, "\n"))
		}
	}

	// What comes out of the index is the whole series, as stored.
	got, err := db.SeriesBetween(ctx, leader.ID, week, week.AddDate(0, 0, 7))
	if err != nil || len(got) != 1 {
		t.Fatalf("series meeting the week: %v, %v", got, err)
	}
	want, err := db.Engagement(ctx, open.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Title != want.Title || got[0].Notes != want.Notes || got[0].Organiser != want.Organiser ||
		got[0].RRule != want.RRule || !got[0].Start.Equal(want.Start) || !got[0].End.Equal(want.End) ||
		got[0].ZoneName != want.ZoneName || got[0].UID != want.UID || !got[0].Updated.Equal(want.Updated) {
		t.Errorf("series from the index:\n%+v\nfrom the table:\n%+v", got[0], want)
	}
}

func TestSeriesBetweenMakesItsListAtItsSize(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	loc := mustLoad(t, leader.ZoneName)
	week := time.Date(2026, 11, 23, 0, 0, 0, 0, loc)
	for i := range 37 {
		e := timed(leader.ID, "例会", week.AddDate(0, -i, 0).Add(9*time.Hour), time.Hour)
		e.RRule = "FREQ=WEEKLY"
		create(t, db, e)
	}
	got, err := db.SeriesBetween(ctx, leader.ID, week, week.AddDate(0, 0, 7))
	if err != nil || len(got) != 37 || cap(got) != len(got) {
		t.Fatalf("series meeting the week: %d in room for %d, %v; want 37 in room for 37", len(got), cap(got), err)
	}
}
