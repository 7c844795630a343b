package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/followup"
)

// minutesDialog is the minutes of one meeting (会议纪要): while a draft,
// the chair, attendees, decisions and free text can be edited; then the
// one move their state allows is offered (submit, sign, issue), and once
// signed each decision can be taken into the follow-up board.
type minutesDialog struct {
	d          *followUpDesk
	win        fyne.Window
	engID      int64     // the meeting's engagement, the series for an occurrence
	recurrence time.Time // the occurrence; zero for a single meeting
	title      string    // the meeting's, until minutes exist
	min        followup.Minutes

	dialog  *dialog.CustomDialog
	body    *fyne.Container
	banner  *paragraph
	problem *paragraph
	scroll  *container.Scroll // the body, scrolled to the problem on a refused step
	audit   *auditView

	// Editing a draft.
	chair       *widget.Entry
	attendees   []*widget.Entry
	attendeeBox *fyne.Container
	decisions   []*widget.Entry
	decisionBox *fyne.Container
	text        *widget.Entry

	closeBtn, saveBtn, submitBtn, signBtn, issueBtn *widget.Button
	printBtn                                        *widget.Button
	followBtns                                      map[int]*widget.Button // by decision number
	printing                                        *printDialog           // the last Print… opened, for tests

	// The open sign or issue question, for tests.
	signBy      *widget.Entry
	issueNumber *widget.Entry
	issueOn     *datePicker
	issueTo     *widget.Entry
	askOK       *widget.Button
	askProblem  *paragraph
	ask         *dialog.CustomDialog
}

// openMinutes opens the minutes of meeting e, an occurrence of a series
// included: the stored ones, or a new draft.
func (d *followUpDesk) openMinutes(e calendar.Engagement) *minutesDialog {
	if d.svc == nil {
		return nil
	}
	engID := e.ID
	if e.IsOccurrence() {
		engID = e.SeriesID
	}
	m, err := d.svc.MinutesOf(d.ctx(), e)
	switch {
	case errors.Is(err, calendar.ErrNotFound):
		l := d.leader()
		m = followup.Minutes{State: followup.MinutesDraft, ChairedBy: l.Name, Attendees: []string{l.Name},
			Meeting: followup.Meeting{EngagementID: engID, RecurrenceID: e.RecurrenceID, LeaderID: e.LeaderID, Title: e.Title,
				Location: e.Location, Start: e.Start, End: e.End, Cancelled: e.Cancelled(), Classification: e.Classification}}
	case err != nil:
		d.m.showError(err)
		return nil
	}
	return d.showMinutes(d.m.win, m)
}

// openMinutesByID opens stored minutes over win, their meeting deleted or
// not.
func (d *followUpDesk) openMinutesByID(win fyne.Window, id int64) *minutesDialog {
	m, err := d.svc.Minutes(d.ctx(), id)
	if err != nil {
		showDialog(win, newErrorDialog(errorText(err), win))
		return nil
	}
	return d.showMinutes(win, m)
}

// showMinutes shows m over win.
func (d *followUpDesk) showMinutes(win fyne.Window, m followup.Minutes) *minutesDialog {
	md := &minutesDialog{d: d, win: win, engID: m.Meeting.EngagementID, recurrence: m.Meeting.RecurrenceID, title: m.Meeting.Title, min: m,
		body: container.NewVBox(), problem: errorLabel(), audit: newAuditView(), followBtns: map[int]*widget.Button{}}
	md.banner = newParagraph("").look(widget.WarningImportance, "", fyne.TextStyle{Bold: true})
	md.closeBtn = &widget.Button{Text: lang.L("Close"), OnTapped: func() { md.dialog.Hide() }}
	md.saveBtn = &widget.Button{Text: lang.L("Save draft"), Icon: theme.Icon(theme.IconNameDocumentSave), OnTapped: md.onSave}
	md.submitBtn = &widget.Button{Text: lang.L("Submit for sign-off"), Icon: theme.Icon(theme.IconNameMailSend), Importance: widget.HighImportance, OnTapped: md.onSubmit}
	md.signBtn = &widget.Button{Text: lang.L("Sign…"), Icon: theme.Icon(theme.IconNameConfirm), Importance: widget.HighImportance, OnTapped: md.onSign}
	md.issueBtn = &widget.Button{Text: lang.L("Issue…"), Icon: theme.Icon(theme.IconNameMailForward), Importance: widget.HighImportance, OnTapped: md.onIssue}
	md.printBtn = &widget.Button{Text: lang.L("Print…"), Icon: theme.Icon(theme.IconNameDocumentPrint), OnTapped: func() { md.onPrint() }}
	md.scroll = container.NewVScroll(md.body)
	md.dialog = dialog.NewCustomWithoutButtons(lang.L("Minutes · {{.Title}}", map[string]any{"Title": m.Meeting.Title}), md.scroll, md.win)
	md.build()
	md.dialog.Resize(fitIn(md.win, fyne.NewSize(780, 640)))
	showDialog(md.win, md.dialog)
	d.minutes = md
	return md
}

