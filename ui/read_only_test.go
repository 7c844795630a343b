package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"anteroom/assets"
	"anteroom/calendar"
	"anteroom/data"
)

// A database opened read-only is said to be under the toolbar, and a save
// into it is refused in the window's language, in view, storing nothing.
func TestAReadOnlyDatabaseIsSaidAndItsRefusalShown(t *testing.T) {
	speaking(t, "zh_CN.UTF-8")
	a := test.NewTempApp(t)
	if err := assets.LoadTranslations(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "anteroom.db")
	db, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	leader := calendar.Leader{Name: "张书记", ZoneName: "Asia/Shanghai"}
	if err := calendar.NewService(db).AddLeader(context.Background(), &leader); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if db, err = data.Open(path); err != nil || !db.ReadOnly() {
		t.Fatalf("reopened: read-only %v, %v", db != nil && db.ReadOnly(), err)
	}
	t.Cleanup(func() { db.Close() })
	svc := calendar.NewService(db)
	svc.SetClock(func() time.Time { return monday10 })
	d := deskOver(t, a, db, svc, leader, nil)
	d.m.sayReadOnly(db.Path())

	var said []string
	walkObjects(d.m.notices, func(o fyne.CanvasObject) {
		if p, ok := o.(*paragraph); ok {
			said = append(said, p.Full())
		}
	})
	if want := path + " 为只读文件"; len(said) != 1 || !strings.HasPrefix(said[0], want) {
		t.Fatalf("under the toolbar: %q; want it to start %q", said, want)
	}

	d.win.Resize(fyne.NewSize(1000, 660))
	d.m.newEngagement()
	ed := d.m.editor
	test.Type(ed.title, "防汛会商")
	test.Tap(ed.saveBtn)
	got := ed.errs["form"].Full()
	if want := path + " 为只读文件：未做任何更改"; !strings.HasPrefix(got, want) || !ed.visible() {
		t.Fatalf("the editor (open %v) says %q; want %q…", ed.visible(), got, want)
	}
	if !shownIn(ed.scroll, ed.errs["form"]) {
		t.Fatal("the refusal is under the fold")
	}
	if n := len(d.stored()); n != 0 {
		t.Fatalf("%d engagements stored in a read-only database", n)
	}
}
