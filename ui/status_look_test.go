package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
)

func (d *uiDesk) setStatus(e calendar.Engagement, s calendar.Status) {
	d.t.Helper()
	e.Status = s
	if err := d.svc.Save(context.Background(), &e); err != nil {
		d.t.Fatal(err)
	}
	d.m.reload()
}

func (d *uiDesk) menuItem(label string) *fyne.MenuItem {
	d.t.Helper()
	for _, menu := range d.win.MainMenu().Items {
		for _, it := range menu.Items {
			if it.Label == label {
				return it
			}
		}
	}
	d.t.Fatalf("no menu item %q", label)
	return nil
}

func TestCancelledIsStruckLabelledAndTakesNoWidth(t *testing.T) {
	d := newDesk(t)
	d.book("甲", calendar.KindMeeting, monday10, time.Hour)
	d.book("乙", calendar.KindMeeting, monday10, time.Hour)
	c := d.book("丙", calendar.KindMeeting, monday10, time.Hour)
	d.setStatus(c, calendar.StatusCancelled)

	colW := (d.m.grid.body.Size().Width - gutterWidth) / daysInWeek
	a, b := d.blockTitled("甲"), d.blockTitled("乙")
	if a.Size().Width < colW/2-4 || b.Size().Width < colW/2-4 {
		t.Fatalf("live blocks %v and %v wide in a %v column: the cancelled one took a lane", a.Size().Width, b.Size().Width, colW)
	}
	cb := d.blockTitled("丙")
	if cb == nil {
		t.Fatal("the cancelled engagement is not drawn")
	}
	if !strings.HasPrefix(cb.title, tr("Cancelled")) {
		t.Fatalf("cancelled block reads %q, want it labelled %q", cb.title, tr("Cancelled"))
	}
	r := test.WidgetRenderer(cb).(*blockRenderer)
	if r.strike.Hidden || r.strike.Size().Width < 4 {
		t.Fatal("the cancelled title is not struck through")
	}
	if lr := test.WidgetRenderer(a).(*blockRenderer); !lr.strike.Hidden {
		t.Fatal("a live title is struck through")
	}
	// Drawn beneath the live ones.
	objs := test.WidgetRenderer(d.m.grid.body).Objects()
	at := func(o fyne.CanvasObject) int {
		for i, x := range objs {
			if x == o {
				return i
			}
		}
		return -1
	}
	if at(cb) > at(a) || at(cb) > at(b) {
		t.Fatal("the cancelled block is drawn over live ones")
	}

	// View → Show cancelled off hides it, in the grid and the agenda.
	d.menuItem(tr("Show cancelled")).Action()
	if d.blockTitled("丙") != nil {
		t.Fatal("cancelled engagement still drawn with Show cancelled off")
	}
	for _, e := range d.m.agenda.items {
		if e.Title == "丙" {
			t.Fatal("cancelled engagement still in the agenda with Show cancelled off")
		}
	}
	if d.menuItem(tr("Show cancelled")).Checked {
		t.Fatal("the menu item stays checked")
	}
	d.menuItem(tr("Show cancelled")).Action()
	if d.blockTitled("丙") == nil {
		t.Fatal("Show cancelled on does not bring it back")
	}
}

func TestTentativeLooksDifferentFromConfirmed(t *testing.T) {
	d := newDesk(t)
	d.book("定", calendar.KindMeeting, monday10, time.Hour)
	e := d.book("暂", calendar.KindMeeting, monday10.Add(2*time.Hour), time.Hour)
	d.setStatus(e, calendar.StatusTentative)
	conf := test.WidgetRenderer(d.blockTitled("定")).(*blockRenderer)
	tent := test.WidgetRenderer(d.blockTitled("暂")).(*blockRenderer)
	if conf.bg.FillColor == tent.bg.FillColor || tent.bg.StrokeWidth == 0 {
		t.Fatal("a tentative block is drawn like a confirmed one")
	}
	if got := d.blockTitled("暂").title; got == "暂" || !strings.Contains(got, "暂") {
		t.Fatalf("tentative block reads %q", d.blockTitled("暂").title)
	}
}