// build lays out the minutes as their state allows.
func (md *minutesDialog) build() {
	d, m, loc := md.d, md.min, md.d.loc()
	var objs []fyne.CanvasObject
	md.banner.Hidden = !m.Meeting.Gone && !m.Meeting.Cancelled
	switch {
	case m.Meeting.Gone:
		md.banner.SetText(lang.L("The meeting was deleted from the calendar; the minutes keep its particulars."))
		objs = append(objs, md.banner)
	case m.Meeting.Cancelled:
		md.banner.SetText(lang.L("The meeting was cancelled."))
		objs = append(objs, md.banner)
	}
	head := widget.NewForm()
	factRow(head, lang.L("Meeting"), m.Meeting.Title)
	factRow(head, lang.L("When"), meetingWhen(m.Meeting, loc))
	factRow(head, lang.L("Where"), m.Meeting.Location)
	stateText := minutesStateLabel(m.State)
	if m.ID == 0 {
		stateText = lang.L("Not written yet")
	}
	head.Append(lang.L("State"), &widget.Label{Text: stateText, TextStyle: fyne.TextStyle{Bold: true}})
	if m.SignedBy != "" {
		factRow(head, lang.L("Signed"), m.SignedBy+" · "+shortTime(m.SignedAt, loc))
	}
	if m.DocNumber != "" {
		issued := m.DocNumber + " · " + longDate(m.IssuedOn)
		if len(m.IssuedTo) > 0 {
			issued += " · " + strings.Join(m.IssuedTo, listSep())
		}
		factRow(head, lang.L("Issued"), issued)
	}
	objs = append(objs, head)
	if m.State == followup.MinutesDraft {
		objs = append(objs, md.editor(head)...)
	} else {
		objs = append(objs, md.record(head)...)
	}
	objs = append(objs, md.problem)
	if m.ID != 0 {
		trail, err := d.svc.Audit(d.ctx(), m.Subject())
		if err != nil {
			showErrIn(md.scroll, md.problem, err)
		}
		md.audit.show(followupTrail(trail), loc, minutesStateName)
		objs = append(objs, widget.NewSeparator(), md.audit.content)
	}
	md.body.Objects = objs
	md.body.Refresh()
	md.dialog.SetButtons(md.buttons())
}

// buttons are Close, Print… once the minutes are stored, and the moves
// the state allows.
func (md *minutesDialog) buttons() []fyne.CanvasObject {
	out := []fyne.CanvasObject{md.closeBtn}
	if md.min.ID != 0 {
		out = append(out, md.printBtn)
	}
	switch md.min.State {
	case followup.MinutesDraft:
		out = append(out, md.saveBtn, md.submitBtn)
	case followup.MinutesSubmitted:
		out = append(out, md.signBtn)
	case followup.MinutesSigned:
		out = append(out, md.issueBtn)
	}
	return out
}

// editor is the draft's form below the facts in head: chair, attendees,
// decisions, free text.
func (md *minutesDialog) editor(head *widget.Form) []fyne.CanvasObject {
	m := md.min
	md.chair = &widget.Entry{Text: m.ChairedBy}
	md.attendees, md.decisions = nil, nil
	md.attendeeBox = container.NewGridWithColumns(3)
	for _, a := range m.Attendees {
		md.addAttendee(a)
	}
	md.decisionBox = container.NewVBox()
	for _, dec := range m.Decisions {
		md.addDecision(dec.Text)
	}
	md.text = &widget.Entry{Text: m.Text, MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: lang.L("Background and discussion (optional)")}
	md.text.SetMinRowsVisible(3)
	addAttendee := &widget.Button{Text: lang.L("Add attendee"), Icon: theme.Icon(theme.IconNameContentAdd), Importance: widget.LowImportance,
		OnTapped: func() { md.win.Canvas().Focus(md.addAttendee("")) }}
	addDecision := &widget.Button{Text: lang.L("Add decision"), Icon: theme.Icon(theme.IconNameContentAdd), Importance: widget.LowImportance,
		OnTapped: func() { md.win.Canvas().Focus(md.addDecision("")) }}
	head.Append(lang.L("Chaired by"), md.chair)
	head.Append(lang.L("Attendees"), container.NewVBox(md.attendeeBox, container.NewHBox(addAttendee)))
	decisions := container.NewVBox(widget.NewSeparator(), &widget.Label{Text: lang.L("Decisions"), TextStyle: fyne.TextStyle{Bold: true}},
		md.decisionBox, container.NewHBox(addDecision))
	return []fyne.CanvasObject{decisions, &widget.Label{Text: lang.L("Text"), TextStyle: fyne.TextStyle{Bold: true}}, md.text}
}

