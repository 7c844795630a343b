package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/desk"
)

// visitDetail is the inbox's pane for one request: who asks and why,
// when they would come, the files they sent, where the request stands,
// the decisions its state allows, and its trail.
type visitDetail struct {
	in  *visitInbox
	req desk.VisitRequest // ID 0: none chosen

	hint     *paragraph
	heading  *paragraph
	state    *paragraph
	facts    *fyne.Container
	buttons  *fyne.Container
	moveBtns map[desk.VisitMove]*widget.Button
	problem  *paragraph
	audit    *auditView
	body     *fyne.Container
	content  fyne.CanvasObject

	booking *bookDialog // the open dialogs, for tests
	decline *declineDialog
	note    *noteDialog
}

func newVisitDetail(in *visitInbox) *visitDetail {
	v := &visitDetail{in: in, moveBtns: map[desk.VisitMove]*widget.Button{}}
	v.hint = newParagraph(lang.L("Choose a request to see it and decide on it.")).look(widget.LowImportance, "", fyne.TextStyle{})
	v.heading = newParagraph("").look(widget.MediumImportance, theme.SizeNameSubHeadingText, fyne.TextStyle{Bold: true})
	v.state = newParagraph("")
	v.facts = container.NewVBox()
	v.buttons = container.NewHBox()
	v.problem = errorLabel()
	v.audit = newAuditView()
	v.body = container.NewVBox(v.heading, v.state, v.buttons, v.problem, widget.NewSeparator(), v.facts, widget.NewSeparator(), v.audit.content)
	v.body.Hide()
	v.content = container.NewPadded(container.NewVBox(v.hint, v.body))
	return v
}

// show describes r and offers the decisions its state allows.
func (v *visitDetail) show(r desk.VisitRequest) {
	d := v.in.desk
	loc := d.loc()
	v.req = r
	v.hint.Hide()
	v.body.Show()
	showErr(v.problem, nil)
	v.heading.SetText(r.Org)

	status := visitStateLabel(r.State)
	if r.DecidedBy != "" {
		status += " · " + lang.L("{{.Who}}, {{.When}}", map[string]any{"Who": r.DecidedBy, "When": shortTime(r.Decided, loc)})
	}
	if r.EngagementID != 0 {
		if e, err := d.svc().Engagement(d.ctx(), r.EngagementID); err == nil {
			status += "\n" + lang.L("Booked for {{.When}}", map[string]any{"When": spanText(e, loc)})
		}
	}
	if r.DeclineReason != "" {
		status += "\n" + lang.L("Declined: {{.Reason}}", map[string]any{"Reason": r.DeclineReason})
	}
	v.state.Importance = visitStateImportance(r.State)
	v.state.SetText(status)

	form := widget.NewForm()
	for i, p := range r.People {
		label := ""
		if i == 0 {
			label = lang.L("People")
		}
		text := p.Name
		if p.Title != "" {
			text += " · " + p.Title
		}
		if p.Phone != "" {
			text += " · " + p.Phone
		}
		form.Append(label, newParagraph(text))
	}
	factRow(form, lang.L("Visitors"), strconv.Itoa(r.Visitors))
	factRow(form, lang.L("Phone"), r.Phone)
	factRow(form, lang.L("Referred by"), r.ReferredBy)
	factRow(form, lang.L("Purpose"), r.Purpose)
	for i, w := range r.Windows {
		label := ""
		if i == 0 {
			label = lang.L("Preferred time")
		}
		form.Append(label, widget.NewLabel(windowText(w, loc)))
	}
	factRow(form, lang.L("Received"), shortTime(r.Created, loc))
	if len(r.Files) > 0 {
		form.Append(lang.L("Files"), attachmentRows(r.Files))
	}
	if r.State == desk.VisitDeclined {
		v.showMaterials(form)
	}
	v.facts.Objects = []fyne.CanvasObject{form}
	v.facts.Refresh()

	v.buttons.RemoveAll()
	clear(v.moveBtns)
	for _, m := range r.State.Moves() {
		b := &widget.Button{Text: visitMoveButton(m), OnTapped: func() { v.onMove(m) }}
		switch m {
		case desk.MoveBook:
			b.Importance, b.Icon = widget.HighImportance, theme.Icon(theme.IconNameCalendar)
		case desk.MoveDecline, desk.MoveCancel:
			b.Importance = widget.WarningImportance
		}
		v.moveBtns[m] = b
		v.buttons.Add(b)
	}
	v.buttons.Refresh()

	trail, err := d.deskSvc().Audit(d.ctx(), r.Subject())
	if err != nil {
		v.showError(err)
		return
	}
	v.audit.show(trail, loc, visitStateName)
}

