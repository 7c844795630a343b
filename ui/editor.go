package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// editor is the dialog that creates, changes and deletes one engagement.
// It validates as the user types and names each problem beside its field;
// nothing reaches the store until Save passes validation.
type editor struct {
	svc      *calendar.Service
	leader   calendar.Leader
	loc      *time.Location
	original calendar.Engagement // ID 0 when new
	// asRead is the engagement as the window read it, which a save must
	// find unchanged: the original, or for a dragged block its times
	// before the drag.
	asRead calendar.Engagement
	win    fyne.Window
	onDone func()

	title          *formEntry
	kind           *enumSelect[calendar.Kind]
	allDay         *widget.Check
	startDate      *datePicker
	startTime      *timePicker
	endDate        *datePicker
	endTime        *timePicker
	location       *formEntry
	organiser      *formEntry
	notes          *formEntry
	status         *enumSelect[calendar.Status]
	classification *enumSelect[calendar.Classification]
	zoneNote       *widget.Label

	errs     map[string]*paragraph // field → its inline message
	saveBtn  *widget.Button
	delBtn   *widget.Button
	dialog   *dialog.CustomDialog
	duration time.Duration // kept when the start moves, as calendars do
	open     bool
	user     string // who overrides a rule, for the log

	findings    []calendar.Finding
	findingsBox *fyne.Container
	slotsBox    *fyne.Container
	freeBtn     *widget.Button
	reason      *formEntry
	overrideBtn *widget.Button
	overrideBox *fyne.Container

	repeat *enumSelect[string]
	scope  *widget.RadioGroup // nil unless editing an occurrence of a series
	ready  bool               // set once every field exists; changes before that are the form filling itself

	// onSaved and onDeleted tell the window what was stored, for Undo.
	onSaved   func(saved calendar.Engagement, wholeSeries bool)
	onDeleted func(scope string)
	scroll    *container.Scroll // the form, scrolled to the findings when a save is blocked
	form      *widget.Form
	reminder  *reminderField // nil until attachReminder
}

// newEditor prepares an editor for e in the leader's zone; call show.
func newEditor(svc *calendar.Service, leader calendar.Leader, loc *time.Location, e calendar.Engagement, win fyne.Window, onDone func()) *editor {
	ed := &editor{svc: svc, leader: leader, loc: loc, original: e, asRead: e, win: win, onDone: onDone, errs: map[string]*paragraph{}}
	ed.build()
	return ed
}

