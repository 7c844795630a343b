package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/ics"
	"anteroom/calendar/imports"
	"anteroom/internal/userfile"
)

// importer reads .ics files off the UI thread, one after another, and shows
// each file's plan for the user to confirm before anything is stored.
type importer struct {
	m       *mainWindow
	queue   []string // files still to read
	preview *importPreview
	cancel  context.CancelFunc
	busy    *dialog.CustomDialog
}

// pickImport asks for an .ics file to import.
func (m *mainWindow) pickImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		m.importFiles(path)
	}, m.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ics", ".ICS", ".ical", ".ifb"}))
	showFileDialog(m.win, d, lang.L("Open a calendar file (.ics)"))
}

// pickImportFolder imports every .ics file in a chosen folder: the file
// dialog picks one file at a time, and offices often send several.
func (m *mainWindow) pickImportFolder() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if dir == nil {
			return
		}
		paths, err := calendarFilesIn(dir.Path())
		if err != nil {
			m.showError(err)
			return
		}
		if len(paths) == 0 {
			m.showError(errorf(lang.L("There are no .ics files in {{.Folder}}.", map[string]any{"Folder": dir.Name()})))
			return
		}
		m.importFiles(paths...)
	}, m.win)
	showFileDialog(m.win, d, lang.L("Choose a folder of .ics files"))
}

// calendarFilesIn lists the .ics files in dir, sorted by name.
func calendarFilesIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.EqualFold(filepath.Ext(e.Name()), ".ics") {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	return paths, nil
}

// onDropped imports the .ics files dropped on the window.
func (m *mainWindow) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" && strings.EqualFold(filepath.Ext(u.Path()), ".ics") {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 {
		m.showError(errorf(lang.L("Only .ics calendar files can be imported.")))
		return
	}
	m.importFiles(paths...)
}

// importFiles plans and previews the files one by one.
func (m *mainWindow) importFiles(paths ...string) {
	m.importer = &importer{m: m, queue: paths}
	m.importer.next()
}

// next reads the next file in the background behind a progress dialog
// with Cancel, then shows its preview.
func (im *importer) next() {
	if len(im.queue) == 0 {
		im.m.reload()
		return
	}
	path := im.queue[0]
	im.queue = im.queue[1:]
	ctx, cancel := context.WithCancel(context.Background())
	im.cancel = cancel
	bar := widget.NewProgressBarInfinite()
	cancelBtn := &widget.Button{Text: lang.L("Cancel"), OnTapped: cancel}
	im.busy = dialog.NewCustomWithoutButtons(lang.L("Reading {{.File}}…", map[string]any{"File": filepath.Base(path)}), bar, im.m.win)
	im.busy.SetButtons([]fyne.CanvasObject{cancelBtn})
	im.busy.Show()
	leader, loc := im.m.leader, im.m.loc
	var plan *imports.ImportPlan
	var err error
	im.m.goAsync(func() {
		plan, err = readPlan(ctx, im.m.importSvc, leader, loc, path)
	}, func() {
		im.busy.Hide()
		cancelled := ctx.Err() != nil
		cancel() // release the context either way
		switch {
		case cancelled:
			im.next() // cancelled: nothing was written; go on with the rest
		case err != nil:
			im.m.showReadError(err, im.next)
		default:
			im.preview = newImportPreview(im.m, plan, im.next)
			im.preview.show()
		}
	})
}

// readPlan reads one file and works out what importing it would change.
func readPlan(ctx context.Context, svc *imports.Service, leader calendar.Leader, loc *time.Location, path string) (*imports.ImportPlan, error) {
	f, err := userfile.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Read straight into the plan's items: a large file is held once, not copied.
	items, todos, notes, err := ics.ReadForPlan(ctx, f, filepath.Base(path), loc)
	if err != nil {
		return nil, err
	}
	return svc.PlanImportItems(ctx, leader, path, items, todos, notes)
}
