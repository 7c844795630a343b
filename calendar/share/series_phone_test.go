package share_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/dav"
	"anteroom/dav/davtest"
)

// A weekly series travels whole; an occurrence moved on one desk, and
// another cancelled on the other, reach both as overrides.
func TestSeriesWithMovedAndCancelledOccurrencesTravelBothWays(t *testing.T) {
	srv := davtest.Start(t)
	a, b := newDesk(t, srv, davtest.Password), newDesk(t, srv, davtest.Password)
	ctx := context.Background()
	loc, _ := time.LoadLocation("Asia/Shanghai")
	first := time.Date(2031, 3, 3, 9, 0, 0, 0, loc) // a Monday
	s := calendar.Engagement{LeaderID: a.leader.ID, Kind: calendar.KindMeeting, Title: "周例会", Start: first, End: first.Add(time.Hour),
		ZoneName: "Asia/Shanghai", RRule: "FREQ=WEEKLY;COUNT=4"}
	a.save(&s)
	a.sync()
	b.sync()
	onB := b.one(s.UID)
	if onB.RRule != "FREQ=WEEKLY;COUNT=4" {
		t.Fatalf("desk B's series has rule %q", onB.RRule)
	}
	// B moves the second occurrence to Tuesday 14:00.
	second := first.AddDate(0, 0, 7)
	moved := calendar.Engagement{SeriesID: onB.ID, RecurrenceID: second, LeaderID: b.leader.ID, Kind: calendar.KindMeeting, Title: "周例会（改期）",
		Start: second.AddDate(0, 0, 1).Add(5 * time.Hour), End: second.AddDate(0, 0, 1).Add(6 * time.Hour), ZoneName: "Asia/Shanghai"}
	b.save(&moved)
	if rep := b.sync(); rep.PushedUpdated != 1 {
		t.Fatalf("desk B: %+v, want the series object updated", rep)
	}
	a.sync()
	rows := a.byUID(s.UID)
	if len(rows) != 2 || rows[1].SeriesID != rows[0].ID {
		t.Fatalf("desk A holds %d rows of the series, want the series and its override", len(rows))
	}
	sameInstant(t, "override's RECURRENCE-ID", rows[1].RecurrenceID, second)
	sameInstant(t, "moved start", rows[1].Start, moved.Start)
	if rows[1].Title != "周例会（改期）" {
		t.Errorf("override title on A %q", rows[1].Title)
	}
	// A cancels the third occurrence.
	third := calendar.Engagement{SeriesID: rows[0].ID, RecurrenceID: first.AddDate(0, 0, 14), LeaderID: a.leader.ID, Kind: calendar.KindMeeting,
		Title: "周例会", Start: first.AddDate(0, 0, 14), End: first.AddDate(0, 0, 14).Add(time.Hour), ZoneName: "Asia/Shanghai"}
	if err := a.svc.CancelOccurrence(ctx, third); err != nil {
		t.Fatal(err)
	}
	a.sync()
	b.sync()
	rows = b.byUID(s.UID)
	if len(rows) != 3 {
		t.Fatalf("desk B holds %d rows of the series, want the series and two overrides", len(rows))
	}
	if !rows[2].RecurrenceID.Equal(third.RecurrenceID) || rows[2].Status != calendar.StatusCancelled {
		t.Errorf("desk B's third occurrence: %v %s, want cancelled at %v", rows[2].RecurrenceID, rows[2].Status, third.RecurrenceID)
	}
	sameInstant(t, "moved occurrence on B", rows[1].Start, moved.Start)
}

// iPhone is what iOS Calendar stores for a new event: its own PRODID,
// VTIMEZONE, X-APPLE properties and a VALARM.
const iPhone = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Apple Inc.//iPhone OS 17.4//EN
CALSCALE:GREGORIAN
BEGIN:VTIMEZONE
TZID:Asia/Shanghai
BEGIN:STANDARD
DTSTART:19910915T010000
TZOFFSETFROM:+0900
TZOFFSETTO:+0800
TZNAME:GMT+8
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
CREATED:20310301T020304Z
DTEND;TZID=Asia/Shanghai:20310305T163000
DTSTAMP:20310301T020304Z
DTSTART;TZID=Asia/Shanghai:20310305T150000
LAST-MODIFIED:20310301T020304Z
LOCATION:市政府 3 楼
SEQUENCE:0
SUMMARY:与市长通话
TRANSP:OPAQUE
UID:5A1B2C3D-4E5F-6789-ABCD-EF0123456789
URL;VALUE=URI:
X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC
BEGIN:VALARM
ACTION:DISPLAY
DESCRIPTION:Reminder
TRIGGER:-PT15M
UID:6B2C3D4E-5F60-789A-BCDE-F01234567890
X-WR-ALARMUID:6B2C3D4E-5F60-789A-BCDE-F01234567890
END:VALARM
END:VEVENT
END:VCALENDAR
`

// What the leader's phone writes straight to the server appears on both
// desks at the right instants.
func TestPhoneEventReachesBothDesks(t *testing.T) {
	srv := davtest.Start(t)
	a, b := newDesk(t, srv, davtest.Password), newDesk(t, srv, davtest.Password)
	phone, err := dav.New(srv.URL, davtest.User, davtest.Password)
	if err != nil {
		t.Fatal(err)
	}
	uid := "5A1B2C3D-4E5F-6789-ABCD-EF0123456789"
	data := strings.ReplaceAll(iPhone, "\n", "\r\n")
	if _, err := phone.Put(context.Background(), a.book().Calendar+uid+".ics", []byte(data), dav.IfNoneMatch); err != nil {
		t.Fatal(err)
	}
	want := time.Date(2031, 3, 5, 7, 0, 0, 0, time.UTC) // 15:00 in Shanghai
	for name, d := range map[string]*desk{"A": a, "B": b} {
		if rep := d.sync(); rep.PulledNew != 1 {
			t.Fatalf("desk %s: %+v, want the phone's event", name, rep)
		}
		e := d.one(uid)
		sameInstant(t, "desk "+name+" start", e.Start, want)
		sameInstant(t, "desk "+name+" end", e.End, want.Add(90*time.Minute))
		if e.Title != "与市长通话" || e.Location != "市政府 3 楼" {
			t.Errorf("desk %s has %q at %q", name, e.Title, e.Location)
		}
	}
	// The desk's edit goes back over the phone's object, not beside it.
	e := a.one(uid)
	e.Notes = "带上材料"
	a.save(&e)
	if rep := a.sync(); rep.PushedUpdated != 1 {
		t.Fatalf("desk A: %+v", rep)
	}
	o, err := phone.Get(context.Background(), a.book().Calendar+uid+".ics")
	if err != nil || !strings.Contains(string(o.Data), "带上材料") {
		t.Fatalf("the phone's object after the desk's edit: %v\n%s", err, o.Data)
	}
}
