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
	"anteroom/calendar/followup"
)

// itemForm puts a matter on the follow-up board: a decision of minutes,
// the leader's instructions on materials, or a matter the leader hands
// down directly (领导交办). The unit and person are picked from the
// visits' directory or typed.
type itemForm struct {
	d        *followUpDesk
	source   followup.Source
	text     *formEntry
	unit     *widget.SelectEntry
	person   *widget.SelectEntry
	due      *datePicker
	priority *enumSelect[followup.Priority]
	problem  *paragraph
	scroll   *container.Scroll // the form, scrolled to the problem on a refused save
	saveBtn  *widget.Button
	dialog   *dialog.CustomDialog
	after    func(followup.Item)
}

// newFromDecision follows up decision dec of minutes m.
func (d *followUpDesk) newFromDecision(win fyne.Window, m followup.Minutes, dec followup.Decision, after func()) *itemForm {
	src := followup.Source{Kind: followup.FromMinutes, MinutesID: m.ID, Decision: dec.N, Title: m.Meeting.Title}
	return d.newItemForm(win, lang.L("Follow up decision {{.N}}", map[string]any{"N": hanOrDigits(dec.N)}), src, dec.Text, func(followup.Item) { after() })
}

// newFromMaterials follows up the leader's instructions on materials.
func (d *followUpDesk) newFromMaterials(win fyne.Window, m desk.Material, after func()) *itemForm {
	src := followup.Source{Kind: followup.FromMaterials, MaterialID: m.ID, Title: m.Title}
	return d.newItemForm(win, lang.L("Follow up the leader's instructions"), src, m.Instructions, func(followup.Item) { after() })
}

// newAssigned records a matter the leader hands down directly.
func (d *followUpDesk) newAssigned(win fyne.Window) *itemForm {
	if d.svc == nil {
		return nil
	}
	return d.newItemForm(win, lang.L("New assigned matter"), followup.Source{Kind: followup.FromDirect}, "", nil)
}

func hanOrDigits(n int) string {
	if chinese() {
		return followup.ChineseNumeral(n)
	}
	return strconv.Itoa(n)
}

func (d *followUpDesk) newItemForm(win fyne.Window, title string, src followup.Source, text string, after func(followup.Item)) *itemForm {
	f := &itemForm{d: d, source: src, problem: errorLabel(), after: after}
	f.text = newMultiLineFormEntry(text, lang.L("What is to be done"))
	f.text.SetMinRowsVisible(3)
	f.unit = widget.NewSelectEntry(d.units())
	f.unit.PlaceHolder = lang.L("Responsible unit")
	f.person = widget.NewSelectEntry(d.people())
	f.person.PlaceHolder = lang.L("Responsible person (optional)")
	f.due = newDatePicker(d.today().AddDays(7), nil)
	f.priority = newEnumSelect(followup.Priorities, priorityLabel, nil)
	f.priority.setValue(followup.PriorityNormal)
	f.saveBtn = &widget.Button{Text: lang.L("Save"), Icon: theme.Icon(theme.IconNameDocumentSave), Importance: widget.HighImportance, OnTapped: f.onSave}
	cancel := &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { f.dialog.Hide() }}
	form := widget.NewForm()
	if src.Kind != followup.FromDirect {
		factRow(form, lang.L("Source"), sourceText(src))
	}
	form.Append(lang.L("Matter"), f.text)
	form.Append(lang.L("Unit"), f.unit)
	form.Append(lang.L("Person"), f.person)
	form.Append(lang.L("Due by"), container.NewHBox(f.due.button))
	form.Append(lang.L("Priority"), f.priority)
	f.scroll = container.NewVScroll(container.NewVBox(form, f.problem))
	f.dialog = dialog.NewCustomWithoutButtons(title, f.scroll, win)
	f.dialog.SetButtons([]fyne.CanvasObject{cancel, f.saveBtn})
	f.dialog.Resize(fitIn(win, fyne.NewSize(600, 420)))
	showDialog(win, f.dialog)
	if text == "" {
		win.Canvas().Focus(f.text)
	} else {
		win.Canvas().Focus(f.unit)
	}
	d.form = f
	return f
}

// units lists the directory's organisations, for the unit field.
func (d *followUpDesk) units() []string {
	orgs, err := d.m.deskSvc.Organisations(d.ctx(), "")
	if err != nil {
		return nil
	}
	out := make([]string, len(orgs))
	for i, o := range orgs {
		out[i] = o.Name
	}
	return out
}

// people lists the directory's people, for the person field.
func (d *followUpDesk) people() []string {
	ps, err := d.m.deskSvc.People(d.ctx(), 0, "")
	if err != nil {
		return nil
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

func (f *itemForm) onSave() {
	d := f.d
	n := followup.NewItem{LeaderID: d.leader().ID, Text: f.text.Text, Source: f.source, Unit: f.unit.Text,
		Person: f.person.Text, Due: f.due.date, Priority: f.priority.value()}
	it, err := d.svc.AddItem(d.ctx(), n, d.user())
	if err != nil {
		showErrIn(f.scroll, f.problem, err)
		return
	}
	f.dialog.Hide()
	d.changed()
	if f.after != nil {
		f.after(it)
	}
}
