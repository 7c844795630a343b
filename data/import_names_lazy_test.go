package data

import (
	"context"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

// byIDCounter counts the whole engagements read by ID.
type byIDCounter struct {
	*DB
	read int
}

func (c *byIDCounter) EngagementsByID(ctx context.Context, ids []int64) ([]calendar.Engagement, error) {
	c.read += len(ids)
	return c.DB.EngagementsByID(ctx, ids)
}

// TestImportPlanNamesWhatItClashesWithOnlyWhenShown: planning an import
// reads none of the stored engagements its items clash with; a finding
// shown reads the one it names then, and says the same as one named at
// once.
func TestImportPlanNamesWhatItClashesWithOnlyWhenShown(t *testing.T) {
	db := openTemp(t)
	counted := &byIDCounter{DB: db}
	svc := calendar.NewService(counted)
	svc.SetClock(func() time.Time { return time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC) })
	leader := addLeader(t, db, "Leader")
	im := &importer{t: t, db: db, svc: svc, imp: imports.NewService(svc, db), leader: leader, loc: mustLoad(t, leader.ZoneName)}
	var items []imports.Incoming
	for d := 23; d <= 27; d++ {
		e := calendar.Engagement{LeaderID: leader.ID, Title: "局务会", Start: im.at(d, 9), End: im.at(d, 10), ZoneName: "Asia/Shanghai"}
		if err := svc.Save(ctx, &e); err != nil {
			t.Fatal(err)
		}
		items = append(items, im.item("k"+string(rune('0'+d%10))+"@x", "外单位来访", im.at(d, 9), 0))
	}
	counted.read = 0
	p := im.plan(items...)
	if counted.read != 0 {
		t.Fatalf("planning read %d clashing engagements whole; want none until one is shown", counted.read)
	}
	for i, it := range p.Items {
		if !calendar.Blocking(it.Findings) {
			t.Fatalf("item %d does not clash: %v", i, it.Findings)
		}
	}
	f := p.Items[2].Findings[0]
	if msg := f.Message(); !strings.Contains(msg, "局务会") || !strings.Contains(msg, "2026-11-25 09:00–10:00") {
		t.Fatalf("the shown finding says %q; want it to name 局务会 at its time", msg)
	}
	if o := f.Named(); o == nil || o.Title != "局务会" || o.ID == 0 {
		t.Fatalf("the shown finding names %+v", o)
	}
	if counted.read != 1 {
		t.Fatalf("showing one finding read %d engagements; want 1", counted.read)
	}
	f.Message()
	if counted.read != 1 {
		t.Fatalf("showing it again read again: %d reads", counted.read)
	}
	want, err := svc.CheckMany(ctx, leader, im.loc, []*calendar.Engagement{&p.Items[2].Incoming.Engagement}, []bool{true})
	if err != nil {
		t.Fatal(err)
	}
	if len(want[0]) == 0 || want[0][0].Message() != f.Message() || want[0][0].Other.ID != f.Named().ID {
		t.Fatalf("named on demand %q, named at once %v", f.Message(), want[0])
	}
}
