package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/followup"
)

// itemDetail is the board's right-hand pane: the chosen item, where it
// came from, its progress reports and trail, and the buttons that move
// it: Report progress…, Feedback (反馈) and Close.
type itemDetail struct {
	b       *followUpBoard
	content *fyne.Container
	empty   *paragraph
	body    *fyne.Container
	problem *paragraph
	audit   *auditView

	reportBtn, feedbackBtn, closeBtn *widget.Button
	minutesBtn                       *widget.Button // opens the minutes an item came from

	item *followup.Item // nil when nothing is chosen

	// The open question (a report, a forced close), for tests.
	askText    *formEntry
	askBy      *formEntry
	askOK      *widget.Button
	askProblem *paragraph
	ask        *dialog.CustomDialog
}

func newItemDetail(b *followUpBoard) *itemDetail {
	p := &itemDetail{b: b, body: container.NewVBox(), problem: errorLabel(), audit: newAuditView()}
	p.empty = newParagraph(lang.L("Choose an item to see its progress and move it on.")).look(widget.LowImportance, "", fyne.TextStyle{})
	p.reportBtn = &widget.Button{Text: lang.L("Report progress…"), Icon: theme.Icon(theme.IconNameContentAdd), OnTapped: p.onReport}
	p.feedbackBtn = &widget.Button{Text: lang.L("Feedback"), Icon: theme.Icon(theme.IconNameMailReply), OnTapped: p.onFeedback}
	p.closeBtn = &widget.Button{Text: lang.L("Close item"), Icon: theme.Icon(theme.IconNameConfirm), OnTapped: p.onClose}
	p.minutesBtn = &widget.Button{Text: lang.L("Minutes…"), Icon: theme.Icon(theme.IconNameDocument), Importance: widget.LowImportance,
		OnTapped: func() { b.d.openMinutesByID(b.win, p.item.Source.MinutesID) }}
	p.body.Hide()
	p.content = container.NewPadded(container.NewVBox(p.empty, p.body))
	return p
}

// show opens it in the pane.
func (p *itemDetail) show(it followup.Item) {
	if p.item == nil || p.item.ID != it.ID {
		showErr(p.problem, nil)
	}
	p.item = &it
	p.fill()
}

// refresh reads the chosen item again.
func (p *itemDetail) refresh() {
	if p.item == nil {
		return
	}
	d := p.b.d
	it, err := d.svc.Item(d.ctx(), p.item.ID)
	if err != nil {
		showErr(p.problem, err)
		return
	}
	p.item = &it
	p.fill()
}

func (p *itemDetail) fill() {
	d, it, loc := p.b.d, *p.item, p.b.d.loc()
	title := newParagraph(it.Text).look(widget.MediumImportance, "", fyne.TextStyle{Bold: true})
	form := widget.NewForm()
	form.Append(lang.L("State"), &widget.Label{Text: itemStateLabel(it.State), TextStyle: fyne.TextStyle{Bold: true}})
	factRow(form, lang.L("Source"), sourceText(it.Source)+p.sourceLink(it.Source))
	if it.Source.Kind == followup.FromMinutes {
		form.Append("", container.NewHBox(p.minutesBtn))
	}
	factRow(form, lang.L("Unit"), it.Unit)
	factRow(form, lang.L("Person"), it.Person)
	due := &widget.Label{Text: longDate(it.Due)}
	if it.Overdue(p.b.today) {
		due.Text, due.Importance = lang.L("{{.Date}} — overdue", map[string]any{"Date": longDate(it.Due)}), widget.DangerImportance
	}
	form.Append(lang.L("Due by"), due)
	form.Append(lang.L("Priority"), &widget.Label{Text: priorityLabel(it.Priority), Importance: priorityImportance(it.Priority)})
	factRow(form, lang.L("Closed"), shortTime(it.Closed, loc))
	factRow(form, lang.L("Reason"), it.CloseReason)

	progress := container.NewVBox(&widget.Label{Text: lang.L("Progress"), TextStyle: fyne.TextStyle{Bold: true}})
	if len(it.Reports) == 0 {
		progress.Add(&widget.Label{Text: lang.L("Nothing reported yet."), Importance: widget.LowImportance})
	}
	for _, r := range it.Reports {
		progress.Add(newParagraph(shortTime(r.At, loc) + " · " + r.By + " · " + r.Text))
	}
	open := it.State != followup.StateClosed
	for _, btn := range []*widget.Button{p.reportBtn, p.feedbackBtn, p.closeBtn} {
		btn.Enable()
		if !open {
			btn.Disable()
		}
	}
	trail, err := d.svc.Audit(d.ctx(), it.Subject())
	if err != nil {
		showErr(p.problem, err)
	}
	p.audit.show(followupTrail(trail), loc, itemStateName)
	p.body.Objects = []fyne.CanvasObject{title, form, widget.NewSeparator(), progress,
		container.NewVBox(p.reportBtn, container.NewGridWithColumns(2, p.feedbackBtn, p.closeBtn)), p.problem, widget.NewSeparator(), p.audit.content}
	p.body.Refresh()
	p.empty.Hide()
	p.body.Show()
}

