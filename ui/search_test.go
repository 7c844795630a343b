package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

func TestCtrlFFindsAndJumpsToTheItem(t *testing.T) {
	d := newDesk(t)
	d.book("周一例会", calendar.KindMeeting, monday10, time.Hour)
	later := time.Date(2027, 1, 13, 15, 0, 0, 0, monday10.Location())
	d.book("防汛工作专题会", calendar.KindMeeting, later, time.Hour)

	d.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	s := d.m.search
	if s == nil || d.win.Canvas().Focused() != s.query {
		t.Fatal("Ctrl+F did not open the search with its field focused")
	}
	test.Type(s.query, "专题")
	if len(s.results.Objects) != 1 {
		t.Fatalf("专题 lists %d results, want 1", len(s.results.Objects))
	}
	test.Tap(s.results.Objects[0].(*widget.Button))
	if d.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the search stays open after choosing a result")
	}
	if d.m.grid.monday != calendar.NewDate(2027, 1, 11) {
		t.Fatalf("jumped to the week of %s, want 2027-01-11", d.m.grid.monday)
	}
	b := d.blockTitled("防汛工作专题会")
	if b == nil || !b.selected {
		t.Fatal("the found engagement is not shown selected")
	}
	// Enter then opens it, as for any selection.
	d.press(fyne.KeyReturn)
	if d.m.editor == nil || d.m.editor.original.Title != "防汛工作专题会" {
		t.Fatal("Enter did not open the found engagement")
	}
}

func TestSearchSaysWhenNothingMatchesAndEscapeCloses(t *testing.T) {
	d := newDesk(t)
	d.m.openSearch()
	s := d.m.search
	test.Type(s.query, "没有这个")
	if len(s.results.Objects) != 0 || s.note.Full() == "" {
		t.Fatalf("no match shows %d results and note %q", len(s.results.Objects), s.note.Full())
	}
	s.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the search")
	}
}