func (ed *editor) build() {
	e := ed.original
	start, end := e.Start.In(ed.loc), e.End.In(ed.loc)
	startDay, endDay := calendar.DateOf(start), calendar.DateOf(end)
	if e.AllDay {
		startDay, endDay = e.StartDay, e.EndDay.AddDays(-1) // the editor shows the last day, not the exclusive end
	}
	ed.duration = end.Sub(start)

	ed.title = newFormEntry(e.Title, lang.L("What is it, e.g. 周例会"))
	ed.title.OnChanged = func(string) { ed.validate() }
	ed.kind = newEnumSelect(calendar.Kinds, kindLabel, ed.validate)
	ed.allDay = &widget.Check{Text: lang.L("All day"), Checked: e.AllDay, OnChanged: func(bool) { ed.layoutTimes(); ed.validate() }}
	ed.startTime = newTimePicker(start, ed.onStartChanged)
	ed.endTime = newTimePicker(end, ed.validate)
	ed.startDate = newDatePicker(startDay, func(calendar.Date) { ed.onStartChanged() })
	ed.endDate = newDatePicker(endDay, func(calendar.Date) { ed.validate() })
	ed.location = newFormEntry(e.Location, lang.L("Room or place"))
	ed.organiser = newFormEntry(e.Organiser, lang.L("Organising office, e.g. 县政府办 (shown in the week's plan)"))
	ed.notes = newFormEntry(e.Notes, "")
	ed.notes.MultiLine, ed.notes.Wrapping = true, fyne.TextWrapWord
	// Enter in a one-line field saves, Escape in any field cancels.
	for _, f := range []*formEntry{ed.title, ed.location, ed.organiser, ed.notes} {
		f.onEscape = func() { ed.dialog.Hide() }
		if !f.MultiLine {
			f.OnSubmitted = func(string) { ed.onSave() }
		}
	}
	ed.notes.SetMinRowsVisible(3)
	ed.status = newEnumSelect(calendar.Statuses, statusLabel, ed.validate)
	ed.classification = newEnumSelect(calendar.Classifications, classLabel, nil)
	ed.kind.setValue(orDefault(e.Kind, calendar.KindMeeting))
	ed.status.setValue(orDefault(e.Status, calendar.StatusConfirmed))
	ed.classification.setValue(orDefault(e.Classification, calendar.ClassInternal))
	ed.zoneNote = widget.NewLabel("")
	if e.ZoneName != "" && e.ZoneName != ed.loc.String() && !e.AllDay {
		ed.zoneNote.SetText(lang.L("Entered in {{.Zone}}: {{.When}}", map[string]any{"Zone": e.ZoneName, "When": spanText(e, e.EnteredLocation(ed.loc))}))
	}
	ed.zoneNote.Hidden = ed.zoneNote.Text == ""

	for _, f := range []string{"title", "start", "end", "kind", "status", "leader", "form"} {
		l := newParagraph("").look(widget.DangerImportance, "", fyne.TextStyle{})
		l.Hide()
		ed.errs[f] = l
	}

	repeatSel, scopeBox := ed.buildRepeat()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Title"), container.NewVBox(ed.title, ed.errs["title"])),
		widget.NewFormItem(lang.L("Kind"), ed.kind.Select),
		widget.NewFormItem("", ed.allDay),
		widget.NewFormItem(lang.L("Starts"), container.NewVBox(container.NewHBox(ed.startDate.button, ed.startTime.box), ed.errs["start"])),
		widget.NewFormItem(lang.L("Ends"), container.NewVBox(container.NewHBox(ed.endDate.button, ed.endTime.box), ed.errs["end"])),
		widget.NewFormItem(lang.L("Repeat"), repeatSel),
		widget.NewFormItem(lang.L("Location"), ed.location),
		widget.NewFormItem(lang.L("Organiser"), ed.organiser),
		widget.NewFormItem(lang.L("Status"), ed.status.Select),
		widget.NewFormItem(lang.L("Classification"), ed.classification.Select),
		widget.NewFormItem(lang.L("Notes"), ed.notes),
	)
	ed.form = form
	top := container.NewVBox()
	if scopeBox != nil {
		top.Add(scopeBox)
	}
	content := container.NewVBox(top, form, ed.zoneNote, ed.errs["kind"], ed.errs["status"], ed.errs["leader"], ed.errs["form"], ed.buildRules())

	ed.saveBtn = &widget.Button{Text: lang.L("Save"), Icon: theme.Icon(theme.IconNameDocumentSave), Importance: widget.HighImportance, OnTapped: ed.onSave}
	cancel := &widget.Button{Text: lang.L("Cancel"), Icon: theme.Icon(theme.IconNameCancel), OnTapped: func() { ed.dialog.Hide() }}
	ed.delBtn = &widget.Button{Text: lang.L("Delete"), Icon: theme.Icon(theme.IconNameDelete), Importance: widget.DangerImportance, OnTapped: ed.onDelete}
	buttons := []fyne.CanvasObject{cancel, ed.saveBtn}
	if e.ID != 0 {
		buttons = append([]fyne.CanvasObject{ed.delBtn}, buttons...)
	}
	heading := lang.L("New engagement")
	if e.ID != 0 {
		heading = lang.L("Edit engagement")
	}
	// The form scrolls and the buttons stay put: found free slots and
	// findings must never push Save off a small screen.
	ed.scroll = container.NewVScroll(content)
	ed.dialog = dialog.NewCustomWithoutButtons(heading, ed.scroll, ed.win)
	ed.dialog.SetButtons(buttons)
	ed.dialog.SetOnClosed(func() { ed.open = false })
	ed.layoutTimes()
	ed.ready = true
	ed.validate()
}