// sourceLink says when the meeting an item came from was cancelled or
// deleted.
func (p *itemDetail) sourceLink(src followup.Source) string {
	if src.Kind != followup.FromMinutes {
		return ""
	}
	d := p.b.d
	m, err := d.svc.Minutes(d.ctx(), src.MinutesID)
	switch {
	case err != nil:
		return ""
	case m.Meeting.Gone:
		return " · " + lang.L("meeting deleted")
	case m.Meeting.Cancelled:
		return " · " + lang.L("meeting cancelled")
	}
	return ""
}

// onReport asks what was reported and by whom.
func (p *itemDetail) onReport() {
	d := p.b.d
	p.askText = newMultiLineFormEntry("", lang.L("What was reported"))
	p.askText.SetMinRowsVisible(3)
	// The report is the responsible person's, or the unit's.
	by := p.item.Person
	if by == "" {
		by = p.item.Unit
	}
	p.askBy = newFormEntry(by, "")
	form := widget.NewForm(widget.NewFormItem(lang.L("Progress"), p.askText), widget.NewFormItem(lang.L("Reported by"), p.askBy))
	p.askFor(lang.L("Report progress"), lang.L("Record"), form, func() (followup.Item, error) {
		return d.svc.ReportProgress(d.ctx(), p.item.ID, p.askText.Text, p.askBy.Text, d.user())
	})
	p.b.win.Canvas().Focus(p.askText)
}

// onFeedback records that the outcome was reported back to the leader.
func (p *itemDetail) onFeedback() {
	d := p.b.d
	p.apply(d.svc.Feedback(d.ctx(), p.item.ID, d.user()))
}

// onClose closes an item reported back; any other is closed only with a
// reason, which the trail keeps.
func (p *itemDetail) onClose() {
	d := p.b.d
	if p.item.State == followup.StateReported {
		p.apply(d.svc.Close(d.ctx(), p.item.ID, false, "", d.user()))
		return
	}
	p.askText = newMultiLineFormEntry("", lang.L("Why it is closed without feedback"))
	p.askText.SetMinRowsVisible(2)
	p.askBy = nil
	note := newParagraph(lang.L("This item has not been reported back to the leader. Closing it anyway needs a reason."))
	p.askFor(lang.L("Close item"), lang.L("Close anyway"), container.NewVBox(note, p.askText), func() (followup.Item, error) {
		return d.svc.Close(d.ctx(), p.item.ID, true, p.askText.Text, d.user())
	})
	p.b.win.Canvas().Focus(p.askText)
}

// askFor shows a small form over the board; OK runs do, keeping the form
// open on a problem it can fix.
func (p *itemDetail) askFor(title, okText string, form fyne.CanvasObject, do func() (followup.Item, error)) {
	win := p.b.win
	p.askProblem = errorLabel()
	cancel := &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { p.ask.Hide() }}
	p.askOK = &widget.Button{Text: okText, Icon: theme.Icon(theme.IconNameConfirm), Importance: widget.HighImportance}
	p.ask = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, p.askProblem), win)
	p.ask.SetButtons([]fyne.CanvasObject{cancel, p.askOK})
	p.askOK.OnTapped = func() {
		it, err := do()
		if err != nil && !errors.Is(err, followup.ErrIllegalMove) {
			showErr(p.askProblem, err)
			return
		}
		p.ask.Hide()
		p.apply(it, err)
	}
	p.ask.Resize(fitIn(win, fyne.NewSize(520, 280)))
	showDialog(win, p.ask)
}

// apply shows err, or the item as it now is, and redraws the board.
func (p *itemDetail) apply(it followup.Item, err error) {
	if err != nil {
		p.refresh()
		showErr(p.problem, err)
		return
	}
	showErr(p.problem, nil)
	p.item = &it
	p.b.reload()
}