// addAttendee adds an attendee's row and returns its entry.
func (md *minutesDialog) addAttendee(name string) *widget.Entry {
	e := &widget.Entry{Text: name, PlaceHolder: lang.L("Name")}
	md.attendees = append(md.attendees, e)
	var cell *fyne.Container
	remove := &widget.Button{Icon: theme.Icon(theme.IconNameDelete), Importance: widget.LowImportance}
	cell = container.NewBorder(nil, nil, nil, remove, e)
	remove.OnTapped = func() {
		md.attendees = without(md.attendees, e)
		md.attendeeBox.Remove(cell)
	}
	md.attendeeBox.Add(cell)
	return e
}

// addDecision adds a decision's row and returns its entry; the rows are
// numbered 一、二、三… as the minutes will print them.
func (md *minutesDialog) addDecision(text string) *widget.Entry {
	e := &widget.Entry{Text: text, MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: lang.L("What was decided")}
	e.SetMinRowsVisible(2)
	md.decisions = append(md.decisions, e)
	md.renumber()
	return e
}

// renumber lays out the decision rows again after one is added or removed.
func (md *minutesDialog) renumber() {
	md.decisionBox.RemoveAll()
	for i, e := range md.decisions {
		remove := &widget.Button{Icon: theme.Icon(theme.IconNameDelete), Importance: widget.LowImportance, OnTapped: func() {
			md.decisions = without(md.decisions, e)
			md.renumber()
		}}
		md.decisionBox.Add(container.NewBorder(nil, nil, &widget.Label{Text: chineseNumeral(i + 1), TextStyle: fyne.TextStyle{Bold: true}}, remove, e))
	}
	md.decisionBox.Refresh()
}

func without(es []*widget.Entry, e *widget.Entry) []*widget.Entry {
	out := es[:0:0]
	for _, x := range es {
		if x != e {
			out = append(out, x)
		}
	}
	return out
}

// record shows minutes past the draft below the facts in head: read
// only, each decision with Follow up… once they are signed.
func (md *minutesDialog) record(head *widget.Form) []fyne.CanvasObject {
	m := md.min
	factRow(head, lang.L("Chaired by"), m.ChairedBy)
	factRow(head, lang.L("Attendees"), strings.Join(m.Attendees, listSep()))
	followed := md.followedUp()
	box := container.NewVBox(widget.NewSeparator(), &widget.Label{Text: lang.L("Decisions"), TextStyle: fyne.TextStyle{Bold: true}})
	md.followBtns = map[int]*widget.Button{}
	canFollow := m.State == followup.MinutesSigned || m.State == followup.MinutesIssued
	for _, dec := range m.Decisions {
		text := newParagraph(chineseNumeral(dec.N) + dec.Text)
		var right fyne.CanvasObject
		if canFollow {
			btn := &widget.Button{Text: lang.L("Follow up…"), Icon: theme.Icon(theme.IconNameContentAdd), Importance: widget.LowImportance}
			dec := dec
			btn.OnTapped = func() { md.d.newFromDecision(md.win, m, dec, md.refreshAfterFollowUp) }
			md.followBtns[dec.N] = btn
			if n := followed[dec.N]; n > 0 {
				right = container.NewHBox(&widget.Label{Text: lang.L("{{.Count}} followed up", map[string]any{"Count": n}), Importance: widget.SuccessImportance}, btn)
			} else {
				right = btn
			}
		}
		box.Add(container.NewBorder(nil, nil, nil, right, text))
	}
	out := []fyne.CanvasObject{box}
	if m.Text != "" {
		out = append(out, &widget.Label{Text: lang.L("Text"), TextStyle: fyne.TextStyle{Bold: true}}, newParagraph(m.Text))
	}
	return out
}

// followedUp counts the items taken from each decision of the minutes.
func (md *minutesDialog) followedUp() map[int]int {
	out := map[int]int{}
	if md.min.ID == 0 {
		return out
	}
	items, err := md.d.svc.Items(md.d.ctx(), followup.Filter{LeaderID: md.min.Meeting.LeaderID})
	if err != nil {
		return out
	}
	for _, it := range items {
		if it.Source.Kind == followup.FromMinutes && it.Source.MinutesID == md.min.ID {
			out[it.Source.Decision]++
		}
	}
	return out
}