// show opens the dialog with the title focused.
func (ed *editor) show() {
	ed.dialog.Resize(fitIn(ed.win, fyne.NewSize(620, 560)))
	showDialog(ed.win, ed.dialog)
	ed.open = true
	ed.win.Canvas().Focus(ed.title)
}

// visible reports whether the dialog is still open.
func (ed *editor) visible() bool { return ed.open }

func (ed *editor) layoutTimes() {
	if ed.allDay.Checked {
		ed.startTime.box.Hide()
		ed.endTime.box.Hide()
	} else {
		ed.startTime.box.Show()
		ed.endTime.box.Show()
	}
}

// onStartChanged moves the end with the start, keeping the length, so
// moving a meeting is one change, not two.
func (ed *editor) onStartChanged() {
	if !ed.ready {
		return
	}
	if ed.duration > 0 {
		if ed.allDay.Checked {
			days := daysBetween(ed.original.StartDay, ed.original.EndDay) - 1
			ed.endDate.date = ed.startDate.date.AddDays(max(days, 0))
			ed.endDate.button.SetText(longDate(ed.endDate.date))
		} else {
			end := ed.startTime.on(ed.startDate.date, ed.loc).Add(ed.duration)
			ed.endDate.date = calendar.DateOf(end)
			ed.endDate.button.SetText(longDate(ed.endDate.date))
			ed.endTime.set(end)
		}
	}
	ed.validate()
}

// engagement returns what the form says, on top of the original.
func (ed *editor) engagement() calendar.Engagement {
	e := ed.original
	e.LeaderID = ed.leader.ID
	e.Title = ed.title.Text
	e.Kind = ed.kind.value()
	e.Location = ed.location.Text
	e.Organiser = ed.organiser.Text
	e.Notes = ed.notes.Text
	e.Status = ed.status.value()
	e.Classification = ed.classification.value()
	e.AllDay = ed.allDay.Checked
	if e.Source == "" {
		e.Source = calendar.SourceManual // typed in here, by hand
	}
	if !e.IsOccurrence() || ed.scopeValue() == scopeSeries {
		e.RRule = ed.repeat.value()
	} else {
		e.RRule = "" // one occurrence, overridden, does not repeat itself
	}
	if e.AllDay {
		e.StartDay, e.EndDay = ed.startDate.date, ed.endDate.date.AddDays(1)
		e.Start, e.End = e.StartDay.In(ed.loc), e.EndDay.In(ed.loc)
	} else {
		e.StartDay, e.EndDay = calendar.Date{}, calendar.Date{}
		start, end := ed.startTime.on(ed.startDate.date, ed.loc), ed.endTime.on(ed.endDate.date, ed.loc)
		if !start.Equal(ed.original.Start) || !end.Equal(ed.original.End) || e.ZoneName == "" {
			e.ZoneName = ed.loc.String() // times typed here are in the leader's zone
		}
		e.Start, e.End = start, end
	}
	return e
}

// validate shows the form's problems beside their fields.
func (ed *editor) validate() {
	if !ed.ready {
		return
	}
	e := ed.engagement()
	err := formProblems(e)
	if e.ID == 0 && e.Title == "" && ed.errs["title"].Hidden {
		// An untouched new form is not an error yet; it becomes one on Save.
		err = withoutField(err, "title")
	}
	ed.showProblems(err)
	if err == nil || withoutField(err, "title") == nil {
		e.RRule = ruleToCheck(e)
		ed.checkRules(e)
	} else {
		ed.findings = nil
		ed.showFindings()
	}
}

