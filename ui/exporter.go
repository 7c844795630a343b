package ui

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/ics"
)

// exporter asks what to export for other offices: a date range, which
// leaders, and how much they may see.
type exporter struct {
	m       *mainWindow
	from    *datePicker
	to      *datePicker
	leaders *widget.CheckGroup
	privacy *enumSelect[ics.Privacy]
	problem *paragraph
	saveBtn *widget.Button
	dialog  *dialog.CustomDialog
}

func privacyLabel(p ics.Privacy) string {
	switch p {
	case ics.PrivacyFull:
		return lang.L("Full: everything")
	case ics.PrivacyLimited:
		return lang.L("Limited: title and place only")
	case ics.PrivacyBusy:
		return lang.L("Busy: times only")
	}
	return string(p)
}

// openExport shows the export dialog; thisWeek presets the week shown.
func (m *mainWindow) openExport(thisWeek bool) {
	ex := &exporter{m: m}
	from := calendar.WeekStart(m.grid.selected)
	to := from.AddDays(6)
	if !thisWeek {
		to = from.AddDays(27)
	}
	ex.from = newDatePicker(from, nil)
	ex.to = newDatePicker(to, nil)
	var names []string
	for _, l := range m.leaders {
		names = append(names, l.Name)
	}
	ex.leaders = widget.NewCheckGroup(names, nil)
	ex.leaders.SetSelected([]string{m.leader.Name})
	ex.privacy = newEnumSelect([]ics.Privacy{ics.PrivacyFull, ics.PrivacyLimited, ics.PrivacyBusy}, privacyLabel, nil)
	ex.privacy.setValue(ics.PrivacyLimited)
	ex.problem = newParagraph("").look(widget.DangerImportance, "", fyne.TextStyle{})
	ex.problem.Hide()
	note := newParagraph(lang.L("Confidential engagements are exported as busy at every level but Full.")).look(widget.MediumImportance, theme.SizeNameCaptionText, fyne.TextStyle{})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("First day"), ex.from.button),
		widget.NewFormItem(lang.L("To (included)"), ex.to.button),
		widget.NewFormItem(lang.L("Leaders"), ex.leaders),
		widget.NewFormItem(lang.L("Privacy"), ex.privacy.Select),
	)
	ex.saveBtn = &widget.Button{Text: lang.L("Export…"), Icon: theme.Icon(theme.IconNameDocumentSave), Importance: widget.HighImportance, OnTapped: ex.pickFile}
	cancel := &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { ex.dialog.Hide() }}
	ex.dialog = dialog.NewCustomWithoutButtons(lang.L("Export .ics…"), container.NewVBox(form, note, ex.problem), m.win)
	ex.dialog.SetButtons([]fyne.CanvasObject{cancel, ex.saveBtn})
	ex.dialog.Resize(fitIn(m.win, fyne.NewSize(560, 400)))
	ex.dialog.Show()
	m.exporter = ex
}

// pickFile asks where to write, then writes.
func (ex *exporter) pickFile() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ex.showProblem(err)
			return
		}
		if w == nil {
			return
		}
		if werr := saveFile(w, ex.write); werr != nil {
			ex.showProblem(werr)
			return
		}
		ex.dialog.Hide()
		ex.m.status.SetText(lang.L("Exported to {{.File}}.", map[string]any{"File": w.URI().Name()}))
	}, ex.m.win)
	d.SetFileName(fmt.Sprintf("anteroom-%s.ics", ex.from.date))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ics"}))
	showFileDialog(ex.m.win, d, lang.L("Save the .ics file as"))
}

// write exports the chosen range, leaders and privacy level to w.
func (ex *exporter) write(w io.Writer) error {
	if ex.to.date.Before(ex.from.date) {
		return errorf(lang.L("The end date is before the start date."))
	}
	leaders := map[int64]calendar.Leader{}
	var ids []int64
	for _, l := range ex.m.leaders {
		for _, name := range ex.leaders.Selected {
			if l.Name == name {
				leaders[l.ID] = l
				ids = append(ids, l.ID)
			}
		}
	}
	if len(ids) == 0 {
		return errorf(lang.L("Choose at least one leader."))
	}
	items, err := ex.m.svc.ExportItems(context.Background(), ids, ex.from.date, ex.to.date)
	if err != nil {
		return err
	}
	return ics.ExportEngagements(w, items, leaders, ex.privacy.value(), ex.m.svc.Now())
}

func (ex *exporter) showProblem(err error) {
	ex.problem.SetText(errorText(err))
	ex.problem.Show()
}
