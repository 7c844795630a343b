package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

func TestUndoTheFridayReviewsDecisions(t *testing.T) {
	d, _, rw := newReviewTestDesk(t)
	ctx := context.Background()
	marks := func() int {
		t.Helper()
		rv, err := d.rv.WeekReview(ctx, d.leader.ID, w48)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, it := range rv.Items {
			if it.Mark != nil {
				n++
			}
		}
		return n
	}
	engagement := func(title string, from calendar.Date) *calendar.Engagement {
		t.Helper()
		es, err := d.svc.Agenda(ctx, d.leader, from, from.AddDays(6))
		if err != nil {
			t.Fatal(err)
		}
		for i := range es {
			if es[i].Title == title {
				return &es[i]
			}
		}
		return nil
	}

	// Done, undone.
	rw.open("周一例会")
	test.Tap(rw.detail.doneBtn)
	if marks() != 1 {
		t.Fatal("the decision was not taken")
	}
	d.undo()
	if marks() != 0 || rw.decision(t, "周一例会") != tr("To decide") {
		t.Fatalf("after Undo %d decisions, the row says %q", marks(), rw.decision(t, "周一例会"))
	}

	// Carried into a slot next week, undone: the booking goes, the origin is live again.
	before := engagement("会见台商投资协会代表", w48.Monday())
	rw.open("会见台商投资协会代表")
	test.Tap(rw.detail.carryBtn)
	test.Tap(rw.carry.carryBtn)
	if engagement("会见台商投资协会代表", w48.Next().Monday()) == nil {
		t.Fatal("the carry booked nothing next week")
	}
	if e := engagement("会见台商投资协会代表", w48.Monday()); e.Status != calendar.StatusCancelled {
		t.Fatalf("the carried origin is %s", e.Status)
	}
	d.undo()
	if e := engagement("会见台商投资协会代表", w48.Next().Monday()); e != nil {
		t.Fatalf("after Undo next week still has %+v", e)
	}
	if e := engagement("会见台商投资协会代表", w48.Monday()); e == nil || e.Status != before.Status || e.ID != before.ID {
		t.Fatalf("after Undo the origin is %+v, want %s as before", e, before.Status)
	}
	if marks() != 0 {
		t.Fatalf("after Undo %d decisions remain", marks())
	}

	// Carried onto the to-schedule list, undone: the list is empty again.
	rw.open("防汛工作专题会")
	test.Tap(rw.detail.carryBtn)
	rw.carry.chooseList()
	test.Tap(rw.carry.carryBtn)
	if list, _ := d.rv.ToSchedule(ctx, d.leader.ID); len(list) != 1 {
		t.Fatalf("to-schedule list %+v", list)
	}
	d.undo()
	if list, _ := d.rv.ToSchedule(ctx, d.leader.ID); len(list) != 0 {
		t.Fatalf("after Undo the to-schedule list has %+v", list)
	}
	if e := engagement("防汛工作专题会", w48.Monday()); e == nil || e.Status == calendar.StatusCancelled {
		t.Fatalf("after Undo the origin is %+v", e)
	}
	// Carried again after the undo: the same item can be decided anew.
	rw.open("防汛工作专题会")
	test.Tap(rw.detail.carryBtn)
	rw.carry.chooseList()
	test.Tap(rw.carry.carryBtn)
	if marks() != 1 {
		t.Fatalf("%d decisions after deciding again, want 1", marks())
	}

	// Materials filed by "done" stay filed: that undo is refused, saying why.
	rw.open("新能源项目进展汇报")
	test.Type(rw.detail.note, "请发改委研究办理")
	test.Tap(rw.detail.doneBtn)
	n := marks()
	d.undo()
	if marks() != n {
		t.Fatal("undoing a decision that filed materials took it back")
	}
	top := d.win.Canvas().Overlays().Top()
	found := false
	for _, o := range test.LaidOutObjects(top) {
		if text, ok := labelText(o); ok {
			found = found || strings.Contains(text, "M1") && strings.Contains(text, "2026-W48")
		}
	}
	if top == nil || !found {
		t.Fatal("the refusal was not shown")
	}
}
