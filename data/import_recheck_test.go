package data

import (
	"testing"
	"time"

	"anteroom/calendar"
)

// TestImportFindsClashesMonthsApart: the plan is checked a month at a
// time; a clash in a later month than the file's first item is found
// too (the checker once skipped every month after the first).
func TestImportFindsClashesMonthsApart(t *testing.T) {
	im := newImporter(t)
	later := im.at(24, 10).AddDate(0, 3, 0)
	create(t, im.db, timed(im.leader.ID, "局务会", later, time.Hour))
	p := im.plan(im.item("early@x", "早前", im.at(23, 10), 0), im.item("late@x", "外单位来访", later, 0))
	if fs := p.Items[1].Findings; len(fs) == 0 || fs[0].Rule != calendar.RuleOverlap {
		t.Fatalf("the clash three months after the first item: findings %v, want an overlap", fs)
	}
}

// TestImportChecksAgainWhatWasBookedAfterThePlan: a booking committed
// between the preview and the import is seen when the import is
// applied: the item's findings name it and the override log records the
// import's booking over it.
func TestImportChecksAgainWhatWasBookedAfterThePlan(t *testing.T) {
	im := newImporter(t)
	p := im.plan(im.item("visit@x", "外单位来访", im.at(24, 10), 0))
	if len(p.Items[0].Findings) != 0 {
		t.Fatalf("findings before the booking: %v", p.Items[0].Findings)
	}
	e := timed(im.leader.ID, "局务会", im.at(24, 10), time.Hour)
	if _, err := im.svc.SaveChecked(ctx, &e); err != nil {
		t.Fatal(err)
	}
	p.By = "秘书"
	if _, err := im.imp.ApplyImport(ctx, p); err != nil {
		t.Fatal(err)
	}
	fs := p.Items[0].Findings
	if len(fs) == 0 || fs[0].Rule != calendar.RuleOverlap || fs[0].Other == nil || fs[0].Other.Title != "局务会" {
		t.Fatalf("findings after applying: %v, want an overlap with 局务会", fs)
	}
	log, err := im.svc.OverrideLog(ctx, im.leader.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].Title != "外单位来访" || log[0].Who != "秘书" || log[0].Rules[0] != calendar.RuleOverlap {
		t.Fatalf("override log %+v, want the import's booking over the clash", log)
	}
}
