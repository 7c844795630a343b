package review_test

import (
	"context"
	"testing"

	"anteroom/calendar"
	"anteroom/calendar/review"
)

// Carrying a tentative item over books it tentative again, with its
// class, kind, organiser and notes, whether into a slot at once or from
// the to-schedule list later.
func TestCarryKeepsStatusClassKindOrganiserAndNotes(t *testing.T) {
	ctx := context.Background()
	d := newReviewDesk(t)
	for _, viaList := range []bool{false, true} {
		e := calendar.Engagement{LeaderID: d.leader.ID, Kind: calendar.KindActivity, Title: "走访试点企业甲", Location: "城南",
			Notes: "请发改局陪同", Organiser: "县发改局", Start: at(26, 9, 0), End: at(26, 10, 0), ZoneName: "Asia/Shanghai",
			Status: calendar.StatusTentative, Classification: calendar.ClassConfidential}
		if viaList {
			e.Title, e.Start, e.End = "走访试点企业乙", at(26, 14, 0), at(26, 15, 0)
		}
		if err := d.svc.Save(ctx, &e); err != nil {
			t.Fatal(err)
		}
		it := d.item(w48, e.Title)
		res, err := d.rv.Carry(ctx, d.leader.ID, w48, it.Ref, review.CarryTo{List: viaList}, "领导出差", secretary)
		if err != nil {
			t.Fatal(err)
		}
		booked := res.Booked
		if viaList {
			if booked != nil {
				t.Fatalf("put on the list, yet booked: %+v", booked)
			}
			d.now = friday16.AddDate(0, 0, 7)
			next := d.item(w48.Next(), e.Title)
			if next.Ref.Kind != review.RefToSchedule {
				t.Fatalf("%s is %+v, want a to-schedule entry", e.Title, next.Ref)
			}
			res, err := d.rv.Carry(ctx, d.leader.ID, w48.Next(), next.Ref, review.CarryTo{}, "", secretary)
			if err != nil || res.Booked == nil {
				t.Fatalf("booking from the list: %+v, %v", res, err)
			}
			booked = res.Booked
		}
		got, err := d.svc.Engagement(ctx, booked.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != calendar.StatusTentative || got.Classification != calendar.ClassConfidential || got.Kind != calendar.KindActivity ||
			got.Organiser != "县发改局" || got.Notes != "请发改局陪同" || got.Location != "城南" {
			t.Errorf("via the list %v: carried as %s %s %s, organiser %q, notes %q, location %q; want tentative confidential activity 县发改局 请发改局陪同 城南",
				viaList, got.Status, got.Classification, got.Kind, got.Organiser, got.Notes, got.Location)
		}
	}
}
