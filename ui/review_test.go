package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/review"
)

// friday16 is the review's "now": Friday 27 November 2026, 16:00 in
// Shanghai, the week of monday10 (2026-W48).
var (
	friday16 = time.Date(2026, 11, 27, 16, 0, 0, 0, monday10.Location())
	w48      = calendar.Week{Year: 2026, Number: 48}
)

// newReviewTestDesk is the desk with the sample week, received briefing
// materials, the clock on Friday afternoon, and the review window open.
func newReviewTestDesk(t *testing.T) (*uiDesk, *weekDesk, *reviewWindow) {
	t.Helper()
	d := newDesk(t)
	ctx := context.Background()
	d.m.loadSampleWeek()
	m := desk.Material{LeaderID: d.leader.ID, Title: "新能源项目进展汇报", From: "华东电力公司"}
	if err := d.dk.AddMaterial(ctx, &m, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	if err := d.dk.ReceiveMaterial(ctx, m.ID, desk.Receipt{Copies: 2}, "秘书甲"); err != nil {
		t.Fatal(err)
	}
	d.svc.SetClock(func() time.Time { return friday16 })
	wd := newWeekDesk(d.m)
	return d, wd, wd.openReview()
}

// tapIn taps the button labelled text in the topmost dialog of win.
func tapIn(t *testing.T, win fyne.Window, text string) {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q in", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q in the open dialog", text)
}

// decision is the Decision column's text of the row titled title.
func (rw *reviewWindow) decision(t *testing.T, title string) string {
	t.Helper()
	i, ok := rw.row(title)
	if !ok {
		t.Fatalf("no row %q in %v", title, rw.table.rows)
	}
	return rw.table.cols[3].text(rw.table.rows[i])
}

func TestFridayReviewThroughTheUI(t *testing.T) {
	d, wd, rw := newReviewTestDesk(t)
	ctx := context.Background()
	if len(rw.table.rows) != 12 || rw.week != w48 || rw.banner.Visible() || rw.closeBtn.Disabled() {
		t.Fatalf("review of %s opened with %d rows (banner %v)", rw.week, len(rw.table.rows), rw.banner.Visible())
	}
	if !strings.Contains(rw.weekLabel.Text, "2026-W48") || !strings.Contains(rw.summary.Text, "12") {
		t.Fatalf("heading %q, summary %q", rw.weekLabel.Text, rw.summary.Text)
	}

	// Mark: done with a note.
	if !rw.open("周一例会") || rw.detail.item == nil || rw.detail.title.Text != "周一例会" {
		t.Fatal("clicking 周一例会 did not open it")
	}
	test.Type(rw.detail.note, "已形成会议纪要")
	test.Tap(rw.detail.doneBtn)
	if got := rw.decision(t, "周一例会"); got != tr("Done")+": 已形成会议纪要" {
		t.Fatalf("decision %q", got)
	}
	if !rw.detail.doneBtn.Disabled() || !rw.detail.carryBtn.Disabled() {
		t.Fatal("a decided item still offers Done and Carry over")
	}

	// Carry: the dialog offers the engine's free slots next week; the first is taken.
	rw.open("会见台商投资协会代表")
	test.Type(rw.detail.note, "对方改期")
	test.Tap(rw.detail.carryBtn)
	cd := rw.carry
	if cd == nil || len(cd.slots) == 0 || cd.choice.Selected != cd.choice.Options[0] || cd.choice.Options[len(cd.choice.Options)-1] != listOption() {
		t.Fatalf("carry dialog: %+v", cd)
	}
	slot := cd.slots[0]
	if calendar.WeekOf(calendar.DateOf(slot.Start.In(d.m.loc))) != w48.Next() || slot.End.Sub(slot.Start) != time.Hour {
		t.Fatalf("first slot offered %v–%v, want an hour next week", slot.Start, slot.End)
	}
	test.Tap(cd.carryBtn)
	if got := rw.decision(t, "会见台商投资协会代表"); !strings.HasPrefix(got, tr("Carried over")+" → ") || !strings.HasSuffix(got, "对方改期") {
		t.Fatalf("decision %q", got)
	}
	next, _ := d.svc.Agenda(ctx, d.leader, w48.Next().Monday(), w48.Next().Sunday())
	var carried *calendar.Engagement
	for i, e := range next {
		if e.Title == "会见台商投资协会代表" {
			carried = &next[i]
		}
	}
	if carried == nil || !carried.Start.Equal(slot.Start) {
		t.Fatalf("next week %+v has no visit at %v", next, slot.Start)
	}
	if fs, err := d.svc.Check(ctx, d.leader, *carried); err != nil || len(fs) != 0 {
		t.Fatalf("the engine has findings on the carried visit: %v, %v", fs, err)
	}

	// Carry onto the to-schedule list.
	rw.open("防汛工作专题会")
	test.Tap(rw.detail.carryBtn)
	rw.carry.chooseList()
	test.Tap(rw.carry.carryBtn)
	if got := rw.decision(t, "防汛工作专题会"); !strings.Contains(got, "(T2)") {
		t.Fatalf("decision %q, want the to-schedule entry T2", got)
	}

	// Archive: received materials need the leader's instructions.
	rw.open("新能源项目进展汇报")
	test.Tap(rw.detail.doneBtn)
	if !rw.detail.problem.Visible() || rw.table.rows[0].item.Mark == nil {
		t.Fatalf("materials done without instructions: problem %q", rw.detail.problem.Full())
	}
	test.Type(rw.detail.note, "同意，请发改局牵头")
	test.Tap(rw.detail.doneBtn)
	ms, _ := d.dk.Materials(ctx, d.leader.ID, desk.MaterialArchived)
	if len(ms) != 1 || ms[0].Instructions != "同意，请发改局牵头" || rw.detail.problem.Visible() {
		t.Fatalf("archived materials %+v; problem %q", ms, rw.detail.problem.Full())
	}

	// Close: the rest is marked done, once confirmed.
	test.Tap(rw.closeBtn)
	tapIn(t, rw.win, tr("Close review"))
	rec, err := d.rv.Review(ctx, d.leader.ID, w48)
	if err != nil || rec.Done != 10 || rec.Carried != 2 || rec.Archived != 1 || rec.By != d.m.user {
		t.Fatalf("recorded review %+v, %v", rec, err)
	}
	if !rw.banner.Visible() || !rw.closeBtn.Disabled() || !strings.Contains(rw.summary.Text, "0") {
		t.Fatalf("closed review: banner %v %q, close button enabled %v", rw.banner.Visible(), rw.banner.Text, !rw.closeBtn.Disabled())
	}

	// Reopened, it reads only.
	rw.win.Close()
	rw = wd.openReview()
	if !rw.rv.Closed() || len(rw.table.rows) != 12 || !rw.banner.Visible() {
		t.Fatalf("reopened: closed %v, %d rows", rw.rv.Closed(), len(rw.table.rows))
	}
	rw.open("县委常委会")
	if !rw.detail.doneBtn.Disabled() || !rw.detail.carryBtn.Disabled() || !rw.detail.note.Disabled() || rw.decision(t, "县委常委会") != tr("Done") {
		t.Fatal("a closed review still takes decisions")
	}

	// Next week: the carried items, counted; no duplicate.
	rw.showWeek(w48.Next())
	n := 0
	for _, r := range rw.table.rows {
		if r.item.Title() == "会见台商投资协会代表" {
			n++
			if carriedText(r.item) != "×1" {
				t.Errorf("carried count %q", carriedText(r.item))
			}
		}
	}
	if n != 1 {
		t.Fatalf("the carried visit shows %d times next week", n)
	}
	if _, ok := rw.row("防汛工作专题会"); !ok {
		t.Fatal("the to-schedule entry is not in next week's review")
	}
}