// showMaterials adds the briefing materials a declined request led to,
// each a tap away from the board.
func (v *visitDetail) showMaterials(form *widget.Form) {
	d := v.in.desk
	ms, err := d.deskSvc().Materials(d.ctx(), v.req.LeaderID, "")
	if err != nil {
		v.showError(err)
		return
	}
	for _, m := range ms {
		if m.VisitID != v.req.ID {
			continue
		}
		text := materialStateLabel(m.State)
		if m.State == desk.MaterialExpected && !m.Due.IsZero() {
			text += " · " + lang.L("Due {{.Date}}", map[string]any{"Date": dayHeader(m.Due)})
		}
		form.Append(lang.L("Briefing materials"), &widget.Button{Text: text, Icon: theme.Icon(theme.IconNameFile),
			Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance,
			OnTapped: func() { d.openBoard().open(m) }})
	}
}

// reload reads the shown request again.
func (v *visitDetail) reload() {
	r, err := v.in.desk.deskSvc().VisitRequest(v.in.desk.ctx(), v.req.ID)
	if err != nil {
		v.req = desk.VisitRequest{}
		v.body.Hide()
		v.hint.Show()
		return
	}
	v.show(r)
}

func (v *visitDetail) showError(err error) { showErr(v.problem, err) }

// onMove takes decision m on the shown request.
func (v *visitDetail) onMove(m desk.VisitMove) {
	d := v.in.desk
	switch m {
	case desk.MoveBook:
		v.booking = newBookDialog(v)
		v.booking.show()
	case desk.MoveDecline:
		v.decline = newDeclineDialog(v)
		v.decline.show()
	case desk.MoveComplete:
		v.apply(d.deskSvc().MoveVisit(d.ctx(), v.req.ID, m, "", d.user()))
	default:
		v.note = newNoteDialog(visitMoveButton(m), lang.L("Note for the trail (optional)"), v.in.win, func(note string) error {
			return d.deskSvc().MoveVisit(d.ctx(), v.req.ID, m, note, d.user())
		}, v.afterChange)
		v.note.show()
	}
}

// apply shows err, or the change's result.
func (v *visitDetail) apply(err error) {
	if err != nil {
		v.showError(err)
		return
	}
	v.afterChange()
}

// afterChange redraws the desk; the inbox's reload keeps the changed
// request in view here, even when the state filter now hides it.
func (v *visitDetail) afterChange() { v.in.desk.changed() }

// noteDialog confirms a move with an optional note; the error of the
// move, if any, is shown in it and keeps it open.
type noteDialog struct {
	entry   *widget.Entry
	problem *paragraph
	okBtn   *widget.Button
	dialog  *dialog.CustomDialog
	apply   func(note string) error
	done    func()
}

func newNoteDialog(title, placeholder string, win fyne.Window, apply func(string) error, done func()) *noteDialog {
	n := &noteDialog{apply: apply, done: done, problem: errorLabel()}
	n.entry = &widget.Entry{PlaceHolder: placeholder, MultiLine: true, Wrapping: fyne.TextWrapWord}
	n.okBtn = &widget.Button{Text: lang.L("Confirm"), Importance: widget.HighImportance, OnTapped: n.onOK}
	cancel := &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { n.dialog.Hide() }}
	n.dialog = dialog.NewCustomWithoutButtons(title, container.NewVBox(n.entry, n.problem), win)
	n.dialog.SetButtons([]fyne.CanvasObject{cancel, n.okBtn})
	return n
}

func (n *noteDialog) show() {
	n.dialog.Resize(fyne.NewSize(420, 220))
	n.dialog.Show()
}

func (n *noteDialog) onOK() {
	if err := n.apply(n.entry.Text); err != nil {
		showErr(n.problem, err)
		return
	}
	n.dialog.Hide()
	n.done()
}
