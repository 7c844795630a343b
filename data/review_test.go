package data

import (
	"errors"
	"strings"
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/review"
)

func TestOrganiserIsStoredWithTheEngagement(t *testing.T) {
	db := openTemp(t)
	l := addLeader(t, db, "张书记")
	e := timed(l.ID, "全县经济运行分析会", time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC), time.Hour)
	e.Organiser = "县发改局"
	if err := db.CreateEngagement(ctx, &e); err != nil {
		t.Fatal(err)
	}
	got, err := db.Engagement(ctx, e.ID)
	if err != nil || got.Organiser != "县发改局" {
		t.Fatalf("stored organiser %q, %v", got.Organiser, err)
	}
	got.Organiser = ""
	if err := db.UpdateEngagement(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if again, _ := db.Engagement(ctx, e.ID); again.Organiser != "" {
		t.Fatalf("organiser %q after clearing it", again.Organiser)
	}
}

func TestReviewStoreKeepsMarksCarriesAndClosedReviews(t *testing.T) {
	db := openTemp(t)
	l := addLeader(t, db, "张书记")
	e := timed(l.ID, "安全生产工作会议", time.Date(2026, 11, 27, 2, 30, 0, 0, time.UTC), 90*time.Minute)
	if err := db.CreateEngagement(ctx, &e); err != nil {
		t.Fatal(err)
	}
	w48 := calendar.Week{Year: 2026, Number: 48}
	at := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	origin := review.ItemRef{Kind: review.RefOccurrence, ID: e.ID, At: e.Start}

	c := review.CarryOver{LeaderID: l.ID, Origin: origin, FromWeek: w48, ToWeek: w48.Next(), Times: 1,
		State: review.CarryToSchedule, Kind: calendar.KindMeeting, Title: e.Title, Classification: calendar.ClassInternal,
		Length: 90 * time.Minute, Created: at, Updated: at}
	if err := db.Review().CreateCarryOver(ctx, &c); err != nil {
		t.Fatal(err)
	}
	twice := c
	twice.ID = 0
	if err := db.Review().CreateCarryOver(ctx, &twice); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("carrying the same origin twice: %v", err)
	}
	if list, err := db.Review().ToSchedule(ctx, l.ID); err != nil || len(list) != 1 || list[0].Origin.Key() != origin.Key() || list[0].Length != 90*time.Minute {
		t.Fatalf("to-schedule list %+v, %v", list, err)
	}

	c.State, c.EngagementID, c.Times = review.CarryBooked, e.ID, 2
	if err := db.Review().UpdateCarryOver(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if into, err := db.Review().CarryOversInto(ctx, []int64{e.ID, 999}); err != nil || len(into) != 1 || into[0].Times != 2 {
		t.Fatalf("carry-overs into %d: %+v, %v", e.ID, into, err)
	}
	if list, _ := db.Review().ToSchedule(ctx, l.ID); len(list) != 0 {
		t.Fatalf("a booked carry-over is still to schedule: %+v", list)
	}
	c.State = review.CarryToSchedule // booked without an engagement, or the reverse: refused
	if err := db.Review().UpdateCarryOver(ctx, &c); err == nil {
		t.Fatal("a carry-over to schedule with an engagement was stored")
	}

	m := review.ReviewMark{LeaderID: l.ID, Week: w48, Item: origin, Outcome: review.OutcomeCarried, Note: "领导出差",
		At: at, Who: "秘书甲", Title: e.Title, Kind: e.Kind, Start: e.Start, End: e.End, CarryID: c.ID}
	if err := db.Review().AddReviewMark(ctx, &m); err != nil {
		t.Fatal(err)
	}
	dup := m
	if err := db.Review().AddReviewMark(ctx, &dup); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("a second decision on the item in the same week: %v", err)
	}
	marks, err := db.Review().ReviewMarks(ctx, l.ID, w48)
	if err != nil || len(marks) != 1 || !marks[0].Item.Same(origin) || !marks[0].Start.Equal(e.Start) || marks[0].CarryID != c.ID || marks[0].Note != "领导出差" {
		t.Fatalf("marks of %s: %+v, %v", w48, marks, err)
	}
	if of, _ := db.Review().MarksOf(ctx, l.ID, []string{origin.Key(), "M1"}); len(of) != 1 {
		t.Fatalf("marks of %s: %+v", origin.Key(), of)
	}

	if _, err := db.Review().Review(ctx, l.ID, w48); !errors.Is(err, calendar.ErrNotFound) {
		t.Fatalf("an open review: %v", err)
	}
	r := review.ReviewRecord{LeaderID: l.ID, Week: w48, Closed: at, By: "秘书甲", Done: 9, Carried: 1, Archived: 1, Note: "本周基本完成"}
	if err := db.Review().CreateReview(ctx, &r); err != nil {
		t.Fatal(err)
	}
	if got, err := db.Review().Review(ctx, l.ID, w48); err != nil || got != r {
		t.Fatalf("closed review %+v, %v; want %+v", got, err, r)
	}
	if err := db.Review().CreateReview(ctx, &r); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("closing a week twice: %v", err)
	}
	// The database itself keeps a closed review as it is.
	late := review.ReviewMark{LeaderID: l.ID, Week: w48, Item: review.ItemRef{Kind: review.RefMaterial, ID: 1},
		Outcome: review.OutcomeDone, At: at, Who: "秘书乙", Title: "材料"}
	if err := db.Review().AddReviewMark(ctx, &late); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Fatalf("a decision on a closed review: %v", err)
	}
}
