package calendar_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
)

// The engine tests' week: Monday 23 to Sunday 29 November 2026 in
// Shanghai, asked on Friday 20 November at 10:00.
var (
	shanghai, _ = time.LoadLocation("Asia/Shanghai")
	testLeader  = calendar.Leader{ID: 1, Name: "书记", ZoneName: "Asia/Shanghai"}
	testNow     = time.Date(2026, 11, 20, 10, 0, 0, 0, shanghai)
)

// at returns day d of November 2026 at hh:mm in Shanghai.
func at(d, hh, mm int) time.Time { return time.Date(2026, 11, d, hh, mm, 0, 0, shanghai) }

var nextID int64 = 100

// item returns a confirmed engagement of kind from start for minutes.
func item(kind calendar.Kind, title string, start time.Time, minutes int) calendar.Engagement {
	nextID++
	return calendar.Engagement{ID: nextID, LeaderID: 1, Kind: kind, Title: title, Start: start,
		End: start.Add(time.Duration(minutes) * time.Minute), Status: calendar.StatusConfirmed, Source: calendar.SourceManual}
}

func allDayItem(kind calendar.Kind, title string, day, days int) calendar.Engagement {
	nextID++
	e := calendar.Engagement{ID: nextID, LeaderID: 1, Kind: kind, Title: title, AllDay: true,
		StartDay: calendar.NewDate(2026, 11, day), EndDay: calendar.NewDate(2026, 11, day+days), Status: calendar.StatusConfirmed}
	e.Anchor(shanghai)
	return e
}

func with(e calendar.Engagement, edit func(*calendar.Engagement)) calendar.Engagement {
	edit(&e)
	return e
}

// got describes findings as "rule/severity/other title" for comparison.
func got(fs []calendar.Finding) []string {
	var s []string
	for _, f := range fs {
		d := string(f.Rule) + "/" + string(f.Severity)
		if f.Other != nil {
			d += "/" + f.Other.Title
		}
		s = append(s, d)
	}
	return s
}

