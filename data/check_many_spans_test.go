package data

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"anteroom/calendar"
)

// wholeRowsOnly is the store without SpanStore: CheckMany then checks on
// whole engagements, as it did before spans.
type wholeRowsOnly struct{ calendar.Store }

// countingStore counts the reads CheckMany makes of the store.
type countingStore struct {
	*DB
	between, series, overrides int
	wholeSeries                int // of the series reads, those of whole rows
}

func (c *countingStore) OverridesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	c.overrides++
	return c.DB.OverridesBetween(ctx, leaderID, from, to)
}

func (c *countingStore) EngagementsBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	c.between++
	return c.DB.EngagementsBetween(ctx, leaderID, from, to)
}

func (c *countingStore) SeriesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	c.series++
	c.wholeSeries++
	return c.DB.SeriesBetween(ctx, leaderID, from, to)
}

func (c *countingStore) SeriesRulesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	c.series++
	return c.DB.SeriesRulesBetween(ctx, leaderID, from, to)
}

// spanCalendar stores two years of a generated calendar through the
// service: singles of every kind and status (some starting together),
// all-day and multi-day items, series bounded by COUNT or UNTIL and
// open-ended ones, with EXDATEs, moved, retitled and cancelled
// overrides, and a confidential series whose override says internal.
func spanCalendar(t *testing.T) (*DB, calendar.Leader, *time.Location, time.Time, []*calendar.Engagement, []bool) {
	t.Helper()
	db := openTemp(t)
	leader := addLeader(t, db, "张书记")
	loc := mustLoad(t, "Asia/Shanghai")
	now := time.Date(2025, 3, 3, 9, 0, 0, 0, loc)
	svc := calendar.NewService(db)
	svc.SetClock(func() time.Time { return now })
	a := calendar.DefaultAvailability(leader.ID)
	a.DailyVisitCap = 2
	a.WeeklyVisitCap = 4
	a.Rules[calendar.KindMeeting] = calendar.KindRule{Buffer: 15 * time.Minute, NoticeDays: 2}
	a.SetOverride(calendar.DateOverride{Date: calendar.Date{Year: 2025, Month: 5, Day: 1}, Kind: calendar.DayOff, Title: "劳动节"})
	if err := db.SaveAvailability(ctx, a); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(14, 2))
	first := calendar.Date{Year: 2024, Month: 9, Day: 2}
	at := func(day int) time.Time {
		return first.AddDays(day).In(loc).Add(time.Duration(7*4+r.IntN(12*4)) * 15 * time.Minute)
	}
	statuses := []calendar.Status{calendar.StatusConfirmed, calendar.StatusConfirmed, calendar.StatusTentative, calendar.StatusCancelled}
	var lastStart time.Time
	for i := range 900 {
		start := at(r.IntN(600))
		if i%9 == 0 && !lastStart.IsZero() {
			start = lastStart // two items starting together
		}
		lastStart = start
		e := calendar.Engagement{LeaderID: leader.ID, Kind: calendar.Kinds[r.IntN(4)], Title: fmt.Sprint("会议 ", i),
			Location: "三楼", Notes: "备注", Start: start, End: start.Add(time.Duration(1+r.IntN(10)) * 15 * time.Minute),
			ZoneName: loc.String(), Status: statuses[r.IntN(4)], Classification: calendar.Classifications[r.IntN(3)]}
		switch i % 40 {
		case 7:
			d := calendar.DateOf(start.In(loc))
			e.AllDay, e.StartDay, e.EndDay = true, d, d.AddDays(1+r.IntN(3))
		case 13:
			e.End = start.Add(time.Duration(26+r.IntN(60)) * time.Hour) // a trip
		}
		if err := svc.Save(ctx, &e); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
	}
	rules := []string{"FREQ=WEEKLY;COUNT=30", "FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=60",
		"FREQ=WEEKLY;INTERVAL=2;UNTIL=20251231T000000Z", "FREQ=MONTHLY;BYDAY=1MO", "FREQ=WEEKLY;COUNT=70"}
	var raised []time.Time // overrides that follow their confidential series
	var edits []calendar.Engagement
	for i := range 36 {
		start := at(r.IntN(500))
		m := calendar.Engagement{LeaderID: leader.ID, Kind: calendar.Kinds[r.IntN(4)], Title: fmt.Sprint("例会 ", i),
			Start: start, End: start.Add(time.Duration(2+r.IntN(6)) * 15 * time.Minute), ZoneName: loc.String(),
			RRule: rules[i%len(rules)], Status: statuses[r.IntN(3)], Classification: calendar.ClassPublic}
		stricter := i%3 == 2 // made confidential after its overrides were stored
		if i%4 == 0 {
			m.ExDates = []time.Time{start.AddDate(0, 0, 14), start.AddDate(0, 0, 21)}
		}
		if err := svc.Save(ctx, &m); err != nil {
			t.Fatalf("save series %d: %v", i, err)
		}
		occs, err := svc.Occurrences(ctx, leader.ID, loc, start, start.AddDate(0, 3, 0))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, o := range occs {
			if o.SeriesID != m.ID || o.ID != 0 || o.RecurrenceID.Equal(m.Start) {
				continue
			}
			switch n++; n {
			case 2: // moved an hour and a half later
				o.Start, o.End = o.Start.Add(90*time.Minute), o.End.Add(90*time.Minute)
				o.Classification = calendar.ClassInternal
				err = svc.SaveOccurrence(ctx, &o)
				if stricter {
					raised = append(raised, o.Start)
				}
			case 4:
				o.Title = "改期 " + o.Title
				err = svc.SaveOccurrence(ctx, &o)
			case 5:
				err = svc.CancelOccurrence(ctx, o)
			case 7:
				err = svc.DeleteOccurrence(ctx, o)
			}
			if err != nil {
				t.Fatalf("override of series %d: %v", i, err)
			}
			if n == 3 || n == 6 { // edits of an occurrence: a quarter hour later, and a day later
				o.Start, o.End = o.Start.Add(15*time.Minute), o.End.Add(15*time.Minute)
				if n == 6 {
					o.Start, o.End = o.Start.AddDate(0, 0, 1), o.End.AddDate(0, 0, 1)
				}
				edits = append(edits, o)
			}
		}
		if stricter {
			if m, err = db.Engagement(ctx, m.ID); err != nil {
				t.Fatal(err)
			}
			m.Classification = calendar.ClassConfidential
			if err := db.UpdateEngagement(ctx, &m); err != nil {
				t.Fatal(err)
			}
		}
	}

	// The candidates: new items of every sort, edits of stored ones and
	// of occurrences, some moved.
	stored, err := db.EngagementsBetween(ctx, leader.ID, first.In(loc), first.AddDays(600).In(loc))
	if err != nil {
		t.Fatal(err)
	}
	var rows []*calendar.Engagement
	var moved []bool
	for i := range 400 {
		start := at(r.IntN(620))
		c := calendar.Engagement{LeaderID: leader.ID, Kind: calendar.Kinds[r.IntN(4)], Title: fmt.Sprint("导入 ", i),
			Start: start, End: start.Add(time.Duration(1+r.IntN(8)) * 15 * time.Minute), ZoneName: loc.String(),
			Status: statuses[r.IntN(3)], Classification: calendar.ClassInternal}
		switch i % 10 {
		case 1:
			c.RRule = "FREQ=WEEKLY;COUNT=8"
		case 2:
			d := calendar.DateOf(start.In(loc))
			c.AllDay, c.StartDay, c.EndDay = true, d, d.AddDays(1)
			c.Anchor(loc)
		case 3, 4: // an edit of a stored item, or of an override
			s := stored[r.IntN(len(stored))]
			c = s
			c.Start, c.End = c.Start.Add(30*time.Minute), c.End.Add(30*time.Minute)
		case 5:
			rows = append(rows, nil)
			moved = append(moved, false)
			continue
		}
		rows = append(rows, &c)
		moved = append(moved, i%3 != 0)
	}
	for i := range edits {
		rows = append(rows, &edits[i])
		moved = append(moved, true)
	}
	for i, start := range raised {
		rows = append(rows, &calendar.Engagement{LeaderID: leader.ID, Kind: calendar.KindMeeting, Title: fmt.Sprint("撞 ", i),
			Start: start, End: start.Add(30 * time.Minute), ZoneName: loc.String(), Status: calendar.StatusConfirmed})
		moved = append(moved, true)
	}
	return db, leader, loc, now, rows, moved
}

