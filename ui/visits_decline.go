package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/desk"
)

// declineDialog turns a request away: the reason, required, and the date
// by which the visitor is to hand in briefing materials instead.
type declineDialog struct {
	v        *visitDetail
	reason   *widget.Entry
	due      *datePicker
	problem  *paragraph
	okBtn    *widget.Button
	dialog   *dialog.CustomDialog
	material desk.Material // the materials now expected, once declined
}

func newDeclineDialog(v *visitDetail) *declineDialog {
	dd := &declineDialog{v: v, problem: errorLabel()}
	dd.reason = &widget.Entry{PlaceHolder: lang.L("Why the leader will not receive them, e.g. 日程已满，请报送书面材料"), MultiLine: true, Wrapping: fyne.TextWrapWord}
	dd.reason.SetMinRowsVisible(3)
	dd.due = newDatePicker(v.in.desk.today().AddDays(desk.DefaultMaterialsDue), nil)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Reason"), dd.reason),
		widget.NewFormItem(lang.L("Materials due"), container.NewHBox(dd.due.button)),
	)
	note := newParagraph(lang.L("The visitor's briefing materials will be expected by this date.")).look(widget.LowImportance, "", fyne.TextStyle{})
	dd.okBtn = &widget.Button{Text: lang.L("Decline"), Importance: widget.WarningImportance, OnTapped: dd.onOK}
	cancel := &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { dd.dialog.Hide() }}
	dd.dialog = dialog.NewCustomWithoutButtons(lang.L("Decline {{.Org}}", map[string]any{"Org": v.req.Org}),
		container.NewVBox(form, note, dd.problem), v.in.win)
	dd.dialog.SetButtons([]fyne.CanvasObject{cancel, dd.okBtn})
	return dd
}

func (dd *declineDialog) show() {
	dd.dialog.Resize(fyne.NewSize(520, 300))
	dd.dialog.Show()
	dd.v.in.win.Canvas().Focus(dd.reason)
}

func (dd *declineDialog) onOK() {
	d := dd.v.in.desk
	m, err := d.deskSvc().DeclineVisit(d.ctx(), dd.v.req.ID, dd.reason.Text, dd.due.date, d.user())
	if err != nil {
		showErr(dd.problem, err)
		return
	}
	dd.material = m
	showErr(dd.problem, nil)
	dd.dialog.Hide()
	dd.v.afterChange()
}
