package data

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"anteroom/calendar"
)

func TestAvailabilityRoundTrip(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	if _, err := db.Availability(ctx, leader.ID); !errors.Is(err, calendar.ErrNotFound) {
		t.Fatalf("before any save: %v, want ErrNotFound", err)
	}
	a := calendar.DefaultAvailability(leader.ID)
	a.Week[time.Saturday] = []calendar.ClockRange{{Start: calendar.NewClock(9, 0), End: calendar.NewClock(11, 0)}}
	a.Rules[calendar.KindMeeting] = calendar.KindRule{Buffer: 5 * time.Minute}
	a.DailyVisitCap = 2
	a.SetOverride(calendar.DateOverride{Date: calendar.NewDate(2026, 10, 1), Kind: calendar.DayOff, Title: "国庆节"})
	a.SetOverride(calendar.DateOverride{Date: calendar.NewDate(2026, 9, 27), Kind: calendar.Workday, Title: "上班(补国庆节假期)"})
	a.SetOverride(calendar.DateOverride{Date: calendar.NewDate(2026, 12, 31), Kind: calendar.SpecialHours,
		Hours: []calendar.ClockRange{{Start: calendar.NewClock(8, 30), End: calendar.NewClock(12, 0)}}})
	for range 2 { // saving again replaces, never duplicates
		if err := db.SaveAvailability(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.Availability(ctx, leader.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, a) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, a)
	}
	a.LeaderID = 999
	if err := db.SaveAvailability(ctx, a); !errors.Is(err, calendar.ErrNotFound) {
		t.Errorf("unknown leader: %v, want ErrNotFound", err)
	}
}

func TestOverrideLogRoundTrip(t *testing.T) {
	db := openTemp(t)
	leader := addLeader(t, db, "Leader")
	at := time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)
	for i, who := range []string{"王秘书", "李主任"} {
		r := calendar.OverrideRecord{LeaderID: leader.ID, EngagementUID: "u@anteroom", Title: "会见", Start: at,
			At: at.Add(time.Duration(i) * time.Minute), Who: who, Reason: "领导同意", Rules: []calendar.Rule{calendar.RuleOverlap, calendar.RuleBlocked}}
		if err := db.LogOverride(ctx, &r); err != nil || r.ID == 0 {
			t.Fatalf("LogOverride: %v, id %d", err, r.ID)
		}
	}
	log, err := db.OverrideLog(ctx, leader.ID)
	if err != nil || len(log) != 2 {
		t.Fatalf("OverrideLog = %+v, %v", log, err)
	}
	if log[0].Who != "李主任" || !reflect.DeepEqual(log[1].Rules, []calendar.Rule{calendar.RuleOverlap, calendar.RuleBlocked}) || !log[1].At.Equal(at) {
		t.Errorf("log %+v", log)
	}
}