func TestCheckRules(t *testing.T) {
	meeting := item(calendar.KindMeeting, "常委会", at(23, 10, 0), 60)
	visit := item(calendar.KindVisit, "会见", at(23, 11, 0), 30)
	trip := allDayItem(calendar.KindBlocked, "出差", 25, 1)
	holidays := func(a *calendar.Availability) {
		a.SetOverride(calendar.DateOverride{Date: calendar.NewDate(2026, 11, 26), Kind: calendar.DayOff, Title: "测试假日"})
		a.SetOverride(calendar.DateOverride{Date: calendar.NewDate(2026, 11, 28), Kind: calendar.Workday, Title: "上班(补假)"})
		a.SetOverride(calendar.DateOverride{Date: calendar.NewDate(2026, 11, 27), Kind: calendar.SpecialHours,
			Hours: []calendar.ClockRange{{Start: calendar.NewClock(9, 0), End: calendar.NewClock(10, 0)}}})
	}
	six := func() []calendar.Engagement {
		var vs []calendar.Engagement
		for i, src := range []calendar.Source{calendar.SourceManual, calendar.SourceImported, calendar.SourceVisit, calendar.SourceManual, calendar.SourceImported, calendar.SourceVisit} {
			vs = append(vs, with(item(calendar.KindVisit, fmt.Sprint("会见", i), at(24+i%2, 8+i, 30), 20), func(e *calendar.Engagement) { e.Source = src }))
		}
		return vs
	}()
	sixVisits := func() []calendar.Engagement { return slices.Clone(six) }
	cases := []struct {
		name      string
		items     []calendar.Engagement
		avail     func(*calendar.Availability)
		candidate calendar.Engagement
		want      []string
	}{
		{"free slot", []calendar.Engagement{meeting}, nil, item(calendar.KindMeeting, "新", at(23, 14, 0), 60), nil},
		{"overlap", []calendar.Engagement{meeting}, nil, item(calendar.KindMeeting, "新", at(23, 10, 30), 60), []string{"overlap/block/常委会"}},
		{"touching is no overlap", []calendar.Engagement{meeting}, nil, item(calendar.KindMeeting, "新", at(23, 11, 0), 60), nil},
		{"tentative other warns", []calendar.Engagement{with(meeting, func(e *calendar.Engagement) { e.Status = calendar.StatusTentative })}, nil,
			item(calendar.KindMeeting, "新", at(23, 10, 30), 30), []string{"overlap/warn/常委会"}},
		{"tentative candidate warns", []calendar.Engagement{meeting}, nil,
			with(item(calendar.KindMeeting, "新", at(23, 10, 30), 30), func(e *calendar.Engagement) { e.Status = calendar.StatusTentative }), []string{"overlap/warn/常委会"}},
		{"cancelled other never conflicts", []calendar.Engagement{with(meeting, func(e *calendar.Engagement) { e.Status = calendar.StatusCancelled })}, nil,
			item(calendar.KindMeeting, "新", at(23, 10, 0), 60), nil},
		{"cancelled candidate never conflicts", []calendar.Engagement{meeting}, nil,
			with(item(calendar.KindMeeting, "新", at(23, 10, 0), 60), func(e *calendar.Engagement) { e.Status = calendar.StatusCancelled }), nil},
		{"an edit is not checked against itself", []calendar.Engagement{meeting}, nil,
			with(meeting, func(e *calendar.Engagement) { e.End = e.End.Add(30 * time.Minute) }), nil},
		{"blocked time", []calendar.Engagement{trip}, nil, item(calendar.KindMeeting, "新", at(25, 9, 0), 60), []string{"blocked/block/出差"}},
		{"blocked time, tentative", []calendar.Engagement{trip}, nil,
			with(item(calendar.KindMeeting, "新", at(25, 9, 0), 60), func(e *calendar.Engagement) { e.Status = calendar.StatusTentative }), []string{"blocked/warn/出差"}},
		{"blocked candidate over a meeting", []calendar.Engagement{meeting}, nil, allDayItem(calendar.KindBlocked, "出差", 23, 1), []string{"overlap/block/常委会"}},
		{"lunch break", nil, nil, item(calendar.KindMeeting, "新", at(23, 12, 30), 60), []string{"outside_hours/warn"}},
		{"across lunch", nil, nil, item(calendar.KindMeeting, "新", at(23, 11, 30), 180), []string{"outside_hours/warn"}},
		{"evening", nil, nil, item(calendar.KindMeeting, "新", at(23, 17, 0), 60), []string{"outside_hours/warn"}},
		{"weekend", nil, nil, item(calendar.KindMeeting, "新", at(29, 10, 0), 60), []string{"outside_hours/warn"}},
		{"holiday", nil, holidays, item(calendar.KindMeeting, "新", at(26, 10, 0), 60), []string{"holiday/warn"}},
		{"make-up workday on a Saturday", nil, holidays, item(calendar.KindMeeting, "新", at(28, 9, 0), 60), nil},
		{"make-up workday keeps lunch", nil, holidays, item(calendar.KindMeeting, "新", at(28, 12, 0), 60), []string{"outside_hours/warn"}},
		{"special hours", nil, holidays, item(calendar.KindMeeting, "新", at(27, 10, 0), 60), []string{"outside_hours/warn"}},
		{"within special hours", nil, holidays, item(calendar.KindMeeting, "新", at(27, 9, 0), 60), nil},
		{"all-day on a working day", nil, nil, allDayItem(calendar.KindActivity, "调研", 24, 1), nil},
		{"all-day on a Saturday", nil, nil, allDayItem(calendar.KindActivity, "植树", 28, 1), []string{"outside_hours/warn"}},
		{"buffer after a meeting", []calendar.Engagement{meeting}, nil, item(calendar.KindVisit, "会见新", at(23, 11, 0), 30), []string{"buffer/warn/常委会"}},
		{"buffer kept", []calendar.Engagement{meeting}, nil, item(calendar.KindVisit, "会见新", at(23, 11, 10), 30), nil},
		{"buffer of the visit next door", []calendar.Engagement{visit}, nil, item(calendar.KindMeeting, "新", at(23, 11, 35), 25), []string{"buffer/warn/会见"}},
		{"buffer before a visit", []calendar.Engagement{visit}, nil, item(calendar.KindMeeting, "新", at(23, 10, 0), 55), []string{"buffer/warn/会见"}},
		{"no buffer between meetings", []calendar.Engagement{meeting}, nil, item(calendar.KindMeeting, "新", at(23, 11, 0), 30), nil},
		{"buffer per kind", []calendar.Engagement{meeting}, func(a *calendar.Availability) {
			a.Rules[calendar.KindMeeting] = calendar.KindRule{Buffer: 15 * time.Minute}
		}, item(calendar.KindMeeting, "新", at(23, 11, 10), 30), []string{"buffer/warn/常委会"}},
		{"notice: same day", nil, nil, item(calendar.KindVisit, "会见新", at(20, 15, 0), 30), []string{"notice/warn"}},
		{"notice: Saturday is before Monday", nil, nil, item(calendar.KindVisit, "会见新", at(21, 10, 0), 30), []string{"outside_hours/warn", "notice/warn"}},
		{"notice: Monday is one working day ahead", nil, nil, item(calendar.KindVisit, "会见新", at(23, 9, 0), 30), nil},
		{"notice skips a holiday Monday", nil, func(a *calendar.Availability) {
			a.SetOverride(calendar.DateOverride{Date: calendar.NewDate(2026, 11, 23), Kind: calendar.DayOff, Title: "假日"})
		}, item(calendar.KindVisit, "会见新", at(24, 9, 0), 30), nil},
		{"notice: a holiday Monday is too soon", nil, func(a *calendar.Availability) {
			a.SetOverride(calendar.DateOverride{Date: calendar.NewDate(2026, 11, 23), Kind: calendar.DayOff, Title: "假日"})
		}, item(calendar.KindVisit, "会见新", at(23, 9, 0), 30), []string{"holiday/warn", "notice/warn"}},
		{"notice: none for meetings", nil, nil, item(calendar.KindMeeting, "新", at(20, 15, 0), 30), nil},
		{"six visits fit the week", sixVisits()[:5], nil, item(calendar.KindVisit, "会见新", at(26, 9, 0), 30), nil},
		{"a seventh visit exceeds the weekly cap, whatever the sources", sixVisits(), nil, item(calendar.KindVisit, "会见新", at(26, 9, 0), 30), []string{"weekly_cap/warn"}},
		{"cancelled visits do not count", append(sixVisits()[:5], with(item(calendar.KindVisit, "取消", at(27, 9, 0), 20), func(e *calendar.Engagement) { e.Status = calendar.StatusCancelled })),
			nil, item(calendar.KindVisit, "会见新", at(26, 9, 0), 30), nil},
		{"the next week has its own cap", sixVisits(), nil, item(calendar.KindVisit, "会见新", at(30, 9, 0), 30), nil},
		{"an edited visit is not counted twice", sixVisits(), nil, with(sixVisits()[0], func(e *calendar.Engagement) {}), nil},
		{"daily cap", sixVisits(), func(a *calendar.Availability) { a.DailyVisitCap = 3; a.WeeklyVisitCap = 0 },
			item(calendar.KindVisit, "会见新", at(24, 16, 0), 30), []string{"daily_cap/warn"}},
		{"meetings have no cap", sixVisits(), nil, item(calendar.KindMeeting, "新", at(26, 9, 0), 30), nil},
		{"blocked needs neither hours nor notice", nil, nil, item(calendar.KindBlocked, "出差", at(21, 6, 0), 600), nil},
		{"block before warn", []calendar.Engagement{meeting}, nil, item(calendar.KindVisit, "会见新", at(23, 10, 30), 120),
			[]string{"overlap/block/常委会", "outside_hours/warn"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := calendar.DefaultAvailability(1)
			if c.avail != nil {
				c.avail(&a)
			}
			en, err := calendar.NewEngine(testLeader, a, c.items, testNow)
			if err != nil {
				t.Fatal(err)
			}
			fs := en.Check(c.candidate)
			if g := got(fs); !slices.Equal(g, c.want) {
				t.Errorf("findings %q, want %q", g, c.want)
			}
			for _, f := range fs {
				if f.Code == "" || f.Message() == "" || strings.Contains(f.Message(), "{{") || !f.At.Equal(c.candidate.Start) {
					t.Errorf("finding %+v: code, message or At missing", f)
				}
			}
		})
	}
}

