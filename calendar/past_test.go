package calendar_test

import (
	"context"
	"testing"
	"time"

	"anteroom/calendar"
)

func pastFindings(fs []calendar.Finding) []calendar.Finding {
	var out []calendar.Finding
	for _, f := range fs {
		if f.Rule == calendar.RulePast {
			out = append(out, f)
		}
	}
	return out
}

// Booking into time already gone warns, without blocking; editing an old
// engagement without moving it does not; moving it into the past does.
func TestBookingInThePastWarns(t *testing.T) {
	ctx := context.Background()
	svc, ls := newService(t, "Asia/Shanghai") // now: Friday 20 Nov 2026, 17:00 in Shanghai
	sh := mustZone(t, "Asia/Shanghai")
	at := func(day, hour int) calendar.Engagement {
		s := time.Date(2026, 11, day, hour, 0, 0, 0, sh)
		return calendar.Engagement{LeaderID: ls[0].ID, Kind: calendar.KindMeeting, Title: "情况通报会", Start: s, End: s.Add(time.Hour),
			Status: calendar.StatusConfirmed, Classification: calendar.ClassInternal, ZoneName: "Asia/Shanghai"}
	}
	check := func(e calendar.Engagement) []calendar.Finding {
		t.Helper()
		fs, err := svc.Check(ctx, ls[0], e)
		if err != nil {
			t.Fatal(err)
		}
		return fs
	}

	yesterday := at(19, 10)
	fs := check(yesterday)
	past := pastFindings(fs)
	if len(past) != 1 || past[0].Severity != calendar.SeverityWarn || calendar.Blocking(fs) {
		t.Fatalf("booking yesterday: findings %v, want one warning of the past and nothing blocking", fs)
	}
	if got := past[0].Message(); got != "starts 2026-11-19 10:00, before now" {
		t.Fatalf("message %q", got)
	}
	if len(pastFindings(check(at(20, 16)))) != 1 {
		t.Fatal("booking an hour ago gave no warning")
	}
	if got := pastFindings(check(at(20, 18))); len(got) != 0 {
		t.Fatalf("booking in an hour warns of the past: %v", got)
	}

	if err := svc.Save(ctx, &yesterday); err != nil {
		t.Fatal(err)
	}
	noted := yesterday
	noted.Notes = "会议纪要已发"
	if got := pastFindings(check(noted)); len(got) != 0 {
		t.Fatalf("editing yesterday's meeting without moving it warns: %v", got)
	}
	moved := yesterday
	moved.Start, moved.End = moved.Start.Add(-24*time.Hour), moved.End.Add(-24*time.Hour)
	if len(pastFindings(check(moved))) != 1 {
		t.Fatal("moving an engagement further into the past gave no warning")
	}

	allDay := func(d int) calendar.Engagement {
		e := at(d, 0)
		e.AllDay, e.StartDay, e.EndDay = true, calendar.NewDate(2026, 11, d), calendar.NewDate(2026, 11, d+1)
		return e
	}
	if got := pastFindings(check(allDay(20))); len(got) != 0 {
		t.Fatalf("an all-day item today warns of the past: %v", got)
	}
	if len(pastFindings(check(allDay(19)))) != 1 {
		t.Fatal("an all-day item yesterday gave no warning")
	}
}
