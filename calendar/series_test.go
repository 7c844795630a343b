package calendar_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"anteroom/calendar"
)

// agendaLines lists a week's agenda as "Mon 09:00 title [status]".
func agendaLines(t *testing.T, svc *calendar.Service, l calendar.Leader, from calendar.Date, days int) []string {
	t.Helper()
	es, err := svc.Agenda(context.Background(), l, from, from.AddDays(days-1))
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, e := range es {
		line := e.Start.In(shanghai).Format("Mon 01-02 15:04") + " " + e.Title
		if e.Status != calendar.StatusConfirmed {
			line += " [" + string(e.Status) + "]"
		}
		s = append(s, line)
	}
	return s
}

func weeklySeries(t *testing.T, svc *calendar.Service, l calendar.Leader) calendar.Engagement {
	t.Helper()
	e := calendar.Engagement{LeaderID: l.ID, Title: "周一例会", Kind: calendar.KindMeeting,
		Start: at(23, 8, 30), End: at(23, 9, 30), ZoneName: "Asia/Shanghai", RRule: "rrule:freq=weekly;byday=mo"}
	if err := svc.Save(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	if e.RRule != "FREQ=WEEKLY;BYDAY=MO" || !e.SeriesEnd.IsZero() {
		t.Fatalf("saved rule %q, series end %v", e.RRule, e.SeriesEnd)
	}
	return e
}

func TestAgendaExpandsSeries(t *testing.T) {
	svc, ls := newService(t, "Asia/Shanghai")
	weeklySeries(t, svc, ls[0])
	got := agendaLines(t, svc, ls[0], calendar.NewDate(2026, 11, 16), 28)
	want := []string{"Mon 11-23 08:30 周一例会", "Mon 11-30 08:30 周一例会", "Mon 12-07 08:30 周一例会"}
	if !slices.Equal(got, want) {
		t.Errorf("agenda %q\nwant %q", got, want)
	}
	es, _ := svc.Agenda(context.Background(), ls[0], calendar.NewDate(2026, 11, 30), calendar.NewDate(2026, 11, 30))
	if len(es) != 1 || !es[0].IsOccurrence() || es[0].ID != 0 || !es[0].RecurrenceID.Equal(at(30, 8, 30)) {
		t.Fatalf("occurrence %+v does not name its series and original start", es)
	}
}

func TestEditOneOccurrenceOrTheSeries(t *testing.T) {
	ctx := context.Background()
	svc, ls := newService(t, "Asia/Shanghai")
	l := ls[0]
	series := weeklySeries(t, svc, l)
	occurrenceOn := func(day int) calendar.Engagement {
		t.Helper()
		es, err := svc.Agenda(ctx, l, calendar.NewDate(2026, 11, day), calendar.NewDate(2026, 11, day))
		if err != nil || len(es) != 1 {
			t.Fatalf("agenda on %d: %v, %v", day, es, err)
		}
		return es[0]
	}
	monday := calendar.NewDate(2026, 11, 23)

	// This occurrence: the second Monday moves to 10:00 and is retitled.
	second := occurrenceOn(30)
	second.Start, second.End, second.Title = at(30, 10, 0), at(30, 11, 0), "例会（改时间）"
	if err := svc.Save(ctx, &second); err != nil {
		t.Fatal(err)
	}
	if second.ID == 0 || second.UID != series.UID || second.SeriesID != series.ID {
		t.Fatalf("override %+v: want its own ID and the series' UID", second)
	}
	// Editing it again updates the same override.
	again := occurrenceOn(30)
	again.Location = "第一会议室"
	if err := svc.Save(ctx, &again); err != nil || again.ID != second.ID {
		t.Fatalf("second edit: id %d, %v; want %d", again.ID, err, second.ID)
	}
	// Cancel the third, delete the fourth.
	if err := svc.CancelOccurrence(ctx, calendar.Engagement{ID: series.ID}); !errors.Is(err, calendar.ErrInvalid) {
		t.Fatalf("cancelling what is no occurrence: %v", err)
	}
	es, _ := svc.Agenda(ctx, l, calendar.NewDate(2026, 12, 7), calendar.NewDate(2026, 12, 14))
	if err := svc.CancelOccurrence(ctx, es[0]); err != nil {
		t.Fatal(err)
	}
	if err := svc.DeleteOccurrence(ctx, es[1]); err != nil {
		t.Fatal(err)
	}
	want := []string{"Mon 11-23 08:30 周一例会", "Mon 11-30 10:00 例会（改时间）", "Mon 12-07 08:30 周一例会 [cancelled]", "Mon 12-21 08:30 周一例会"}
	if got := agendaLines(t, svc, l, monday, 29); !slices.Equal(got, want) {
		t.Errorf("after editing occurrences:\n got %q\nwant %q", got, want)
	}

	// The whole series: from the first occurrence, move to 09:00, an
	// hour long; the override and the excluded date move along.
	first := occurrenceOn(23)
	first.Start, first.End = at(23, 9, 0), at(23, 10, 0)
	first.Title = "周一例会（新）"
	if err := svc.SaveSeries(ctx, &first); err != nil {
		t.Fatal(err)
	}
	if first.ID != series.ID || first.Sequence <= series.Sequence {
		t.Errorf("SaveSeries left %+v", first)
	}
	want = []string{"Mon 11-23 09:00 周一例会（新）", "Mon 11-30 10:00 例会（改时间）", "Mon 12-07 08:30 周一例会 [cancelled]", "Mon 12-21 09:00 周一例会（新）"}
	if got := agendaLines(t, svc, l, monday, 29); !slices.Equal(got, want) {
		t.Errorf("after editing the series:\n got %q\nwant %q", got, want)
	}

	// Deleting the series takes its overrides with it.
	if err := svc.Delete(ctx, series.ID); err != nil {
		t.Fatal(err)
	}
	if got := agendaLines(t, svc, l, monday, 29); len(got) != 0 {
		t.Errorf("after deleting the series: %q", got)
	}
}

func TestSaveRefusesABadRuleNamingTheField(t *testing.T) {
	svc, ls := newService(t, "Asia/Shanghai")
	e := calendar.Engagement{LeaderID: ls[0].ID, Title: "x", Start: at(23, 9, 0), End: at(23, 10, 0),
		RRule: "FREQ=MINUTELY;INTERVAL=2;BYMINUTE=1"}
	err := svc.Save(context.Background(), &e)
	var ve *calendar.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Save = %v, want a validation error", err)
	}
	p, ok := ve.Field("rrule")
	if !ok || p.Code != "validation.rrule_unreachable" || p.Args["Part"] != "BYMINUTE" {
		t.Errorf("problems %+v", ve.Problems)
	}
	if n, _ := svc.CountEngagements(context.Background(), ls[0].ID); n != 0 {
		t.Errorf("%d engagements stored", n)
	}
}

