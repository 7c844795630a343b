package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// scheduledStep is the step of materials scheduled for presenting: wait
// for the slot, then confirm they were presented in it; or call the slot
// off. The leader's instructions can be recorded only after.
func (md *materialDetail) scheduledStep() fyne.CanvasObject {
	d := md.b.desk
	loc := d.loc()
	when := shortTime(md.m.SlotStart, loc) + "–" + clock(md.m.SlotEnd.In(loc))
	md.confirmBtn = &widget.Button{Text: lang.L("Presented in the slot"), Icon: theme.Icon(theme.IconNameConfirm), Importance: widget.HighImportance,
		OnTapped: func() { md.apply(d.deskSvc().PresentMaterial(d.ctx(), md.m.ID, time.Time{}, d.user())) }}
	md.unscheduleBtn = &widget.Button{Text: lang.L("Call the slot off"), Icon: theme.Icon(theme.IconNameCancel),
		OnTapped: func() { md.apply(d.deskSvc().UnschedulePresenting(d.ctx(), md.m.ID, d.user())) }}
	text := lang.L("Scheduled for presenting {{.When}}. Once the slot has passed, confirm that they were presented; then the leader's instructions can be recorded.", map[string]any{"When": when})
	if !md.m.SlotPassed(d.svc().Now()) {
		md.confirmBtn.Disable()
	}
	return widget.NewCard("", lang.L("Scheduled for presenting"), container.NewVBox(
		newParagraph(text),
		container.NewHBox(md.confirmBtn, md.unscheduleBtn)))
}
