package calendar_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"anteroom/calendar"
)

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func newService(t *testing.T, zones ...string) (*calendar.Service, []calendar.Leader) {
	t.Helper()
	svc := calendar.NewService(newMemStore())
	svc.SetClock(func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) })
	var ls []calendar.Leader
	for i, z := range zones {
		l := calendar.Leader{Name: "L" + z, ZoneName: z, Order: i}
		if err := svc.AddLeader(context.Background(), &l); err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
	}
	return svc, ls
}

func TestValidateNamesEveryField(t *testing.T) {
	shanghai := mustZone(t, "Asia/Shanghai")
	start := time.Date(2026, 11, 23, 10, 0, 0, 0, shanghai)
	cases := []struct {
		name  string
		edit  func(*calendar.Engagement)
		field string
		code  string
	}{
		{"end before start", func(e *calendar.Engagement) { e.End = e.Start.Add(-time.Minute) }, "end", "validation.end_before_start"},
		{"end equals start", func(e *calendar.Engagement) { e.End = e.Start }, "end", "validation.end_before_start"},
		{"blank title", func(e *calendar.Engagement) { e.Title = "  " }, "title", "validation.title_required"},
		{"no leader", func(e *calendar.Engagement) { e.LeaderID = 0 }, "leader", "validation.leader_required"},
		{"bad kind", func(e *calendar.Engagement) { e.Kind = "party" }, "kind", "validation.kind_unknown"},
		{"bad zone", func(e *calendar.Engagement) { e.ZoneName = "Mars/Olympus" }, "zone", "validation.zone_unknown"},
		{"all-day end not after start", func(e *calendar.Engagement) {
			e.AllDay, e.StartDay, e.EndDay = true, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 11, 23)
		}, "end", "validation.end_before_start"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := calendar.Engagement{LeaderID: 1, Kind: calendar.KindMeeting, Title: "周例会", Start: start, End: start.Add(time.Hour),
				Status: calendar.StatusConfirmed, Classification: calendar.ClassPublic, Source: calendar.SourceManual, ZoneName: "Asia/Shanghai"}
			c.edit(&e)
			err := e.Validate()
			var ve *calendar.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, calendar.ErrInvalid) {
				t.Fatalf("Validate() = %v, want a *ValidationError", err)
			}
			p, ok := ve.Field(c.field)
			if !ok || p.Code != c.code {
				t.Fatalf("problems %+v, want %s on %s", ve.Problems, c.code, c.field)
			}
		})
	}
}

func TestSaveRejectsUnknownLeaderAndStoresNothing(t *testing.T) {
	svc, ls := newService(t, "Asia/Shanghai")
	start := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	e := calendar.Engagement{LeaderID: 99, Title: "会见", Start: start, End: start.Add(time.Hour)}
	err := svc.Save(context.Background(), &e)
	var ve *calendar.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Save with unknown leader = %v, want validation error", err)
	}
	if _, ok := ve.Field("leader"); !ok {
		t.Fatalf("problems %+v do not name the leader", ve.Problems)
	}
	if n, _ := svc.CountEngagements(context.Background(), ls[0].ID); n != 0 || e.ID != 0 {
		t.Fatalf("stored %d engagements (id %d) after a rejected save", n, e.ID)
	}
}

// An engagement entered in Shanghai at 15:00 is at 08:00 for a leader in
// Berlin in winter (CST = UTC+8, CET = UTC+1) and shows on that day.
func TestTimedEngagementShowsAtTheRightHourAcrossZones(t *testing.T) {
	svc, ls := newService(t, "Europe/Berlin")
	berlin, shanghai := mustZone(t, "Europe/Berlin"), mustZone(t, "Asia/Shanghai")
	ctx := context.Background()
	start := time.Date(2026, 11, 24, 15, 0, 0, 0, shanghai)
	e := calendar.Engagement{LeaderID: ls[0].ID, Title: "视频会议", Start: start, End: start.Add(time.Hour), ZoneName: "Asia/Shanghai"}
	if err := svc.Save(ctx, &e); err != nil {
		t.Fatal(err)
	}
	got, err := svc.Agenda(ctx, ls[0], calendar.NewDate(2026, 11, 24), calendar.NewDate(2026, 11, 24))
	if err != nil || len(got) != 1 {
		t.Fatalf("Agenda = %v, %v; want the one engagement", got, err)
	}
	if h, m, _ := got[0].Start.In(berlin).Clock(); h != 8 || m != 0 {
		t.Fatalf("in Berlin it starts at %02d:%02d, want 08:00", h, m)
	}
	if got[0].EnteredLocation(time.UTC).String() != "Asia/Shanghai" {
		t.Fatalf("entered zone lost: %q", got[0].ZoneName)
	}
}

