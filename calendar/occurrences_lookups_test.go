package calendar_test

import (
	"context"
	"testing"

	"anteroom/calendar"
)

// lookupCounter counts the engagements a service reads one at a time.
type lookupCounter struct {
	*memStore
	lookups int
}

func (c *lookupCounter) Engagement(ctx context.Context, id int64) (calendar.Engagement, error) {
	c.lookups++
	return c.memStore.Engagement(ctx, id)
}

// An override that stands in for its series' only occurrence of the week
// takes its series' classification from the series the week read, not
// from a query of its own (one a moved occurrence, hundreds in a week of
// a large calendar).
func TestOverrideOfTheWeekFindsItsSeriesAmongThoseRead(t *testing.T) {
	ctx := context.Background()
	store := &lookupCounter{memStore: newMemStore()}
	svc := calendar.NewService(store)
	l := calendar.Leader{Name: "张书记", ZoneName: "Asia/Shanghai"}
	if err := svc.AddLeader(ctx, &l); err != nil {
		t.Fatal(err)
	}
	series := weeklySeries(t, svc, l)
	series.Classification = calendar.ClassConfidential
	if err := svc.Save(ctx, &series); err != nil {
		t.Fatal(err)
	}
	day := calendar.NewDate(2026, 11, 30)
	es, err := svc.Agenda(ctx, l, day, day)
	if err != nil || len(es) != 1 {
		t.Fatalf("agenda on %s: %v, %v", day, es, err)
	}
	moved := es[0]
	moved.Start, moved.End, moved.Title = at(30, 10, 0), at(30, 11, 0), "例会（改时间）"
	moved.Classification = calendar.ClassPublic
	if err := svc.SaveOccurrence(ctx, &moved); err != nil {
		t.Fatal(err)
	}
	store.memStore.engagements[moved.ID] = func() calendar.Engagement {
		o := store.memStore.engagements[moved.ID]
		o.Classification = calendar.ClassPublic // as stored by an older version, looser than its series
		return o
	}()

	store.lookups = 0
	es, err = svc.Agenda(ctx, l, day, day)
	if err != nil || len(es) != 1 || es[0].ID != moved.ID {
		t.Fatalf("agenda on %s: %+v, %v; want the override alone", day, es, err)
	}
	if es[0].Classification != calendar.ClassConfidential {
		t.Errorf("the override shows as %s; want its series' %s", es[0].Classification, calendar.ClassConfidential)
	}
	if store.lookups != 0 {
		t.Errorf("the agenda looked up %d engagements one at a time; want none", store.lookups)
	}
}