// draft is what the form holds.
func (md *minutesDialog) draft() followup.Draft {
	chair, text := md.chair.Text, md.text.Text
	d := followup.Draft{ChairedBy: &chair, Text: &text, Attendees: []string{}, Decisions: []string{}}
	for _, e := range md.attendees {
		d.Attendees = append(d.Attendees, e.Text)
	}
	for _, e := range md.decisions {
		d.Decisions = append(d.Decisions, e.Text)
	}
	return d
}

// save writes the draft and reports whether it was stored.
func (md *minutesDialog) save() bool {
	d := md.d
	m, err := d.svc.EditMinutes(d.ctx(), md.engID, md.recurrence, md.draft(), d.user())
	if err != nil {
		md.fail(err)
		return false
	}
	md.min = m
	return true
}

func (md *minutesDialog) onSave() {
	if md.save() {
		md.done()
	}
}

func (md *minutesDialog) onSubmit() {
	if !md.save() {
		return
	}
	d := md.d
	m, err := d.svc.SubmitMinutes(d.ctx(), md.min.ID, d.user())
	if err != nil {
		md.fail(err)
		return
	}
	md.min = m
	md.done()
}

// onSign asks who signed the minutes, then records it.
func (md *minutesDialog) onSign() {
	md.signBy = &widget.Entry{Text: md.d.leader().Name, PlaceHolder: lang.L("Who signed")}
	md.askFor(lang.L("Sign the minutes"), lang.L("Signed"), widget.NewForm(widget.NewFormItem(lang.L("Signed by"), md.signBy)), func() error {
		d := md.d
		m, err := d.svc.SignMinutes(d.ctx(), md.min.ID, md.signBy.Text, d.user())
		if err == nil {
			md.min = m
		}
		return err
	})
}

// onIssue asks the document number, the date and the units, then records
// the minutes as issued.
func (md *minutesDialog) onIssue() {
	md.issueNumber = &widget.Entry{PlaceHolder: lang.L("e.g. 办纪〔2026〕12号")}
	md.issueOn = newDatePicker(md.d.today(), nil)
	md.issueTo = &widget.Entry{PlaceHolder: lang.L("Units, separated by 、 or commas")}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Document number"), md.issueNumber),
		widget.NewFormItem(lang.L("Issued on"), container.NewHBox(md.issueOn.button)),
		widget.NewFormItem(lang.L("Sent to"), md.issueTo),
	)
	md.askFor(lang.L("Issue the minutes"), lang.L("Issue"), form, func() error {
		d := md.d
		m, err := d.svc.IssueMinutes(d.ctx(), md.min.ID, md.issueNumber.Text, md.issueOn.date, followup.SplitNames(md.issueTo.Text), d.user())
		if err == nil {
			md.min = m
		}
		return err
	})
	md.win.Canvas().Focus(md.issueNumber)
}

// askFor shows a small form over the minutes; ok runs do, which keeps it
// open on a problem it can fix and closes it on a refused move.
func (md *minutesDialog) askFor(title, okText string, form fyne.CanvasObject, do func() error) {
	md.askProblem = errorLabel()
	cancel := &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { md.ask.Hide() }}
	md.askOK = &widget.Button{Text: okText, Icon: theme.Icon(theme.IconNameConfirm), Importance: widget.HighImportance}
	md.ask = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, md.askProblem), md.win)
	md.ask.SetButtons([]fyne.CanvasObject{cancel, md.askOK})
	md.askOK.OnTapped = func() {
		err := do()
		if err == nil {
			md.ask.Hide()
			md.done()
			return
		}
		if errors.Is(err, followup.ErrIllegalMove) {
			md.ask.Hide()
			md.fail(err)
			return
		}
		showErr(md.askProblem, err)
	}
	md.ask.Resize(fitIn(md.win, fyne.NewSize(520, 260)))
	showDialog(md.win, md.ask)
}

// fail shows err; a refused move means the minutes moved elsewhere, so
// they are read again to show where they are now.
func (md *minutesDialog) fail(err error) {
	if errors.Is(err, followup.ErrIllegalMove) && md.min.ID != 0 {
		if m, rerr := md.d.svc.Minutes(md.d.ctx(), md.min.ID); rerr == nil {
			md.min = m
			md.build()
		}
	}
	showErrIn(md.scroll, md.problem, err)
}

// done shows the minutes as they now are.
func (md *minutesDialog) done() {
	showErr(md.problem, nil)
	md.build()
	md.d.changed()
}

// refreshAfterFollowUp redraws the decisions' counts after an item is
// made from one.
func (md *minutesDialog) refreshAfterFollowUp() { md.build() }
