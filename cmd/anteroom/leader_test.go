package main

import (
	"strings"
	"testing"
)

// A fresh database is set up from the shell alone: leaders, their order
// and zones, and the available time the booking rules use.
func TestFreshDatabaseSetUpFromTheCommandLine(t *testing.T) {
	db := tempDB(t)
	monday := aheadMonday()
	if code, _, errOut := anteroom(t, "--db", db, "add", "--title", "x", "--start", day(monday, 0)+" 09:00", "--end", day(monday, 0)+" 10:00"); code != 1 || !strings.Contains(errOut, "leader add") {
		t.Fatalf("add before any leader: exit %d, %q; want the way to add one", code, errOut)
	}
	zhang := strings.TrimSpace(mustRun(t, "--db", db, "leader", "add", "--name", "张书记", "--zone", "Asia/Shanghai"))
	li := decode[leaderJSON](t, mustRun(t, "--db", db, "leader", "add", "--name", "Li", "--zone", "Europe/Berlin", "--json"))
	if zhang != "1" || li.ID != 2 || li.Zone != "Europe/Berlin" || li.Order != 1 {
		t.Fatalf("leader add: %q, %+v", zhang, li)
	}
	edited := decode[leaderJSON](t, mustRun(t, "--db", db, "leader", "edit", "2", "--name", "李市长", "--zone", "Asia/Shanghai", "--order", "0", "--json"))
	if edited.Name != "李市长" || edited.Zone != "Asia/Shanghai" || edited.Order != 0 {
		t.Fatalf("leader edit: %+v", edited)
	}
	mustRun(t, "--db", db, "leader", "edit", "张书记", "--order", "1")
	list := decode[[]leaderJSON](t, mustRun(t, "--db", db, "leader", "list", "--json"))
	if len(list) != 2 || list[0].Name != "李市长" || list[1].Name != "张书记" {
		t.Fatalf("leader list: %+v", list)
	}

	// Saturday mornings, a day off on Monday, a longer buffer and a daily cap.
	hours := decode[availabilityJSON](t, mustRun(t, "--db", db, "leader", "hours", "1", "--sat", "09:00-12:00", "--day-off", day(monday, 0),
		"--title", "调休", "--buffer", "visit=30m", "--notice", "meeting=0", "--daily-cap", "2", "--json"))
	if hours.Week["sat"] != "09:00-12:00" || hours.Week["mon"] != "08:30-12:00,14:00-17:30" || len(hours.Overrides) != 1 ||
		hours.Overrides[0].Kind != "day_off" || hours.Rules["visit"].BufferMinutes != 30 || hours.DailyCap != 2 || hours.WeeklyCap != 6 {
		t.Fatalf("leader hours: %+v", hours)
	}
	if again := decode[availabilityJSON](t, mustRun(t, "--db", db, "leader", "hours", "张书记", "--json")); again.Week["sat"] != "09:00-12:00" || again.DailyCap != 2 {
		t.Fatalf("leader hours not kept: %+v", again)
	}
	// The rules use them: Saturday 10:00 is free for 张书记, Monday is off.
	if code, out, errOut := anteroom(t, "--db", db, "check", "--leader", "张书记", "--start", day(monday, 5)+" 10:00", "--end", day(monday, 5)+" 11:00"); code != 0 {
		t.Fatalf("check Saturday 10:00: exit %d, %s %s", code, out, errOut)
	}
	if code, out, _ := anteroom(t, "--db", db, "check", "--leader", "张书记", "--start", day(monday, 0)+" 10:00", "--end", day(monday, 0)+" 11:00"); code != exitFindings || !strings.Contains(out, "调休") {
		t.Fatalf("check the day off: exit %d, %s", code, out)
	}
	mustRun(t, "--db", db, "add", "--leader", "张书记", "--title", "周六调研", "--start", day(monday, 5)+" 09:00", "--end", day(monday, 5)+" 11:00")
	if items := agenda(t, db, "--leader", "张书记", "--from", day(monday, 5), "--to", day(monday, 5)); len(items) != 1 || items[0].Title != "周六调研" {
		t.Fatalf("agenda: %+v", items)
	}
	mustRun(t, "--db", db, "leader", "hours", "1", "--clear", day(monday, 0), "--weekdays", "09:00-17:00", "--sun", "off")
	if h := decode[availabilityJSON](t, mustRun(t, "--db", db, "leader", "hours", "1", "--json")); len(h.Overrides) != 0 || h.Week["tue"] != "09:00-17:00" {
		t.Fatalf("after --clear and --weekdays: %+v", h)
	}

	// Mistakes name the flag and what is wrong, and change nothing.
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"leader", "add"}, "--name"},
		{[]string{"leader", "add", "--name", "张书记"}, "--name"},
		{[]string{"leader", "add", "--name", "王", "--zone", "Mars/Base"}, "Mars/Base"},
		{[]string{"leader", "edit", "9"}, "9"},
		{[]string{"leader", "edit", "1"}, "--name"},
		{[]string{"leader", "edit", "1", "--name", "李市长"}, "--name"},
		{[]string{"leader", "edit", "1", "--order", "-1"}, "--order"},
		{[]string{"leader", "hours", "1", "--mon", "25:00-26:00"}, "--mon"},
		{[]string{"leader", "hours", "1", "--tue", "12:00-09:00"}, "--tue"},
		{[]string{"leader", "hours", "1", "--special", day(monday, 1)}, "--special"},
		{[]string{"leader", "hours", "1", "--buffer", "lunch=10m"}, "--buffer"},
		{[]string{"leader", "hours", "1", "--notice", "visit=99"}, "--notice"},
		{[]string{"leader", "hours", "1", "--weekly-cap", "-3"}, "--weekly-cap"},
		{[]string{"leader", "hours", "无此人"}, "无此人"},
	}
	for _, c := range cases {
		code, _, errOut := anteroom(t, append([]string{"--db", db}, c.args...)...)
		if code != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want 1 naming %s", c.args, code, errOut, c.want)
		}
	}
	if h := decode[availabilityJSON](t, mustRun(t, "--db", db, "leader", "hours", "1", "--json")); h.Week["mon"] != "09:00-17:00" || h.Rules["visit"].NoticeDays != 1 {
		t.Fatalf("a refused change was kept: %+v", h)
	}
}
