package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// saveOver shows a save dialog on d's window in dir with name filled in
// and taps its Save button; it returns where the dialog's callback was
// told to write ("" until it is).
func saveOver(t *testing.T, d *uiDesk, dir, name string) *string {
	t.Helper()
	var wrote string
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			t.Errorf("save dialog: %v", err)
			return
		}
		if w != nil {
			wrote = w.URI().Path()
			w.Close()
		}
	}, d.win)
	loc, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	fd.SetLocation(loc)
	fd.SetFileName(name)
	showFileDialog(d.win, fd, tr("Save the plan as"))
	save := confirmButtonIn(d.win.Canvas().Overlays().Top().(*widget.PopUp).Content)
	if save == nil {
		t.Fatal("no Save button in the save dialog")
	}
	test.Tap(save)
	return &wrote
}

// Saving over a file asks in the UI's language, not in Fyne's English;
// Enter replaces, Escape goes back to the file dialog. A folder's name is
// refused in the UI's language too.
func TestSavingOverAFileAsksInTheUILanguage(t *testing.T) {
	speaking(t, "zh_CN.UTF-8")
	t.Setenv("HOME", t.TempDir())
	d := newDesk(t)
	d.win.Resize(fyne.NewSize(1024, 700))
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "周计划.html"), []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "存档"), 0o700); err != nil {
		t.Fatal(err)
	}
	english := []string{"Overwrite?", "Cannot overwrite", "Yes", "No", "OK"}
	c := d.win.Canvas()
	prompt := func(want ...string) {
		t.Helper()
		texts := labelsOf(c.Overlays().Top())
		for _, o := range test.LaidOutObjects(c.Overlays().Top()) {
			if b, ok := o.(*widget.Button); ok {
				texts = append(texts, b.Text)
			}
		}
		for _, w := range want {
			if !slices.Contains(texts, w) {
				t.Errorf("the prompt lacks %q: %q", w, texts)
			}
		}
		for _, bad := range english {
			if slices.Contains(texts, bad) {
				t.Errorf("the prompt says %q in zh-CN: %q", bad, texts)
			}
		}
	}

	wrote := saveOver(t, d, dir, "周计划.html")
	prompt("替换文件？", "此文件夹中已有“周计划.html”。要替换它吗？", "替换", "取消")
	typeKey(t, c, fyne.KeyEscape)
	if *wrote != "" {
		t.Fatal("Escape on the question saved over the file")
	}
	if _, ok := c.Overlays().Top().(*widget.PopUp); !ok || confirmButtonIn(c.Overlays().Top().(*widget.PopUp).Content) == nil {
		t.Fatal("Escape on the question did not go back to the file dialog")
	}
	typeKey(t, c, fyne.KeyEscape) // and out of it
	if c.Overlays().Top() != nil {
		t.Fatal("the file dialog stayed after Escape")
	}

	wrote = saveOver(t, d, dir, "周计划.html")
	typeKey(t, c, fyne.KeyReturn)
	if want := filepath.Join(dir, "周计划.html"); *wrote != want {
		t.Fatalf("Enter on the question wrote to %q, want %q", *wrote, want)
	}
	if c.Overlays().Top() != nil {
		t.Fatal("a dialog stayed after the file was replaced")
	}

	saveOver(t, d, dir, "存档")
	prompt("无法保存到这里", "已有同名文件夹，请换一个文件名。")
}