func TestFindingsNameTheOtherInTheLeadersZone(t *testing.T) {
	meeting := item(calendar.KindMeeting, "常委会", at(23, 10, 0), 60)
	en, _ := calendar.NewEngine(testLeader, calendar.DefaultAvailability(1), []calendar.Engagement{meeting}, testNow)
	fs := en.Check(item(calendar.KindMeeting, "新", at(23, 10, 30), 60))
	if len(fs) != 1 {
		t.Fatalf("findings %v", got(fs))
	}
	f := fs[0]
	if args := f.Args(); f.Code != "conflict.overlap" || args["Title"] != "常委会" || args["When"] != "2026-11-23 10:00–11:00" {
		t.Errorf("finding %+v, args %v", f, args)
	}
	if f.Message() != "overlaps “常委会” (2026-11-23 10:00–11:00)" {
		t.Errorf("message %q", f.Message())
	}
}

func TestFreeSlots(t *testing.T) {
	a := calendar.DefaultAvailability(1)
	a.SetOverride(calendar.DateOverride{Date: calendar.NewDate(2026, 11, 24), Kind: calendar.DayOff, Title: "假日"})
	items := []calendar.Engagement{
		item(calendar.KindMeeting, "早会", at(23, 9, 0), 60),
		item(calendar.KindVisit, "会见", at(23, 11, 0), 30),
		allDayItem(calendar.KindBlocked, "出差", 25, 1),
	}
	en, err := calendar.NewEngine(testLeader, a, items, testNow)
	if err != nil {
		t.Fatal(err)
	}
	slots := en.FreeSlots(calendar.KindVisit, 45*time.Minute, testNow, at(30, 0, 0), 5)
	var gotSlots []string
	for _, s := range slots {
		gotSlots = append(gotSlots, s.Start.In(shanghai).Format("Mon 15:04")+"–"+s.End.In(shanghai).Format("15:04"))
		if fs := en.Check(calendar.Engagement{Kind: calendar.KindVisit, Start: s.Start, End: s.End, Status: calendar.StatusConfirmed}); len(fs) != 0 {
			t.Errorf("slot %v raises %q", s, got(fs))
		}
	}
	// Friday and the weekend are too soon or off; Monday 08:30 runs into
	// the 09:00 meeting; after it comes its 10 minutes' buffer; then the
	// visit at 11:00 with its buffer leaves too little before noon;
	// Tuesday is a holiday and Wednesday blocked.
	want := []string{"Mon 14:00–14:45", "Mon 14:45–15:30", "Mon 15:30–16:15", "Mon 16:15–17:00", "Thu 08:30–09:15"}
	if !slices.Equal(gotSlots, want) {
		t.Errorf("slots %q\nwant %q", gotSlots, want)
	}
}
