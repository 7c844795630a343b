package data

import (
	"testing"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

// TestOverridesAreNeverLooserThanTheirSeries: an override that says no
// CLASS takes its series' classification, in the same file or a later
// one; one that says less is raised to its series'; an occurrence edited
// here cannot be made looser; and a series made stricter after its
// overrides were stored hides them too in what other offices get.
func TestOverridesAreNeverLooserThanTheirSeries(t *testing.T) {
	im := newImporter(t)
	conf, internal, public := calendar.ClassConfidential, calendar.ClassInternal, calendar.ClassPublic
	override := func(uid string, rid, start time.Time, class calendar.Classification) imports.Incoming {
		o := im.item(uid, "改期 "+uid, start, 0)
		o.Engagement.RecurrenceID, o.Engagement.Classification = rid, class
		return o
	}
	series := im.item("s@x", "机密例会", im.at(23, 9), 0)
	series.Engagement.RRule, series.Engagement.Classification = "FREQ=DAILY;COUNT=5", conf
	silent := override("s@x", im.at(24, 9), im.at(24, 15), "")
	looser := override("s@x", im.at(25, 9), im.at(25, 16), public)
	if res, p := im.apply(silent, series, looser); res.New != 3 {
		t.Fatalf("series and overrides: %s %+v", actions(p), res)
	}
	later := override("s@x", im.at(26, 9), im.at(26, 17), "")
	if res, p := im.apply(later); res.New != 1 {
		t.Fatalf("override alone: %s %+v", actions(p), res)
	}
	// An invitation to one occurrence, stored alone as internal, then its
	// confidential series with it again.
	orphan := override("o@x", im.at(27, 10), im.at(27, 11), "")
	im.apply(orphan)
	oSeries := im.item("o@x", "机密系列", im.at(23, 10), 1)
	oSeries.Engagement.RRule, oSeries.Engagement.Classification = "FREQ=DAILY;COUNT=7", conf
	orphan.Engagement.Sequence = 1
	if res, p := im.apply(oSeries, orphan); res.New != 1 || res.Updated != 1 {
		t.Fatalf("series of the orphan: %s %+v", actions(p), res)
	}

	// A series stored internal with its override; a newer version makes
	// the series alone confidential.
	plain := im.item("p@x", "例会", im.at(23, 18), 0)
	plain.Engagement.RRule = "FREQ=DAILY;COUNT=5"
	im.apply(plain, override("p@x", im.at(24, 18), im.at(24, 19), ""))
	plain.Engagement.Sequence, plain.Engagement.Classification = 1, conf
	if res, p := im.apply(plain); res.Updated != 1 {
		t.Fatalf("series made confidential: %s %+v", actions(p), res)
	}

	stored := map[string]calendar.Classification{} // UID and day → stored classification
	agenda, err := im.svc.Agenda(ctx, im.leader, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 11, 29))
	if err != nil {
		t.Fatal(err)
	}
	overrides := 0
	for _, e := range agenda {
		if e.Classification != conf {
			t.Errorf("agenda: %s %s is %s", e.Start.In(im.loc).Format("02 15:04"), e.Title, e.Classification)
		}
		if e.ID != 0 && e.SeriesID != 0 {
			overrides++
			row, err := im.db.Engagement(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			stored[e.UID+" "+e.Start.In(im.loc).Format("02")] = row.Classification
		}
	}
	// Stored as confidential by the import; only the override of the
	// series made stricter afterwards stays internal in the row.
	want := map[string]calendar.Classification{"s@x 24": conf, "s@x 25": conf, "s@x 26": conf, "o@x 27": conf, "p@x 24": internal}
	if overrides != len(want) {
		t.Fatalf("%d overrides in the agenda, want %d: %v", overrides, len(want), stored)
	}
	for k, c := range want {
		if stored[k] != c {
			t.Errorf("override %s stored as %q, want %q", k, stored[k], c)
		}
	}
	items, err := im.svc.ExportItems(ctx, []int64{im.leader.ID}, calendar.NewDate(2026, 11, 23), calendar.NewDate(2026, 11, 29))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range items {
		if e.Classification != conf {
			t.Errorf("export: %s %s is %s", e.UID, e.Title, e.Classification)
		}
	}

	// Edited here: an occurrence of a confidential series cannot be saved
	// as public.
	var occ calendar.Engagement
	for _, e := range agenda {
		if e.UID == "s@x" && e.ID == 0 && e.Start.Equal(im.at(27, 9)) {
			occ = e
		}
	}
	occ.Title, occ.Classification = "改为公开", public
	if err := im.svc.SaveOccurrence(ctx, &occ); err != nil {
		t.Fatal(err)
	}
	if row, err := im.db.Engagement(ctx, occ.ID); err != nil || row.Classification != conf {
		t.Fatalf("occurrence saved as public: %+v %v", row.Classification, err)
	}
}
