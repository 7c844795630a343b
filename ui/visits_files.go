package ui

import (
	"errors"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/desk"
)

// fileList collects local files to attach: chosen in the file dialog,
// listed by name with a button to drop each. Only files on this computer
// can be chosen; the service copies them in when the form is saved.
type fileList struct {
	win     fyne.Window
	paths   []string
	box     *fyne.Container
	addBtn  *widget.Button
	problem *paragraph
	content fyne.CanvasObject
}

func newFileList(win fyne.Window) *fileList {
	f := &fileList{win: win, box: container.NewVBox(), problem: errorLabel()}
	f.addBtn = &widget.Button{Text: lang.L("Add file…"), Icon: theme.Icon(theme.IconNameFolderOpen), Importance: widget.LowImportance, OnTapped: f.pick}
	f.content = container.NewVBox(f.box, container.NewHBox(f.addBtn), f.problem)
	return f
}

// pick opens the file dialog; what is chosen must be a local file.
func (f *fileList) pick() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		u := rc.URI()
		rc.Close()
		if u.Scheme() != "file" {
			showErr(f.problem, errors.New(lang.L("Only files on this computer can be attached.")))
			return
		}
		f.add(u.Path())
	}, f.win)
	showFileDialog(f.win, d, lang.L("Attach a file"))
}

// add lists path unless it is listed already or is no local regular file.
func (f *fileList) add(path string) {
	if err := desk.CheckLocalFile(path); err != nil {
		showErr(f.problem, err)
		return
	}
	showErr(f.problem, nil)
	if !slices.Contains(f.paths, path) {
		f.paths = append(f.paths, path)
	}
	f.refresh()
}

func (f *fileList) refresh() {
	f.box.RemoveAll()
	for _, p := range f.paths {
		f.box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.Icon(theme.IconNameFile)),
			&widget.Button{Icon: theme.Icon(theme.IconNameDelete), Importance: widget.LowImportance, OnTapped: func() {
				f.paths = slices.DeleteFunc(f.paths, func(x string) bool { return x == p })
				f.refresh()
			}},
			&widget.Label{Text: filepath.Base(p), Truncation: fyne.TextTruncateEllipsis}))
	}
	f.box.Refresh()
}
