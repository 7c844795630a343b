package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

// The detail pane says in words what the stripes say in colour: whom an
// engagement clashes with, and why it was booked over the rules; in the
// week and in the month, in Chinese for a zh-CN user.
func TestDetailPaneSaysClashesAndOverridesInWords(t *testing.T) {
	speaking(t, "zh_CN.UTF-8")
	d := newDesk(t)
	ctx := context.Background()
	d.book("单独的会", calendar.KindMeeting, monday10.Add(4*time.Hour), time.Hour)
	d.book("先订的会", calendar.KindMeeting, monday10, time.Hour)
	second := calendar.Engagement{LeaderID: d.leader.ID, Title: "硬插的会", Kind: calendar.KindMeeting,
		Start: monday10.Add(30 * time.Minute), End: monday10.Add(90 * time.Minute)}
	if _, err := d.svc.SaveWithOverride(ctx, &second, "书记临时交办", "秘书甲"); err != nil {
		t.Fatal(err)
	}
	d.m.reload()
	p := d.m.detail
	says := func(where string, b *block, want string) {
		t.Helper()
		if b == nil {
			t.Fatalf("%s: no block", where)
		}
		test.Tap(b)
		if p.shown == nil || p.shown.Title != b.item.Title {
			t.Fatalf("%s: clicking %s did not show it in the detail pane", where, b.item.Title)
		}
		got := ""
		if p.marks.Visible() {
			got = p.marks.Full()
		}
		if got != want {
			t.Fatalf("%s: the detail pane of %s says %q, want %q", where, b.item.Title, got, want)
		}
	}
	says("week", d.blockTitled("单独的会"), "")
	says("week", d.blockTitled("先订的会"), "与“硬插的会”时间冲突")
	says("week", d.blockTitled("硬插的会"), "与“先订的会”时间冲突\n按领导要求超规则安排：书记临时交办")

	d.m.setView(viewMonth)
	var bar *block
	for _, b := range d.monthCell(calendar.DateOf(monday10)).shown {
		if b.item.Title == "硬插的会" {
			bar = b
		}
	}
	says("month", bar, "与“先订的会”时间冲突\n按领导要求超规则安排：书记临时交办")
}

// Many clashes are named up to three, the rest counted.
func TestClashLinesNameThreeAndCountTheRest(t *testing.T) {
	speaking(t, "en_US.UTF-8")
	lines := markLines(blockMark{clash: true, clashWith: []string{"A", "B", "C", "D", "E"}, overridden: true, reason: "imported from x.ics"})
	if len(lines) != 2 || lines[0] != "Clashes with “A”, “B”, “C” and 2 more" || lines[1] != "Booked over the rules: imported from x.ics" {
		t.Fatalf("lines %q", lines)
	}
	if got := overrideReasonText(calendar.OverrideRecord{Reason: "import 会议.ics"}); got != "imported from 会议.ics" {
		t.Fatalf("an import's override reads %q", got)
	}
}