// TestCheckManyOnSpansFindsWhatWholeEngagementsFound: the conflict
// engine on spans, with the engagements a finding names made afterwards,
// finds exactly what it found on whole engagements, down to the
// engagement each finding names and its message.
func TestCheckManyOnSpansFindsWhatWholeEngagementsFound(t *testing.T) {
	db, leader, loc, now, rows, moved := spanCalendar(t)
	onSpans := calendar.NewService(db)
	onWhole := calendar.NewService(wholeRowsOnly{db})
	for _, s := range []*calendar.Service{onSpans, onWhole} {
		s.SetClock(func() time.Time { return now })
	}
	got, err := onSpans.CheckMany(ctx, leader, loc, rows, moved)
	if err != nil {
		t.Fatal(err)
	}
	want, err := onWhole.CheckMany(ctx, leader, loc, rows, moved)
	if err != nil {
		t.Fatal(err)
	}
	total, named, bySeries, classed := 0, 0, 0, 0
	for i := range rows {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("row %d: %d findings on spans, %d on whole engagements:\n%v\n%v", i, len(got[i]), len(want[i]), got[i], want[i])
		}
		for j, g := range got[i] {
			w := want[i][j]
			if g.Rule != w.Rule || g.Severity != w.Severity || g.Code != w.Code || !g.At.Equal(w.At) || g.Message() != w.Message() {
				t.Fatalf("row %d finding %d: on spans %s %s %v %q, on whole %s %s %v %q", i, j,
					g.Rule, g.Code, g.At, g.Message(), w.Rule, w.Code, w.At, w.Message())
			}
			if (g.Other == nil) != (w.Other == nil) || g.Other != nil && !reflect.DeepEqual(*g.Other, *w.Other) {
				t.Fatalf("row %d finding %d names\n%+v\non spans and\n%+v\non whole engagements", i, j, g.Other, w.Other)
			}
			total++
			if g.Other != nil {
				named++
				if g.Other.SeriesID != 0 && g.Other.ID == 0 {
					bySeries++
				}
				if g.Other.SeriesID != 0 && g.Other.ID != 0 && g.Other.Classification == calendar.ClassConfidential {
					classed++
				}
			}
		}
	}
	// The calendar must give the comparison something to compare.
	if total < 300 || named < 200 || bySeries < 20 || classed < 1 {
		t.Fatalf("too little found: %d findings, %d naming an engagement, %d an occurrence a rule made, %d an override raised to its series' class",
			total, named, bySeries, classed)
	}
	t.Logf("%d findings, %d naming an engagement, %d an occurrence a rule made", total, named, bySeries)
}