func (ed *editor) showProblems(err error) bool {
	for _, l := range ed.errs {
		l.SetText("")
		l.Hide()
	}
	if err == nil {
		return true
	}
	var ve *calendar.ValidationError
	if !errors.As(err, &ve) {
		ed.errs["form"].SetText(errorText(err))
		ed.errs["form"].Show()
		return false
	}
	for _, p := range ve.Problems {
		l, ok := ed.errs[p.Field]
		if !ok {
			l = ed.errs["form"]
		}
		if l.Text != "" {
			l.SetText(l.Text + "\n" + translated(calendar.FieldProblem{Problem: p}))
		} else {
			l.SetText(translated(calendar.FieldProblem{Problem: p}))
		}
		l.Show()
	}
	return false
}

// revealProblems scrolls the form to its first message, after a Save or
// a Delete that was refused; typing shows messages where they are.
func (ed *editor) revealProblems() {
	for _, f := range []string{"title", "start", "end", "kind", "status", "leader", "form"} {
		if l := ed.errs[f]; l.Visible() {
			scrollToShow(ed.scroll, l)
			return
		}
	}
}

func (ed *editor) onSave() {
	e := ed.engagement()
	if !ed.showProblems(formProblems(e)) {
		ed.revealProblems()
		return
	}
	var err error
	_, err = ed.svc.SaveEdit(context.Background(), &e, calendar.SaveOptions{WholeSeries: e.IsOccurrence() && ed.scopeValue() == scopeSeries, AsRead: &ed.asRead})
	var ce *calendar.ConflictError
	if errors.As(err, &ce) {
		// Blocked: say why beside the findings and offer the override.
		ed.findings = ce.Findings
		ed.showFindings()
		ed.overrideBox.Show()
		ed.scroll.ScrollToBottom() // the findings and the reason, under the form
		ed.win.Canvas().Focus(ed.reason)
		return
	}
	if err != nil {
		ed.showProblems(err)
		ed.revealProblems()
		return
	}
	ed.saveReminder(e)
	ed.reportSaved(e)
	ed.close()
}

// close hides the dialog and tells the window to reload.
func (ed *editor) close() {
	ed.dialog.Hide()
	if ed.onDone != nil {
		ed.onDone()
	}
}

func (ed *editor) onDelete() {
	title := ed.original.Title
	confirm := newConfirmDialog(lang.L("Delete engagement?"),
		lang.L("“{{.Title}}” will be removed from the calendar.", map[string]any{"Title": title}),
		func(ok bool) {
			if !ok {
				return
			}
			if err := ed.deleteChosen(); err != nil {
				ed.showProblems(err)
				ed.revealProblems()
				return
			}
			ed.reportDeleted()
			ed.dialog.Hide()
			if ed.onDone != nil {
				ed.onDone()
			}
		}, ed.win)
	confirm.SetConfirmText(lang.L("Delete"))
	confirm.SetDismissText(lang.L("Cancel"))
	confirm.SetConfirmImportance(widget.DangerImportance)
	showDialog(ed.win, confirm)
}

// formProblems validates what the form says. An occurrence edited for the
// whole series carries the series' rule, which SaveSeries checks; as one
// occurrence it must not repeat.
func formProblems(e calendar.Engagement) error {
	e.RRule = ruleToCheck(e)
	return e.Validate()
}

// ruleToCheck is the rule an engagement is checked with on its own.
func ruleToCheck(e calendar.Engagement) string {
	if e.IsOccurrence() {
		return ""
	}
	return e.RRule
}

// withoutField drops problems on one field from a validation error.
func withoutField(err error, field string) error {
	var ve *calendar.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	var kept []calendar.Problem
	for _, p := range ve.Problems {
		if p.Field != field {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	return &calendar.ValidationError{Problems: kept}
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}
