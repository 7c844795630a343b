package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"anteroom/calendar"
	"anteroom/data"
)

// A change the database refuses (here: another program holds its write
// lock past the wait) is told in the window's language, with the editor
// kept open and nothing stored.
func TestAChangeTheDatabaseRefusesIsToldInChinese(t *testing.T) {
	speaking(t, "zh_CN.UTF-8")
	d := newDesk(t)
	d.db.OnWait(nil, 50*time.Millisecond)
	other, err := data.Open(d.db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	holding, release, done := make(chan struct{}), make(chan struct{}), make(chan error)
	go func() {
		done <- other.WithTx(context.Background(), func(calendar.Store) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding

	d.win.Resize(fyne.NewSize(1000, 660)) // the window on a 1024×700 screen
	d.m.newEngagement()
	ed := d.m.editor
	test.Type(ed.title, "防汛会商")
	test.Tap(ed.saveBtn)
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	got := ed.errs["form"].Full()
	if !ed.visible() || !strings.Contains(got, "另一个 Anteroom 正在写入") || strings.Contains(got, "another Anteroom") {
		t.Fatalf("the editor (open %v) says %q, want the refusal in Chinese", ed.visible(), got)
	}
	if n := len(d.stored()); n != 0 {
		t.Fatalf("the refused engagement was stored (%d)", n)
	}
	if !shownIn(ed.scroll, ed.errs["form"]) {
		t.Fatalf("the refusal is under the fold: scrolled to %v of %v, the message at %v", ed.scroll.Offset, ed.scroll.Content.Size(), ed.errs["form"].Position())
	}
}

// shownIn reports whether o, inside s's content, is within s's view once
// the window has laid out what changed, as its next frame does.
func shownIn(s *container.Scroll, o fyne.CanvasObject) bool {
	s.Content.Refresh()
	s.Refresh()
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y
	return o.Visible() && top >= s.Offset.Y && top+o.Size().Height <= s.Offset.Y+s.Size().Height
}
