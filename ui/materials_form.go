package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/desk"
)

// materialForm records materials expected by hand: a report promised on
// the phone, a paper that is to come without any visit.
type materialForm struct {
	b       *materialsBoard
	title   *widget.Entry
	from    *widget.Entry
	due     *datePicker
	problem *paragraph
	saveBtn *widget.Button
	dialog  *dialog.CustomDialog
}

func (b *materialsBoard) newMaterial() *materialForm {
	f := &materialForm{b: b, problem: errorLabel()}
	f.title = &widget.Entry{PlaceHolder: lang.L("What they are about")}
	f.from = &widget.Entry{PlaceHolder: lang.L("Who hands them in")}
	f.due = newDatePicker(b.desk.today().AddDays(desk.DefaultMaterialsDue), nil)
	f.saveBtn = &widget.Button{Text: lang.L("Save"), Icon: theme.Icon(theme.IconNameDocumentSave), Importance: widget.HighImportance, OnTapped: f.onSave}
	cancel := &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { f.dialog.Hide() }}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Title"), f.title),
		widget.NewFormItem(lang.L("From"), f.from),
		widget.NewFormItem(lang.L("Due"), container.NewHBox(f.due.button)),
	)
	f.dialog = dialog.NewCustomWithoutButtons(lang.L("New materials"), container.NewVBox(form, f.problem), b.win)
	f.dialog.SetButtons([]fyne.CanvasObject{cancel, f.saveBtn})
	f.dialog.Resize(fitIn(b.win, fyne.NewSize(520, 260)))
	f.dialog.Show()
	b.win.Canvas().Focus(f.title)
	b.form = f
	return f
}

func (f *materialForm) onSave() {
	d := f.b.desk
	m := desk.Material{LeaderID: d.leader().ID, Title: f.title.Text, From: f.from.Text, Due: f.due.date}
	if err := d.deskSvc().AddMaterial(d.ctx(), &m, d.user()); err != nil {
		showErr(f.problem, err)
		return
	}
	f.dialog.Hide()
	d.changed()
}
