package ui

import (
	"context"
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/ics"
)

// pickHolidays asks for a holiday calendar (.ics) and imports it.
func (s *settings) pickHolidays() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.showProblems(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		s.importHolidays(r, r.URI().Name())
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ics", ".ICS"}))
	showFileDialog(s.win, d, lang.L("Open a holiday calendar (.ics)"))
}

// importHolidays reads a holiday calendar and stores its days off and
// make-up workdays as overrides; unsaved edits in the dialog are kept.
func (s *settings) importHolidays(r io.Reader, name string) {
	loc, err := s.leader.Location()
	if err != nil {
		s.showProblems(err)
		return
	}
	cal, err := ics.Decode(r, name, ics.Options{Zone: loc})
	if err != nil {
		s.showProblems(err)
		return
	}
	items, _ := ics.HolidayItems(cal)
	if len(items) == 0 {
		s.showProblems(errors.New(lang.L("{{.File}}: no all-day holidays in this calendar", map[string]any{"File": name})))
		return
	}
	n, err := s.svc.ImportHolidays(context.Background(), s.leader.ID, items)
	if err != nil {
		s.showProblems(err)
		return
	}
	stored, err := s.svc.Availability(context.Background(), s.leader.ID)
	if err != nil {
		s.showProblems(err)
		return
	}
	s.avail.Overrides = stored.Overrides
	s.refreshOverrides()
	s.problems.SetText(lang.L("{{.File}}: {{.Days}} days set for {{.Leader}}.", map[string]any{"File": name, "Days": n, "Leader": s.leader.Name}))
	s.problems.Importance = widget.MediumImportance
	s.problems.Show()
	if s.onDone != nil {
		s.onDone()
	}
}