// TestCheckManyReadsSpansAndEachSeriesOnce: a check over a long file
// reads no whole engagement of the calendar but those its findings name
// (nor whole overrides: their spans say which occurrences they replace,
// nor whole series: their rules say where their occurrences are), and
// the series of a year once, not once per quarter.
func TestCheckManyReadsSpansAndEachSeriesOnce(t *testing.T) {
	db, leader, loc, now, rows, moved := spanCalendar(t)
	counted := &countingStore{DB: db}
	svc := calendar.NewService(counted)
	svc.SetClock(func() time.Time { return now })
	if _, err := svc.CheckMany(ctx, leader, loc, rows, moved); err != nil {
		t.Fatal(err)
	}
	// The candidates span about 21 months: 8 quarters, read a year at a
	// time (a window reaching past the year reads from its own start).
	if counted.between != 0 || counted.series > 3 || counted.overrides != 0 {
		t.Fatalf("CheckMany read whole engagements %d times, whole overrides %d times and the series %d times; want 0, 0 and at most 3",
			counted.between, counted.overrides, counted.series)
	}
	if counted.series == 0 || counted.wholeSeries != 0 {
		t.Fatalf("CheckMany read the series %d times, %d of them whole rows; want their rules alone, read at least once",
			counted.series, counted.wholeSeries)
	}
}

// TestOverrideSpansAreTheOverrides: OverrideSpansBetween reads the
// overrides OverridesBetween reads, in its order, each naming its series
// and the occurrence it replaces.
func TestOverrideSpansAreTheOverrides(t *testing.T) {
	db, leader, _, now, _, _ := spanCalendar(t)
	from, to := now.AddDate(-1, 0, 0), now.AddDate(2, 0, 0)
	whole, err := db.OverridesBetween(ctx, leader.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	spans, err := db.OverrideSpansBetween(ctx, leader.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) < 5 || len(spans) != len(whole) {
		t.Fatalf("%d override spans for %d overrides; want as many, and at least 5", len(spans), len(whole))
	}
	for i, o := range whole {
		sp := spans[i]
		if sp.ID != o.ID || sp.SeriesID != o.SeriesID || sp.Recurrence != o.RecurrenceID.Unix() || sp.Kind != o.Kind || sp.Status != o.Status {
			t.Fatalf("override span %d is %+v; want override %d of series %d replacing %v (%s, %s)",
				i, sp, o.ID, o.SeriesID, o.RecurrenceID, o.Kind, o.Status)
		}
	}
}

// TestSeriesRulesAreTheSeries: SeriesRulesBetween reads the series
// SeriesBetween reads, in its order, each as SeriesBetween makes it but
// for its words and bookkeeping.
func TestSeriesRulesAreTheSeries(t *testing.T) {
	db, leader, _, now, _, _ := spanCalendar(t)
	from, to := now.AddDate(-1, 0, 0), now.AddDate(2, 0, 0)
	whole, err := db.SeriesBetween(ctx, leader.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	rules, err := db.SeriesRulesBetween(ctx, leader.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) < 20 || len(rules) != len(whole) {
		t.Fatalf("%d series rules for %d series; want as many, and at least 20", len(rules), len(whole))
	}
	for i, m := range whole {
		m.UID, m.Title, m.Location, m.Notes, m.Organiser = "", "", "", "", ""
		m.Source, m.Sequence, m.Created, m.Updated = "", 0, time.Time{}, time.Time{}
		if !reflect.DeepEqual(rules[i], m) {
			t.Fatalf("series rule %d is\n%+v\nwant\n%+v", i, rules[i], m)
		}
	}
}
