package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// materialDetail is the dialog of one set of materials: what they are,
// where they stand, the one step their state allows, and their trail.
// After each step it shows the next.
type materialDetail struct {
	b       *materialsBoard
	m       desk.Material
	body    *fyne.Container
	problem *paragraph
	scroll  *container.Scroll // the body, scrolled to the problem on a refused step
	audit   *auditView
	dialog  *dialog.CustomDialog

	// Receiving.
	receivedOn *datePicker
	receivedAt *timePicker
	receivedBy *widget.Entry
	copies     *widget.Entry
	pages      *widget.Entry
	files      *fileList
	receiveBtn *widget.Button
	// Presenting.
	presentBtn    *widget.Button
	presentNowBtn *widget.Button
	confirmBtn    *widget.Button // scheduled: presented in the booked slot
	unscheduleBtn *widget.Button
	// Instructions and filing.
	instructions *widget.Entry
	instructBtn  *widget.Button
	archiveBtn   *widget.Button
	// Follow up… puts the leader's instructions on the follow-up board.
	followBtn *widget.Button
}

func newMaterialDetail(b *materialsBoard, m desk.Material) *materialDetail {
	md := &materialDetail{b: b, m: m, body: container.NewVBox(), problem: errorLabel(), audit: newAuditView()}
	closeBtn := &widget.Button{Text: lang.L("Close"), OnTapped: func() { md.dialog.Hide() }}
	md.scroll = container.NewVScroll(md.body)
	md.dialog = dialog.NewCustomWithoutButtons(m.Title, md.scroll, b.win)
	md.dialog.SetButtons([]fyne.CanvasObject{closeBtn})
	md.build()
	return md
}

func (md *materialDetail) show() {
	md.dialog.Resize(fyne.NewSize(640, 600))
	md.dialog.Show()
}

// build lays out the facts, the next step and the trail of md.m.
func (md *materialDetail) build() {
	d := md.b.desk
	loc, m := d.loc(), md.m
	state := &widget.Label{Text: materialStateLabel(m.State), TextStyle: fyne.TextStyle{Bold: true}}
	form := widget.NewForm()
	factRow(form, lang.L("Title"), m.Title)
	factRow(form, lang.L("From"), m.From)
	if m.VisitID != 0 {
		if r, err := d.deskSvc().VisitRequest(d.ctx(), m.VisitID); err == nil {
			factRow(form, lang.L("Visit request"), r.Org+" · "+visitStateLabel(r.State)+" · "+r.DeclineReason)
		}
	}
	if !m.Due.IsZero() {
		due := &widget.Label{Text: longDate(m.Due)}
		if m.Overdue(d.today()) {
			due.Text, due.Importance = lang.L("{{.Date}} — overdue", map[string]any{"Date": longDate(m.Due)}), widget.DangerImportance
		}
		form.Append(lang.L("Due"), due)
	}
	if !m.Received.IsZero() {
		text := shortTime(m.Received, loc) + " · " + m.ReceivedBy
		if m.Copies > 0 || m.Pages > 0 {
			text += " · " + lang.L("{{.Copies}} copies, {{.Pages}} pages", map[string]any{"Copies": m.Copies, "Pages": m.Pages})
		}
		factRow(form, lang.L("Received"), text)
	}
	if len(m.Files) > 0 {
		form.Append(lang.L("Files"), attachmentRows(m.Files))
	}
	factRow(form, lang.L("Presented"), shortTime(m.Presented, loc))
	if m.EngagementID != 0 {
		if e, err := d.svc().Engagement(d.ctx(), m.EngagementID); err == nil {
			factRow(form, lang.L("Booked"), e.Title+" · "+spanText(e, loc))
		}
	}
	factRow(form, lang.L("Instructions"), m.Instructions)
	md.followBtn = materialsFollowUpButton(md)
	if md.followBtn != nil {
		form.Append("", container.NewHBox(md.followBtn))
	}
	factRow(form, lang.L("Archived"), shortTime(m.Archived, loc))

	trail, err := d.deskSvc().Audit(d.ctx(), m.Subject())
	if err != nil {
		showErrIn(md.scroll, md.problem, err)
	}
	md.audit.show(trail, loc, materialStateName)
	md.body.Objects = []fyne.CanvasObject{state, form, widget.NewSeparator(), md.step(), md.problem, widget.NewSeparator(), md.audit.content}
	md.body.Refresh()
}

