package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// TestAgendaLinesAreFmtsLines: the agenda builds its lines in one buffer;
// they are, byte for byte, the lines fmt made of the same items ("  %-11s
// %s", then " @ place", then " [Status]"): all-day and timed items, every
// status, with and without a place, and text a terminal would obey.
func TestAgendaLinesAreFmtsLines(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	at := func(day, h, m int) time.Time { return time.Date(2026, 12, day, h, m, 0, 0, loc) }
	items := []calendar.Engagement{
		{Title: "年终总结会", AllDay: true, StartDay: calendar.DateOf(at(7, 0, 0)), EndDay: calendar.DateOf(at(8, 0, 0)),
			Start: at(7, 0, 0), End: at(8, 0, 0), Status: calendar.StatusConfirmed},
		{Title: "听取财政预算执行情况汇报", Location: "第1会议室", Start: at(7, 9, 0), End: at(7, 10, 30), Status: calendar.StatusTentative},
		{Title: "Budget review\x1b[31m", Start: at(7, 14, 0), End: at(7, 15, 0), Status: calendar.StatusCancelled},
		{Title: "会见华东电力公司", Location: "行政中心\x07三楼", Start: at(8, 23, 30), End: at(9, 0, 30), Status: calendar.StatusConfirmed},
		{Title: "Lunch", AllDay: true, StartDay: calendar.DateOf(at(9, 0, 0)), EndDay: calendar.DateOf(at(11, 0, 0)),
			Start: at(9, 0, 0), End: at(11, 0, 0), Status: calendar.StatusTentative},
	}
	var got bytes.Buffer
	writeAgenda(&got, items, calendar.Leader{Name: "张书记"}, loc)

	var want strings.Builder
	fmt.Fprintf(&want, "%s (%s)\n", "张书记", loc)
	var day calendar.Date
	for _, e := range items {
		d := calendar.DateOf(e.Start.In(loc))
		if e.AllDay {
			d = e.StartDay
		}
		if d != day {
			day = d
			fmt.Fprintf(&want, "\n%s %s\n", d, lang.L(d.Weekday().String()[:3]))
		}
		when := lang.L("All day")
		if !e.AllDay {
			when = e.Start.In(loc).Format("15:04") + "–" + e.End.In(loc).Format("15:04")
		}
		line := fmt.Sprintf("  %-11s %s", when, terminalText(e.Title))
		if e.Location != "" {
			line += " @ " + terminalText(e.Location)
		}
		if e.Status != calendar.StatusConfirmed {
			line += " [" + lang.L(capitalize(string(e.Status))) + "]"
		}
		fmt.Fprintln(&want, line)
	}
	if got.String() != want.String() {
		t.Errorf("agenda lines:\n%s\nwant fmt's:\n%s", got.String(), want.String())
	}
	if strings.ContainsAny(got.String(), "\x1b\x07") {
		t.Errorf("a control character reached the terminal:\n%q", got.String())
	}
}
