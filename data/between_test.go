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

func TestEngagementsBetweenHalfOpen(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	other := addLeader(t, db, "Other")
	loc := mustLoad(t, leader.ZoneName)
	day := time.Date(2026, 3, 4, 0, 0, 0, 0, loc)
	at := func(h int) time.Time { return day.Add(time.Duration(h) * time.Hour) }
	from, to := at(10), at(12)

	add := func(e calendar.Engagement) { create(t, db, e) }
	add(timed(leader.ID, "ends as the window opens", at(9), time.Hour))
	add(timed(leader.ID, "starts as the window closes", at(12), time.Hour))
	add(timed(leader.ID, "earlier in the day", at(7), time.Hour))
	add(timed(leader.ID, "runs into the window", at(9), 2*time.Hour))
	add(timed(leader.ID, "inside", at(10), 30*time.Minute))
	add(timed(leader.ID, "runs out of the window", at(11), 3*time.Hour))
	add(timed(leader.ID, "covers the window", at(8), 6*time.Hour))
	add(timed(leader.ID, "began two days ago", at(-48), 59*time.Hour))
	add(allDay(leader.ID, "week-long trip from Monday", calendar.Date{Year: 2026, Month: 3, Day: 2}, calendar.Date{Year: 2026, Month: 3, Day: 7}, loc))
	add(allDay(leader.ID, "all day the day before", calendar.Date{Year: 2026, Month: 3, Day: 3}, calendar.Date{Year: 2026, Month: 3, Day: 4}, loc))
	add(timed(other.ID, "another leader's", at(10), time.Hour))
	cancelled := timed(leader.ID, "cancelled, still shown", at(11), time.Hour)
	cancelled.Status = calendar.StatusCancelled
	add(cancelled)
	gone := create(t, db, timed(leader.ID, "deleted", at(10), time.Hour))
	if err := db.DeleteEngagement(ctx, gone.ID, at(0)); err != nil {
		t.Fatal(err)
	}

	es, err := db.EngagementsBetween(ctx, leader.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"began two days ago", "week-long trip from Monday", "covers the window", "runs into the window",
		"inside", "cancelled, still shown", "runs out of the window",
	}
	if got := titles(es); !slices.Equal(got, want) {
		t.Errorf("EngagementsBetween:\n got %q\nwant %q", got, want)
	}
}

// TestOverlapMatchesNaiveQuery checks the index-bounded query against the
// plain overlap test over random engagements, edits and deletions, so the
// longest-engagement bound is right however it was reached.
func TestOverlapMatchesNaiveQuery(t *testing.T) {
	db := openTemp(t)
	r := rand.New(rand.NewPCG(1, 2))
	leaders := []calendar.Leader{addLeader(t, db, "A"), addLeader(t, db, "B")}
	loc := mustLoad(t, leaders[0].ZoneName)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
	randomEngagement := func() calendar.Engagement {
		leader := leaders[r.IntN(len(leaders))].ID
		if r.IntN(10) == 0 {
			first := calendar.DateOf(base).AddDays(r.IntN(60))
			return allDay(leader, "all-day", first, first.AddDays(1+r.IntN(20)), loc)
		}
		start := base.Add(time.Duration(r.IntN(60*24*4)) * 15 * time.Minute)
		return timed(leader, "timed", start, time.Duration(1+r.IntN(r.IntN(200)+1))*15*time.Minute)
	}

	var live []calendar.Engagement
	for step := range 600 {
		switch op := r.IntN(10); {
		case op < 6 || len(live) == 0:
			live = append(live, create(t, db, randomEngagement()))
		case op < 9:
			i := r.IntN(len(live))
			e := randomEngagement()
			e.ID, e.UID = live[i].ID, live[i].UID
			if err := db.UpdateEngagement(ctx, &e); err != nil {
				t.Fatal(err)
			}
			live[i] = e
		default:
			i := r.IntN(len(live))
			if err := db.DeleteEngagement(ctx, live[i].ID, base); err != nil {
				t.Fatal(err)
			}
			live = slices.Delete(live, i, i+1)
		}
		if step%20 != 0 {
			continue
		}
		assertSpansExact(t, db)
		for range 10 {
			leader := leaders[r.IntN(len(leaders))].ID
			from := base.Add(time.Duration(r.IntN(80*24)) * time.Hour)
			to := from.Add(time.Duration(1+r.IntN(24*8)) * time.Hour)
			got, err := db.EngagementsBetween(ctx, leader, from, to)
			if err != nil {
				t.Fatal(err)
			}
			want, err := db.between(ctx, naiveQuery, leader, from, to)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), ids(want)) {
				t.Fatalf("step %d, leader %d, [%v, %v):\n got %v\nwant %v", step, leader, from, to, ids(got), ids(want))
			}
		}
	}
}