// All-day items are dates: 1 October is 1 October for leaders in Shanghai
// and in Berlin, though those midnights are seven hours apart.
func TestAllDayEngagementDoesNotShiftAcrossZones(t *testing.T) {
	svc, ls := newService(t, "Asia/Shanghai", "Europe/Berlin")
	ctx := context.Background()
	for _, l := range ls {
		e := calendar.Engagement{LeaderID: l.ID, Title: "国庆节", AllDay: true,
			StartDay: calendar.NewDate(2026, 10, 1), EndDay: calendar.NewDate(2026, 10, 2), ZoneName: "Asia/Shanghai"}
		if err := svc.Save(ctx, &e); err != nil {
			t.Fatal(err)
		}
		loc, _ := l.Location()
		for day, want := range map[calendar.Date]int{calendar.NewDate(2026, 9, 30): 0, calendar.NewDate(2026, 10, 1): 1, calendar.NewDate(2026, 10, 2): 0} {
			got, err := svc.Agenda(ctx, l, day, day)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != want {
				t.Errorf("leader in %s, %s: %d items, want %d", l.ZoneName, day, len(got), want)
			}
		}
		if calendar.DateOf(e.Start.In(loc)) != (calendar.NewDate(2026, 10, 1)) {
			t.Errorf("leader in %s: anchored start %v is not 1 October", l.ZoneName, e.Start.In(loc))
		}
	}
}

func TestSaveKeepsUIDAndGrowsSequenceOnTimeChange(t *testing.T) {
	svc, ls := newService(t, "Asia/Shanghai")
	ctx := context.Background()
	start := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	e := calendar.Engagement{LeaderID: ls[0].ID, Title: "会见", Start: start, End: start.Add(time.Hour)}
	if err := svc.Save(ctx, &e); err != nil {
		t.Fatal(err)
	}
	uid := e.UID
	e.Notes = "备注"
	if err := svc.Save(ctx, &e); err != nil || e.Sequence != 0 {
		t.Fatalf("notes edit: seq %d, err %v; want 0", e.Sequence, err)
	}
	e.Start, e.End = e.Start.Add(time.Hour), e.End.Add(time.Hour)
	e.UID = "someone-else"
	if err := svc.Save(ctx, &e); err != nil || e.Sequence != 1 || e.UID != uid {
		t.Fatalf("time edit: seq %d uid %q err %v; want 1 and %q", e.Sequence, e.UID, err, uid)
	}
}

func TestAgendaRejectsReversedRange(t *testing.T) {
	svc, ls := newService(t, "Asia/Shanghai")
	_, err := svc.Agenda(context.Background(), ls[0], calendar.NewDate(2026, 11, 24), calendar.NewDate(2026, 11, 23))
	if !errors.Is(err, calendar.ErrInvalid) {
		t.Fatalf("Agenda(to < from) = %v, want ErrInvalid", err)
	}
}

func TestSampleWeekHasTheKindsAFirstRunShows(t *testing.T) {
	svc, ls := newService(t, "Asia/Shanghai")
	ctx := context.Background()
	monday := calendar.NewDate(2026, 11, 23)
	n, err := calendar.LoadSampleWeek(ctx, svc, ls[0], monday)
	if err != nil || n < 8 {
		t.Fatalf("LoadSampleWeek = %d, %v", n, err)
	}
	got, _ := svc.Agenda(ctx, ls[0], monday, monday.AddDays(6))
	kinds, allDay := map[calendar.Kind]int{}, 0
	for _, e := range got {
		kinds[e.Kind]++
		if e.AllDay {
			allDay++
		}
	}
	if len(got) != n || allDay == 0 || len(kinds) != len(calendar.Kinds) {
		t.Fatalf("sample week: %d items, %d all-day, kinds %v", len(got), allDay, kinds)
	}
}

func TestWeekStartIsMonday(t *testing.T) {
	for in, want := range map[calendar.Date]calendar.Date{
		calendar.NewDate(2026, 11, 23): calendar.NewDate(2026, 11, 23), // Monday
		calendar.NewDate(2026, 11, 29): calendar.NewDate(2026, 11, 23), // Sunday
		calendar.NewDate(2027, 1, 1):   {2026, 12, 28},                 // Friday across a year
	} {
		if got := calendar.WeekStart(in); got != want {
			t.Errorf("WeekStart(%s) = %s, want %s", in, got, want)
		}
	}
}
