package plan_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/plan"
	"anteroom/data/datatest"
)

// A leader never named (the first one, still 领导/Leader) is not printed
// on every row; once named, the column is back.
func TestPrintedPlanLeavesOutAnUnnamedLeader(t *testing.T) {
	for _, name := range []string{"领导", "Leader"} {
		ctx := context.Background()
		svc := calendar.NewService(datatest.Open(t))
		svc.SetClock(func() time.Time { return now })
		first, err := svc.DefaultLeader(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := calendar.LoadSampleWeek(ctx, svc, first, w48.Monday()); err != nil {
			t.Fatal(err)
		}
		write := func() (string, parsed) {
			p, err := plan.Build(ctx, svc, []int64{first.ID}, w48)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := plan.WriteHTML(&buf, p, chinese, now, shanghai); err != nil {
				t.Fatal(err)
			}
			return buf.String(), parse(t, buf.Bytes())
		}
		page, doc := write()
		if strings.Contains(page, `class="leader"`) {
			t.Errorf("%s: the plan has a leader column for a leader never named", name)
		}
		for _, r := range doc.rows {
			for _, c := range r {
				if c == name {
					t.Fatalf("%s: a row names the placeholder leader: %q", name, r)
				}
			}
		}
		if first := doc.rows[0]; len(first) != 5 || first[2] != "周一例会" || first[4] == name {
			t.Fatalf("%s: first row %q, want day, time, title, place, organiser", name, first)
		}

		first.Name = "张书记"
		if err := svc.UpdateLeader(ctx, &first); err != nil {
			t.Fatal(err)
		}
		if page, doc = write(); !strings.Contains(page, `class="leader"`) || doc.rows[0][4] != "张书记" {
			t.Fatalf("%s: once named the leader is not printed: %q", name, doc.rows[0])
		}
	}
}
