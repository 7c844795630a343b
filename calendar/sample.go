package calendar

import (
	"context"
	"time"
)

// sampleItem is one engagement of the sample week, placed by weekday offset
// and clock time in the leader's zone.
type sampleItem struct {
	day             int // 0 = Monday
	start, end      string
	allDayLen       int // > 0: an all-day item of that many days
	kind            Kind
	title, location string
	notes           string
	organiser       string
	status          Status
	class           Classification
}

// sampleWeek is a realistic week in a county government office: the
// standing meetings, receptions, an inspection, a trip and a holiday-like
// all-day item, so a first run has something true to look at.
var sampleWeek = []sampleItem{
	{day: 0, start: "08:30", end: "09:30", kind: KindMeeting, title: "周一例会", organiser: "县委办", location: "第一会议室", notes: "各部门汇报本周重点工作", class: ClassInternal},
	{day: 0, start: "10:00", end: "10:45", kind: KindVisit, title: "会见华东电力公司总经理一行", organiser: "县发改局", location: "第二接待室", notes: "经济部门推荐；商谈新能源项目", class: ClassPublic},
	{day: 0, start: "15:00", end: "16:30", kind: KindMeeting, title: "县委常委会", organiser: "县委办", location: "常委会议室", class: ClassConfidential},
	{day: 1, start: "09:00", end: "11:30", kind: KindActivity, title: "调研城南工业园区", organiser: "县发改局", location: "城南工业园区", notes: "发改局、工信局陪同", class: ClassPublic},
	{day: 1, start: "14:30", end: "15:00", kind: KindVisit, title: "会见市教育局调研组", organiser: "县教育局", location: "第二接待室", class: ClassPublic},
	{day: 1, start: "14:45", end: "15:30", kind: KindMeeting, title: "防汛工作专题会", organiser: "县应急管理局", location: "应急指挥中心", status: StatusTentative, class: ClassInternal},
	{day: 2, allDayLen: 2, kind: KindBlocked, title: "赴省城出差：全省经济工作会议", organiser: "省委办公厅", location: "省会议中心", class: ClassInternal},
	{day: 4, start: "09:00", end: "10:00", kind: KindVisit, title: "会见台商投资协会代表", organiser: "县台办", location: "第一接待室", class: ClassPublic},
	{day: 4, start: "10:30", end: "12:00", kind: KindMeeting, title: "安全生产工作会议", organiser: "县应急管理局", location: "第一会议室", class: ClassPublic},
	{day: 4, start: "16:00", end: "17:00", kind: KindMeeting, title: "周五工作梳理", organiser: "县委办", location: "办公室", class: ClassInternal},
	{day: 5, allDayLen: 1, kind: KindActivity, title: "全民义务植树活动", organiser: "县林业局", location: "北山公园", class: ClassPublic},
}

// LoadSampleWeek books the sample week through s for leader in the ISO
// week starting weekStart and returns how many engagements it added.
func LoadSampleWeek(ctx context.Context, s *Service, leader Leader, weekStart Date) (int, error) {
	loc, err := leader.Location()
	if err != nil {
		return 0, err
	}
	for i, it := range sampleWeek {
		e := Engagement{
			LeaderID: leader.ID, Kind: it.kind, Title: it.title, Location: it.location, Notes: it.notes, Organiser: it.organiser,
			Status: it.status, Classification: it.class, Source: SourceManual, ZoneName: loc.String(),
		}
		day := weekStart.AddDays(it.day)
		if it.allDayLen > 0 {
			e.AllDay, e.StartDay, e.EndDay = true, day, day.AddDays(it.allDayLen)
		} else {
			e.Start = clockOn(day, it.start, loc)
			e.End = clockOn(day, it.end, loc)
		}
		if err := s.Save(ctx, &e); err != nil {
			return i, err
		}
	}
	return len(sampleWeek), nil
}

// clockOn returns the instant of an "HH:MM" clock time on day in loc.
func clockOn(day Date, hhmm string, loc *time.Location) time.Time {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		panic("sample week: bad time " + hhmm) // the table above is fixed; a typo is a programming error
	}
	return time.Date(day.Year, day.Month, day.Day, t.Hour(), t.Minute(), 0, 0, loc)
}