func TestAnItemCarriedThreeTimesStandsOutInTheReview(t *testing.T) {
	d, _, rw := newReviewTestDesk(t)
	ctx := context.Background()
	w := w48
	ref := review.ItemRef{}
	for _, it := range rw.rv.Items {
		if it.Title() == "安全生产工作会议" {
			ref = it.Ref
		}
	}
	for range 3 {
		res, err := d.rv.Carry(ctx, d.leader.ID, w, ref, review.CarryTo{}, "领导外出", "秘书甲")
		if err != nil || res.Booked == nil {
			t.Fatalf("carry in %s: %+v, %v", w, res, err)
		}
		ref, w = review.RefOf(*res.Booked), w.Next()
	}
	rw.showWeek(w)
	i, ok := rw.row("安全生产工作会议")
	if !ok {
		t.Fatalf("%s has no 安全生产工作会议", w)
	}
	r := rw.table.rows[i]
	if carriedText(r.item) != "‼ ×3" || rw.table.cols[2].importance(r) != widget.DangerImportance {
		t.Fatalf("carried three times shows %q", carriedText(r.item))
	}
	rw.open("安全生产工作会议")
	if rw.detail.carried.Importance != widget.DangerImportance || len(rw.detail.history.Objects) != 3 ||
		!strings.Contains(rw.detail.history.Objects[0].(*paragraph).Full(), "2026-W48") {
		t.Fatalf("detail: %q, history %d lines", rw.detail.carried.Full(), len(rw.detail.history.Objects))
	}
}

func TestCarryIntoASlotTakenMeanwhileSaysSoAndKeepsTheDialog(t *testing.T) {
	d, _, rw := newReviewTestDesk(t)
	rw.open("安全生产工作会议")
	test.Tap(rw.detail.carryBtn)
	cd := rw.carry
	s := cd.slots[0]
	d.book("临时会议", calendar.KindMeeting, s.Start, time.Hour) // someone else takes it first
	test.Tap(cd.carryBtn)
	if !cd.problem.Visible() || !strings.Contains(cd.problem.Full(), "临时会议") {
		t.Fatalf("problem %q", cd.problem.Full())
	}
	if i, _ := rw.row("安全生产工作会议"); rw.table.rows[i].item.Mark != nil {
		t.Fatal("a refused carry was recorded")
	}
}
