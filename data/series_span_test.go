package data

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
)

// The series a window reads are found by span class (migration 0007):
// one whose last occurrence ends before the window is not read at all,
// an open-ended one begun long before still is.
func TestSeriesBetweenReadsOnlySeriesThatReachTheWindow(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	loc := mustLoad(t, leader.ZoneName)
	week := time.Date(2026, 11, 23, 0, 0, 0, 0, loc)
	long := week.AddDate(-10, 0, 0).Add(9 * time.Hour)

	ended := timed(leader.ID, "已结束", long, time.Hour)
	ended.RRule, ended.SeriesEnd = "FREQ=WEEKLY;COUNT=12", long.AddDate(0, 0, 77).Add(time.Hour).UTC()
	ended = create(t, db, ended)
	until := timed(leader.ID, "截至上周", week.AddDate(0, -3, 0).Add(9*time.Hour), time.Hour)
	until.RRule, until.SeriesEnd = "FREQ=WEEKLY;UNTIL=20261116T020000Z", time.Date(2026, 11, 16, 3, 0, 0, 0, time.UTC)
	until = create(t, db, until)
	open := timed(leader.ID, "例会", long, time.Hour)
	open.RRule = "FREQ=WEEKLY"
	open = create(t, db, open)
	decade := timed(leader.ID, "十年", long, time.Hour)
	decade.RRule, decade.SeriesEnd = "FREQ=YEARLY;COUNT=20", long.AddDate(19, 0, 0).Add(time.Hour).UTC()
	decade = create(t, db, decade)

	got, err := db.SeriesBetween(ctx, leader.ID, week, week.AddDate(0, 0, 7))
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{open.ID, decade.ID}; !slices.Equal(engagementIDs(got), want) {
		t.Errorf("series meeting the week: %v, want the open-ended %d and the twenty-year %d", engagementIDs(got), open.ID, decade.ID)
	}
	// What the query reads: per span class a range of first starts
	// bounded on both sides, not every series begun before the window.
	plan := queryPlan(t, db, seriesQuery, named("leader", leader.ID),
		named("from", unixSeconds(week)), named("to", unixSeconds(week.AddDate(0, 0, 7))))
	if !slices.ContainsFunc(plan, func(d string) bool { return strings.HasSuffix(d, "start_utc>? AND start_utc<?)") }) {
		t.Errorf("the series query reads an open range:\n%s", strings.Join(plan, "\n"))
	}
	// The ended ones are still there for the weeks they reach.
	got, err = db.SeriesBetween(ctx, leader.ID, long, long.AddDate(0, 0, 7))
	if err != nil || !slices.Equal(engagementIDs(got), []int64{ended.ID, open.ID, decade.ID}) {
		t.Errorf("series meeting the first week: %v, %v", engagementIDs(got), err)
	}
	got, err = db.SeriesBetween(ctx, leader.ID, until.SeriesEnd.Add(-time.Second), week)
	if err != nil || !slices.Contains(engagementIDs(got), until.ID) {
		t.Errorf("the last second of a series: %v, %v", engagementIDs(got), err)
	}
	got, err = db.SeriesBetween(ctx, leader.ID, until.SeriesEnd, week)
	if err != nil || slices.Contains(engagementIDs(got), until.ID) {
		t.Errorf("a window from the end of a series finds it: %v, %v", engagementIDs(got), err)
	}
}

// spanlessSeriesQuery is the series query before span classes: every
// series begun before the window, filtered by its end.
const spanlessSeriesQuery = `SELECT id FROM engagements
	WHERE leader_id = :leader AND deleted IS NULL AND (rrule <> '' OR rdates <> '')
	  AND start_utc < :to AND coalesce(series_end_utc, ` + maxInt64 + `) > :from
	ORDER BY start_utc, id`

// On a calendar of series of every length, bounded and open, deleted
// and live, of two leaders, every window finds what it found before.
func TestSeriesBetweenFindsWhatTheSpanlessQueryFound(t *testing.T) {
	db := openTemp(t)
	a, b := addLeader(t, db, "A"), addLeader(t, db, "B")
	loc := mustLoad(t, a.ZoneName)
	r := rand.New(rand.NewPCG(14, 7))
	base := time.Date(2016, 1, 4, 9, 0, 0, 0, loc)
	for i := range 600 {
		leader := []int64{a.ID, b.ID}[i%2]
		start := base.Add(time.Duration(r.IntN(11*365*24)) * time.Hour)
		e := timed(leader, fmt.Sprintf("系列%d", i), start, time.Duration(1+r.IntN(48))*30*time.Minute)
		e.RRule = "FREQ=DAILY"
		switch r.IntN(6) {
		case 0: // open-ended
		case 1: // a day or less
			e.SeriesEnd = e.End.Add(time.Duration(r.IntN(24)) * time.Hour).UTC()
		default: // hours to decades, exactly on a class boundary now and then
			span := time.Duration(r.IntN(4000)) * 24 * time.Hour
			if i%25 == 0 {
				span = time.Duration(1<<r.IntN(18)) * 24 * time.Hour
			}
			e.SeriesEnd = e.Start.Add(max(span, e.End.Sub(e.Start))).UTC()
		}
		e = create(t, db, e)
		if i%9 == 0 {
			if _, err := db.pool.Exec(`UPDATE engagements SET deleted = 1 WHERE id = ?`, e.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	for w := range 400 {
		leader := []int64{a.ID, b.ID}[w%2]
		from := base.AddDate(-1, 0, 0).Add(time.Duration(r.IntN(13*365*24)) * time.Hour)
		to := from.Add(time.Duration(1+r.IntN(24*60)) * time.Hour)
		got, err := db.SeriesBetween(ctx, leader, from, to)
		if err != nil {
			t.Fatal(err)
		}
		var want []int64
		rows, err := db.pool.Query(spanlessSeriesQuery, named("leader", leader), named("from", unixSeconds(from)), named("to", unixSeconds(to)))
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			want = append(want, id)
		}
		rows.Close()
		if !slices.Equal(engagementIDs(got), want) {
			t.Fatalf("leader %d, %v – %v: %v, before %v", leader, from, to, engagementIDs(got), want)
		}
	}
}

func engagementIDs(es []calendar.Engagement) []int64 {
	var s []int64
	for _, e := range es {
		s = append(s, e.ID)
	}
	return s
}
