package ui

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/assets"
	"anteroom/calendar"
	"anteroom/calendar/desk"
	"anteroom/calendar/imports"
	"anteroom/calendar/review"
	"anteroom/data"
)

// From Leaders → Manage leaders the first leader is renamed and moved to
// another zone, the order changes, a leader who leaves is archived (gone
// from the picker, their week still shown on request), and the last one
// in use cannot be archived.
func TestLeadersRenamedMovedAndArchivedThroughTheDialog(t *testing.T) {
	d := newDesk(t)
	ctx := context.Background()
	li := calendar.Leader{Name: "李市长", ZoneName: "Asia/Shanghai", Order: 1}
	if err := d.svc.AddLeader(ctx, &li); err != nil {
		t.Fatal(err)
	}
	e := calendar.Engagement{LeaderID: li.ID, Title: "市政府常务会", Start: monday10.Add(5 * time.Hour), End: monday10.Add(6 * time.Hour),
		ZoneName: "Asia/Shanghai"}
	if err := d.svc.Save(ctx, &e); err != nil {
		t.Fatal(err)
	}
	dlg := d.m.openLeaders()
	if len(dlg.rows) != 2 || dlg.rows[0].leader.Name != "张书记" || !dlg.rows[0].up.Disabled() || !dlg.rows[1].down.Disabled() {
		t.Fatalf("dialog rows: %d", len(dlg.rows))
	}

	first := dlg.rows[0]
	first.name.SetText("")
	test.Type(first.name, "王书记")
	first.zone.SetText("Asia/Tokyo")
	test.Tap(first.save)
	if got, _ := d.svc.Leader(ctx, d.leader.ID); got.Name != "王书记" || got.ZoneName != "Asia/Tokyo" {
		t.Fatalf("stored after rename: %+v (%s)", got, dlg.problem.Full())
	}
	if d.m.leader.Name != "王书记" || d.m.loc.String() != "Asia/Tokyo" || d.m.leaderSelect.Selected != "王书记" {
		t.Fatalf("window after rename: %s in %s, picker %q", d.m.leader.Name, d.m.loc, d.m.leaderSelect.Selected)
	}

	test.Tap(dlg.rows[0].down)
	if dlg.rows[0].leader.Name != "李市长" || dlg.rows[1].leader.Name != "王书记" {
		t.Fatalf("after moving down: %s, %s", dlg.rows[0].leader.Name, dlg.rows[1].leader.Name)
	}
	if !slices.Equal(d.m.leaderSelect.Options, []string{"李市长", "王书记"}) {
		t.Fatalf("picker after moving: %v", d.m.leaderSelect.Options)
	}

	test.Tap(dlg.rows[0].archive) // 李市长
	if got, _ := d.svc.Leader(ctx, li.ID); got.Active() {
		t.Fatalf("李市长 not archived (%s)", dlg.problem.Full())
	}
	if !slices.Equal(d.m.leaderSelect.Options, []string{"王书记"}) {
		t.Fatalf("the picker still offers the archived leader: %v", d.m.leaderSelect.Options)
	}
	test.Tap(dlg.rows[1].archive) // 王书记, the last in use
	if !dlg.problem.Visible() || dlg.problem.Full() == "" {
		t.Fatal("archiving the last leader in use was not refused")
	}
	if got, _ := d.svc.Leader(ctx, d.leader.ID); !got.Active() {
		t.Fatal("the last leader in use was archived")
	}

	test.Tap(dlg.rows[0].show) // the archived 李市长's week stays readable
	if d.m.leader.ID != li.ID || len(d.m.items) != 1 || d.m.items[0].Title != "市政府常务会" {
		t.Fatalf("showing the archived leader: %s with %d items", d.m.leader.Name, len(d.m.items))
	}
}

// A fresh database opens with a dialog that asks for the leader's name and
// zone, then offers the sample week.
func TestFirstRunAsksForTheLeaderBeforeTheSampleWeek(t *testing.T) {
	a := test.NewTempApp(t)
	if err := assets.LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	db, err := data.Open(filepath.Join(t.TempDir(), "anteroom.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	svc := calendar.NewService(db)
	svc.SetClock(func() time.Time { return monday10 })
	dk := desk.NewService(svc, db.Desk(), filepath.Join(t.TempDir(), "files"))
	win := test.NewTempWindow(t, nil)
	win.Resize(fyne.NewSize(1024, 700))
	m, err := newMainWindow(a, win, Services{Booking: svc, Desk: dk, Review: review.NewService(svc, dk, db.Review()), Imports: imports.NewService(svc, db)})
	if err != nil {
		t.Fatal(err)
	}
	f := m.firstRun
	if f == nil || f.zone.Text == "" {
		t.Fatal("a fresh database opened without the first-run dialog")
	}
	test.Type(f.name, "王书记")
	f.zone.SetText("Asia/Tokyo")
	test.Tap(f.sample)
	ls, _ := svc.Leaders(context.Background())
	if len(ls) != 1 || ls[0].Name != "王书记" || ls[0].ZoneName != "Asia/Tokyo" {
		t.Fatalf("leaders after the first run: %+v (%s)", ls, f.problem.Full())
	}
	if m.leader.Name != "王书记" || m.loc.String() != "Asia/Tokyo" || len(m.items) == 0 {
		t.Fatalf("window after the first run: %s in %s, %d items", m.leader.Name, m.loc, len(m.items))
	}

	// Opened again, the database is not fresh: no dialog.
	again, err := newMainWindow(a, test.NewTempWindow(t, nil), Services{Booking: svc, Desk: dk, Review: review.NewService(svc, dk, db.Review()), Imports: imports.NewService(svc, db)})
	if err != nil || again.firstRun != nil {
		t.Fatalf("second start: first-run dialog %v (%v)", again.firstRun != nil, err)
	}
}
