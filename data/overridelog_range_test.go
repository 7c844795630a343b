package data

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
)

// TestOverridesStartingAsTheFilteredLog compares the ranged read with the
// whole log filtered by start, on generated records of two leaders over
// some weeks, for ranges on and between the records' starts.
func TestOverridesStartingAsTheFilteredLog(t *testing.T) {
	db := openTemp(t)
	leaders := []calendar.Leader{addLeader(t, db, "甲"), addLeader(t, db, "乙")}
	base := time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC)
	for i := range 90 {
		start := base.Add(time.Duration(i*7%60) * 6 * time.Hour)
		r := calendar.OverrideRecord{LeaderID: leaders[i%2].ID, EngagementUID: fmt.Sprintf("u%d@anteroom", i%13), Title: "会见", Start: start,
			At: base.Add(time.Duration(i%17) * time.Minute), Who: "王秘书", Reason: fmt.Sprintf("理由 %d", i), Rules: []calendar.Rule{calendar.RuleOverlap}}
		if err := db.LogOverride(ctx, &r); err != nil {
			t.Fatal(err)
		}
	}
	some := 0
	for _, l := range leaders {
		whole, err := db.OverrideLog(ctx, l.ID)
		if err != nil {
			t.Fatal(err)
		}
		for from := base.Add(-6 * time.Hour); from.Before(base.Add(16 * 24 * time.Hour)); from = from.Add(18 * time.Hour) {
			to := from.Add(time.Duration(1+from.Hour()) * 24 * time.Hour)
			var want []calendar.OverrideRecord
			for _, r := range whole {
				if !r.Start.Before(from) && r.Start.Before(to) {
					want = append(want, r)
				}
			}
			got, err := db.OverridesStarting(ctx, l.ID, from, to)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("leader %d, %v to %v:\n got %+v\nwant %+v", l.ID, from, to, got, want)
			}
			some += len(want)
		}
	}
	if some == 0 {
		t.Fatal("no range held a record: the test proves nothing")
	}
}

// TestOverridesStartingUsesTheIndex: the week's read must not scan the
// leader's whole log.
func TestOverridesStartingUsesTheIndex(t *testing.T) {
	db := openTemp(t)
	plan := queryPlan(t, db, overridesStartingQuery, 1, 0, 1)
	text := strings.Join(plan, "\n")
	want := "SEARCH override_log USING INDEX override_log_leader_start (leader_id=? AND start_utc>? AND start_utc<?)"
	if !strings.Contains(text, want) {
		t.Errorf("plan:\n%s\ndoes not contain %q", text, want)
	}
}