// step is the form of the one move the state allows.
func (md *materialDetail) step() fyne.CanvasObject {
	d := md.b.desk
	switch md.m.State {
	case desk.MaterialExpected:
		now := d.svc().Now().In(d.loc())
		md.receivedOn = newDatePicker(calendar.DateOf(now), nil)
		md.receivedAt = newTimePicker(now.Truncate(5*time.Minute), nil)
		md.receivedBy = &widget.Entry{Text: d.user()}
		md.copies = &widget.Entry{Text: "1"}
		md.pages = &widget.Entry{PlaceHolder: "0"}
		md.files = newFileList(md.b.win)
		md.receiveBtn = &widget.Button{Text: lang.L("Record receipt"), Icon: theme.Icon(theme.IconNameConfirm), Importance: widget.HighImportance, OnTapped: md.onReceive}
		return widget.NewCard("", lang.L("Handed in"), widget.NewForm(
			widget.NewFormItem(lang.L("When"), container.NewHBox(md.receivedOn.button, md.receivedAt.box)),
			widget.NewFormItem(lang.L("Received by"), md.receivedBy),
			widget.NewFormItem(lang.L("Copies / pages"), container.NewGridWithColumns(2, md.copies, md.pages)),
			widget.NewFormItem(lang.L("Files"), md.files.content),
			widget.NewFormItem("", container.NewHBox(md.receiveBtn)),
		))
	case desk.MaterialReceived:
		md.presentBtn = &widget.Button{Text: lang.L("Book a free gap…"), Icon: theme.Icon(theme.IconNameCalendar), Importance: widget.HighImportance,
			OnTapped: func() { md.b.openPresent(md.m.ID) }}
		md.presentNowBtn = &widget.Button{Text: lang.L("Presented now"), Icon: theme.Icon(theme.IconNameConfirm), OnTapped: md.onPresentNow}
		return widget.NewCard("", lang.L("Put them before the leader"), container.NewHBox(md.presentBtn, md.presentNowBtn))
	case desk.MaterialScheduled:
		return md.scheduledStep()
	case desk.MaterialPresented:
		md.instructions = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: lang.L("The leader's instructions, as written (批示)")}
		md.instructions.SetMinRowsVisible(3)
		md.instructBtn = &widget.Button{Text: lang.L("Record instructions"), Icon: theme.Icon(theme.IconNameConfirm), Importance: widget.HighImportance, OnTapped: md.onInstruct}
		return widget.NewCard("", lang.L("The leader's instructions"), container.NewVBox(md.instructions, container.NewHBox(md.instructBtn)))
	case desk.MaterialInstructed:
		md.archiveBtn = &widget.Button{Text: lang.L("Archive"), Icon: theme.Icon(theme.IconNameFolder), Importance: widget.HighImportance, OnTapped: md.onArchive}
		return container.NewHBox(md.archiveBtn)
	}
	return widget.NewLabel(lang.L("Filed. Nothing more to do."))
}

func (md *materialDetail) onReceive() {
	d := md.b.desk
	rc := desk.Receipt{At: md.receivedAt.on(md.receivedOn.date, d.loc()), By: md.receivedBy.Text, Files: md.files.paths}
	var ps []calendar.Problem
	rc.Copies, ps = count("copies", md.copies.Text, ps)
	rc.Pages, ps = count("pages", md.pages.Text, ps)
	if len(ps) > 0 {
		showErrIn(md.scroll, md.problem, &calendar.ValidationError{Problems: ps})
		return
	}
	md.apply(d.deskSvc().ReceiveMaterial(d.ctx(), md.m.ID, rc, d.user()))
}

// count reads a whole number, blank meaning 0.
func count(field, text string, ps []calendar.Problem) (int, []calendar.Problem) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, ps
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		ps = append(ps, calendar.Problem{Field: field, Code: "validation.number_required", Message: "a whole number is required", Args: map[string]any{"Value": text}})
	}
	return n, ps
}

func (md *materialDetail) onPresentNow() {
	d := md.b.desk
	md.apply(d.deskSvc().PresentMaterial(d.ctx(), md.m.ID, time.Time{}, d.user()))
}

func (md *materialDetail) onInstruct() {
	d := md.b.desk
	md.apply(d.deskSvc().InstructMaterial(d.ctx(), md.m.ID, md.instructions.Text, d.user()))
}

func (md *materialDetail) onArchive() {
	d := md.b.desk
	md.apply(d.deskSvc().ArchiveMaterial(d.ctx(), md.m.ID, d.user()))
}

// apply shows err, or redraws the desk and shows the next step.
func (md *materialDetail) apply(err error) {
	if err != nil {
		showErrIn(md.scroll, md.problem, err)
		if errors.Is(err, desk.ErrIllegalMove) {
			md.refresh(false) // someone else moved them: show where they are now
		}
		return
	}
	showErr(md.problem, nil)
	md.b.desk.changed()
	md.refresh(true)
}

// refresh reads the materials again and rebuilds the dialog, clearing the
// problem shown or keeping it.
func (md *materialDetail) refresh(clearProblem bool) {
	d := md.b.desk
	m, err := d.deskSvc().Material(d.ctx(), md.m.ID)
	if err != nil {
		showErrIn(md.scroll, md.problem, err)
		return
	}
	md.m = m
	md.build()
	if clearProblem {
		showErr(md.problem, nil)
	}
}