// assertSpansExact checks that the stored longest duration of each leader
// is exactly that of its longest live engagement.
func assertSpansExact(t *testing.T, db *DB) {
	t.Helper()
	rows, err := db.pool.Query(`SELECT l.id, coalesce(s.max_seconds, 0),
		coalesce((SELECT max(end_utc - start_utc) FROM engagements e WHERE e.leader_id = l.id AND deleted IS NULL), 0)
		FROM leaders l LEFT JOIN engagement_spans s ON s.leader_id = l.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, stored, actual int64
		if err := rows.Scan(&id, &stored, &actual); err != nil {
			t.Fatal(err)
		}
		if stored != actual {
			t.Errorf("leader %d: stored longest %ds, actual %ds", id, stored, actual)
		}
	}
}

func TestLongAllDayItemIsFoundAtOnce(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	loc := mustLoad(t, leader.ZoneName)
	monday := calendar.Date{Year: 2026, Month: 3, Day: 2}
	create(t, db, timed(leader.ID, "short", monday.In(loc).Add(9*time.Hour), time.Hour))
	from, to := monday.AddDays(20).In(loc), monday.AddDays(21).In(loc)

	// A 30-day item starting 20 days before the window: longer than
	// anything stored before, so the bound must grow with this insert.
	long := create(t, db, allDay(leader.ID, "month abroad", monday, monday.AddDays(30), loc))
	if es, _ := db.EngagementsBetween(ctx, leader.ID, from, to); !slices.Equal(titles(es), []string{"month abroad"}) {
		t.Errorf("after insert: %q", titles(es))
	}
	// Shortened to end before the window, then lengthened again by an update.
	long.EndDay = monday.AddDays(10)
	long.Anchor(loc)
	if err := db.UpdateEngagement(ctx, &long); err != nil {
		t.Fatal(err)
	}
	if es, _ := db.EngagementsBetween(ctx, leader.ID, from, to); len(es) != 0 {
		t.Errorf("after shortening: %q", titles(es))
	}
	long.EndDay = monday.AddDays(40)
	long.Anchor(loc)
	if err := db.UpdateEngagement(ctx, &long); err != nil {
		t.Fatal(err)
	}
	if es, _ := db.EngagementsBetween(ctx, leader.ID, from, to); !slices.Equal(titles(es), []string{"month abroad"}) {
		t.Errorf("after lengthening: %q", titles(es))
	}
	assertSpansExact(t, db)
	if err := db.DeleteEngagement(ctx, long.ID, from); err != nil {
		t.Fatal(err)
	}
	assertSpansExact(t, db) // back to an hour: week views stop reading 40 days back
}

func TestOverlapQueryUsesTheIndex(t *testing.T) {
	db := openTemp(t)
	plan := queryPlan(t, db, betweenQuery,
		named("leader", 1), named("from", 0), named("to", 1))
	text := strings.Join(plan, "\n")
	t.Logf("plan:\n%s", text)
	want := "SEARCH engagements USING INDEX engagements_leader_start (leader_id=? AND start_utc>? AND start_utc<?)"
	if !strings.Contains(text, want) {
		t.Errorf("plan does not contain %q", want)
	}
	if strings.Contains(text, "SCAN engagements") || strings.Contains(text, "TEMP B-TREE") {
		t.Errorf("plan scans or sorts engagements")
	}
}

// naiveQuery is the overlap test without the lower bound on start_utc; it
// is the oracle for the real query and the baseline of its benchmark.
const naiveQuery = `SELECT ` + engagementColumns + `
	FROM engagements
	WHERE leader_id = :leader AND deleted IS NULL
	  AND start_utc < :to AND end_utc > :from
	ORDER BY start_utc, end_utc, id`

func titles(es []calendar.Engagement) []string {
	var s []string
	for _, e := range es {
		s = append(s, e.Title)
	}
	return s
}

func ids(es []calendar.Engagement) []string {
	var s []string
	for _, e := range es {
		s = append(s, fmt.Sprint(e.ID))
	}
	return s
}