func TestCountedSeriesHasAnEnd(t *testing.T) {
	svc, ls := newService(t, "Asia/Shanghai")
	e := calendar.Engagement{LeaderID: ls[0].ID, Title: "培训", Start: at(23, 14, 0), End: at(23, 16, 0),
		ZoneName: "Asia/Shanghai", RRule: "FREQ=DAILY;COUNT=3"}
	if err := svc.Save(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	if !e.SeriesEnd.Equal(at(25, 16, 0)) {
		t.Errorf("SeriesEnd %v, want the third day's end", e.SeriesEnd.In(shanghai))
	}
}

func TestCheckASeriesOccurrenceByOccurrence(t *testing.T) {
	ctx := context.Background()
	svc, ls := newService(t, "Asia/Shanghai")
	l := ls[0]
	clash := calendar.Engagement{LeaderID: l.ID, Title: "调研", Kind: calendar.KindActivity, Start: at(30, 8, 0), End: at(30, 12, 0)}
	if err := svc.Save(ctx, &clash); err != nil {
		t.Fatal(err)
	}
	candidate := calendar.Engagement{LeaderID: l.ID, Title: "周一例会", Start: at(23, 8, 30), End: at(23, 9, 30), RRule: "FREQ=WEEKLY;COUNT=4"}
	fs, err := svc.Check(ctx, l, candidate)
	if err != nil {
		t.Fatal(err)
	}
	if g := got(fs); !slices.Equal(g, []string{"overlap/block/调研"}) || !fs[0].At.Equal(at(30, 8, 30)) {
		t.Errorf("findings %q at %v", g, fs)
	}
}

func TestSaveCheckedAndOverride(t *testing.T) {
	ctx := context.Background()
	svc, ls := newService(t, "Asia/Shanghai")
	l := ls[0]
	meeting := calendar.Engagement{LeaderID: l.ID, Title: "常委会", Start: at(23, 10, 0), End: at(23, 11, 0)}
	if _, err := svc.SaveChecked(ctx, &meeting); err != nil {
		t.Fatal(err)
	}
	clash := calendar.Engagement{LeaderID: l.ID, Title: "会见", Kind: calendar.KindVisit, Start: at(23, 10, 30), End: at(23, 11, 0)}
	fs, err := svc.SaveChecked(ctx, &clash)
	var ce *calendar.ConflictError
	if !errors.Is(err, calendar.ErrConflict) || !errors.As(err, &ce) || !calendar.Blocking(fs) || clash.ID != 0 {
		t.Fatalf("SaveChecked = %v, %v (id %d); want a conflict and nothing saved", got(fs), err, clash.ID)
	}
	if _, err := svc.SaveWithOverride(ctx, &clash, " ", "秘书"); err == nil {
		t.Fatal("an override without a reason was accepted")
	}
	if _, err := svc.SaveWithOverride(ctx, &clash, "领导亲自安排", "王秘书"); err != nil || clash.ID == 0 {
		t.Fatalf("SaveWithOverride: %v, id %d", err, clash.ID)
	}
	log, err := svc.OverrideLog(ctx, l.ID)
	if err != nil || len(log) != 1 {
		t.Fatalf("override log %+v, %v", log, err)
	}
	r := log[0]
	if r.Who != "王秘书" || r.Reason != "领导亲自安排" || r.EngagementUID != clash.UID || !slices.Equal(r.Rules, []calendar.Rule{calendar.RuleOverlap}) || r.At.IsZero() {
		t.Errorf("record %+v", r)
	}
}

func TestImportHolidays(t *testing.T) {
	ctx := context.Background()
	svc, ls := newService(t, "Asia/Shanghai")
	var items []calendar.HolidayItem
	for _, h := range []struct {
		title      string
		start, end calendar.Date
	}{ // as in the PRC's 2025 holiday calendar
		{"上班(补春节假期)", calendar.NewDate(2025, 1, 26), calendar.NewDate(2025, 1, 27)},
		{"春节假期", calendar.NewDate(2025, 1, 28), calendar.NewDate(2025, 2, 5)},
		{"上班(补春节假期)", calendar.NewDate(2025, 2, 8), calendar.NewDate(2025, 2, 9)},
	} {
		items = append(items, calendar.HolidayItem{Start: h.start, End: h.end, Title: h.title, Workday: calendar.IsMakeUpWorkday(h.title)})
	}
	n, err := svc.ImportHolidays(ctx, ls[0].ID, items)
	if err != nil || n != 10 {
		t.Fatalf("ImportHolidays = %d, %v; want 10 days", n, err)
	}
	a, err := svc.Availability(ctx, ls[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if h := a.HoursOn(calendar.NewDate(2025, 1, 26)); len(h) != 2 { // a Sunday worked
		t.Errorf("make-up Sunday hours %v", h)
	}
	if h := a.HoursOn(calendar.NewDate(2025, 1, 29)); len(h) != 0 { // a Wednesday off
		t.Errorf("Spring Festival hours %v", h)
	}
	// Importing again changes nothing.
	if _, err := svc.ImportHolidays(ctx, ls[0].ID, items); err != nil {
		t.Fatal(err)
	}
	if b, _ := svc.Availability(ctx, ls[0].ID); len(b.Overrides) != len(a.Overrides) {
		t.Errorf("second import: %d overrides, first %d", len(b.Overrides), len(a.Overrides))
	}
}

func TestIsMakeUpWorkday(t *testing.T) {
	for title, want := range map[string]bool{
		"上班(补春节假期)": true, "上班(补国庆节、中秋节假期)": true, "春节补班": true, "国庆节 班": true, "Working day (in lieu)": true,
		"春节假期": false, "国庆节、中秋节假期": false, "元旦 休": false, "Spring Festival": false, "劳动节假期": false,
	} {
		if got := calendar.IsMakeUpWorkday(title); got != want {
			t.Errorf("IsMakeUpWorkday(%q) = %v, want %v", title, got, want)
		}
	}
}

func TestAvailabilityValidationNamesFields(t *testing.T) {
	a := calendar.DefaultAvailability(1)
	a.Week[time.Monday] = []calendar.ClockRange{{Start: calendar.NewClock(14, 0), End: calendar.NewClock(12, 0)}}
	a.Rules[calendar.KindVisit] = calendar.KindRule{Buffer: -time.Minute}
	a.WeeklyVisitCap = -1
	a.Overrides = []calendar.DateOverride{{Date: calendar.NewDate(2026, 10, 1), Kind: calendar.SpecialHours}}
	var ve *calendar.ValidationError
	if err := a.Validate(); !errors.As(err, &ve) {
		t.Fatalf("Validate = %v", err)
	}
	for _, f := range []string{"hours.mon", "buffer.visit", "weekly_cap", "override.2026-10-01"} {
		if _, ok := ve.Field(f); !ok {
			t.Errorf("no problem on %s: %+v", f, ve.Problems)
		}
	}
	if err := calendar.DefaultAvailability(1).Validate(); err != nil {
		t.Errorf("defaults invalid: %v", err)
	}
}

func TestServiceFreeSlotsAndWeekVisits(t *testing.T) {
	ctx := context.Background()
	svc, ls := newService(t, "Asia/Shanghai")
	l := ls[0]
	v := calendar.Engagement{LeaderID: l.ID, Title: "会见", Kind: calendar.KindVisit, Start: at(23, 8, 30), End: at(23, 9, 30)}
	if err := svc.Save(ctx, &v); err != nil {
		t.Fatal(err)
	}
	slots, err := svc.FreeSlots(ctx, l, calendar.KindVisit, time.Hour, at(20, 0, 0), at(27, 0, 0), 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(slots) != 2 || !slots[0].Start.Equal(at(23, 9, 45)) || !slots[1].Start.Equal(at(23, 10, 45)) {
		t.Errorf("slots %v", slots)
	}
	if _, err := svc.FreeSlots(ctx, l, calendar.KindVisit, 0, at(20, 0, 0), at(27, 0, 0), 2); err == nil {
		t.Error("a zero duration was accepted")
	}
	n, limit, err := svc.WeekVisits(ctx, l, calendar.NewDate(2026, 11, 25))
	if err != nil || n != 1 || limit != 6 {
		t.Errorf("WeekVisits = %d/%d, %v; want 1/6", n, limit, err)
	}
}

func TestSaveSeriesCheckedAndOverride(t *testing.T) {
	ctx := context.Background()
	svc, ls := newService(t, "Asia/Shanghai")
	l := ls[0]
	weeklySeries(t, svc, l)
	trip := calendar.Engagement{LeaderID: l.ID, Title: "出差", Kind: calendar.KindBlocked, Start: at(30, 9, 30), End: at(30, 12, 0)}
	if err := svc.Save(ctx, &trip); err != nil {
		t.Fatal(err)
	}
	es, _ := svc.Agenda(ctx, l, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 11, 23))
	moved := es[0]
	moved.Start, moved.End = at(23, 9, 0), at(23, 10, 0) // the second Monday then runs into the trip
	fs, err := svc.SaveSeriesChecked(ctx, &moved)
	if !errors.Is(err, calendar.ErrConflict) || !slices.Contains(got(fs), "blocked/block/出差") {
		t.Fatalf("SaveSeriesChecked = %q, %v; want the trip to block", got(fs), err)
	}
	if _, err := svc.SaveSeriesWithOverride(ctx, &moved, "出差改期", "王秘书"); err != nil {
		t.Fatal(err)
	}
	want := []string{"Mon 11-23 09:00 周一例会", "Mon 11-30 09:00 周一例会", "Mon 11-30 09:30 出差"}
	if lines := agendaLines(t, svc, l, calendar.NewDate(2026, 11, 23), 7+1); !slices.Equal(lines, want) {
		t.Errorf("after moving the series: %q, want %q", lines, want)
	}
	if log, _ := svc.OverrideLog(ctx, l.ID); len(log) != 1 || log[0].Rules[0] != calendar.RuleBlocked {
		t.Errorf("override log %+v", log)
	}
	// A rule that names Monday cannot be moved to Tuesday by its start alone.
	es, _ = svc.Agenda(ctx, l, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 11, 23))
	tuesday := es[0]
	tuesday.Start, tuesday.End = tuesday.Start.AddDate(0, 0, 1), tuesday.End.AddDate(0, 0, 1)
	var ve *calendar.ValidationError
	if err := svc.SaveSeries(ctx, &tuesday); !errors.As(err, &ve) || ve.Problems[0].Code != "validation.series_move_day" {
		t.Errorf("moving a BYDAY series a day: %v", err)
	}
	tuesday.RRule = "FREQ=WEEKLY;BYDAY=TU"
	if err := svc.SaveSeries(ctx, &tuesday); err != nil {
		t.Errorf("moving it with its rule: %v", err)
	}
}
