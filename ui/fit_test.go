package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// small is the smallest screen the window must work on.
var small = fyne.NewSize(1024, 700)

func TestToolbarFitsTheDefaultWindow(t *testing.T) {
	d := newDesk(t)
	// Measured in the real theme, whose text is larger than the test one's.
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	d.m.sync.button.Show() // as with sharing set up: the widest toolbar
	d.m.toolbar.Refresh()
	if mainWindowSize.Width > small.Width || mainWindowSize.Height > small.Height {
		t.Fatalf("the main window opens at %v, larger than a %v screen", mainWindowSize, small)
	}
	if w := d.m.toolbar.MinSize().Width; w > mainWindowSize.Width {
		t.Fatalf("the toolbar needs %v wide, the window is %v", w, mainWindowSize.Width)
	}
	d.m.sync.status.SetText(tr("Not shared: File → Accounts… links a leader's book to a CalDAV server"))
	if w := d.win.Content().MinSize().Width; w > mainWindowSize.Width {
		t.Fatalf("the window's content needs %v wide, the window is %v", w, mainWindowSize.Width)
	}
}

// insideCanvas fails unless o is wholly on d's canvas.
func (d *uiDesk) insideCanvas(what string, o fyne.CanvasObject) {
	d.t.Helper()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	end := pos.Add(o.Size())
	c := d.win.Canvas().Size()
	if pos.X < 0 || pos.Y < 0 || end.X > c.Width || end.Y > c.Height {
		d.t.Fatalf("%s spans %v–%v, outside the %v window", what, pos, end, c)
	}
}

func TestEditorWithFreeSlotsFitsASmallScreen(t *testing.T) {
	d := newDesk(t)
	d.win.Resize(small)
	d.m.newEngagement()
	ed := d.m.editor
	test.Type(ed.title, "防汛会商")
	test.Tap(ed.freeBtn)
	if len(ed.slotsBox.Objects) < freeSlotCount {
		t.Fatalf("%d free slots listed, want %d", len(ed.slotsBox.Objects), freeSlotCount)
	}
	d.insideCanvas("Save", ed.saveBtn)
	// The last slot is reachable: the form scrolls to it.
	last := ed.slotsBox.Objects[len(ed.slotsBox.Objects)-1]
	scroll := scrollAround(ed.slotsBox, d.win.Canvas().Overlays().Top())
	if scroll == nil {
		t.Fatal("the editor's form does not scroll")
	}
	scroll.ScrollToBottom()
	d.insideCanvas("the last free slot after scrolling", last)
}

// scrollAround finds the scroll container in root that holds o.
func scrollAround(o fyne.CanvasObject, root fyne.CanvasObject) *container.Scroll {
	for _, c := range test.LaidOutObjects(root) {
		s, ok := c.(*container.Scroll)
		if !ok {
			continue
		}
		for _, in := range test.LaidOutObjects(s.Content) {
			if in == o {
				return s
			}
		}
	}
	return nil
}
