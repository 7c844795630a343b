package ui

import (
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

// suggestions is how many directory matches the form offers at a time.
const suggestions = 5

// requestForm records a new visit request. The organisation and the
// people can be picked from the directory as they are typed, so a repeat
// visitor is one tap.
type requestForm struct {
	in *visitInbox

	org        *widget.Entry
	orgHints   *fyne.Container
	people     []*personRow
	peopleBox  *fyne.Container
	peopleHint *fyne.Container
	phone      *widget.Entry
	referredBy *widget.Entry
	purpose    *widget.Entry
	visitors   *widget.Entry
	windows    []*windowRow
	windowsBox *fyne.Container
	files      *fileList
	problem    *paragraph
	scroll     *container.Scroll // the form, scrolled to the problem on a refused save
	saveBtn    *widget.Button
	dialog     *dialog.CustomDialog
	saved      desk.VisitRequest
}

// personRow is one person of the request.
type personRow struct {
	name, title, phone *widget.Entry
	row                fyne.CanvasObject
}

// windowRow is one preferred time.
type windowRow struct {
	date       *datePicker
	start, end *timePicker
	row        fyne.CanvasObject
}

// newRequest opens the form for a new request.
func (in *visitInbox) newRequest() *requestForm {
	f := &requestForm{in: in, orgHints: container.NewVBox(), peopleBox: container.NewVBox(), peopleHint: container.NewVBox(),
		windowsBox: container.NewVBox(), problem: errorLabel()}
	f.org = &widget.Entry{PlaceHolder: lang.L("e.g. 华东电力公司"), OnChanged: func(string) { f.suggestOrgs() }}
	f.phone = &widget.Entry{PlaceHolder: lang.L("Contact phone")}
	f.referredBy = &widget.Entry{PlaceHolder: lang.L("e.g. 经济部门")}
	f.purpose = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: lang.L("What they want to see the leader about")}
	f.purpose.SetMinRowsVisible(2)
	f.visitors = &widget.Entry{PlaceHolder: lang.L("as many as named")}
	f.files = newFileList(in.win)
	f.addPerson(desk.Visitor{})
	f.addWindow()

	addPerson := &widget.Button{Text: lang.L("Add person"), Icon: theme.Icon(theme.IconNameContentAdd), Importance: widget.LowImportance,
		OnTapped: func() { f.addPerson(desk.Visitor{}) }}
	addWindow := &widget.Button{Text: lang.L("Add preferred time"), Icon: theme.Icon(theme.IconNameContentAdd), Importance: widget.LowImportance,
		OnTapped: f.addWindow}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Organisation"), container.NewVBox(f.org, f.orgHints)),
		widget.NewFormItem(lang.L("People"), container.NewVBox(f.peopleBox, f.peopleHint, container.NewHBox(addPerson))),
		widget.NewFormItem(lang.L("Phone"), f.phone),
		widget.NewFormItem(lang.L("Referred by"), f.referredBy),
		widget.NewFormItem(lang.L("Purpose"), f.purpose),
		widget.NewFormItem(lang.L("Visitors"), f.visitors),
		widget.NewFormItem(lang.L("Preferred time"), container.NewVBox(f.windowsBox, container.NewHBox(addWindow))),
		widget.NewFormItem(lang.L("Files"), f.files.content),
	)
	f.saveBtn = &widget.Button{Text: lang.L("Save"), Icon: theme.Icon(theme.IconNameDocumentSave), Importance: widget.HighImportance, OnTapped: f.onSave}
	cancel := &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { f.dialog.Hide() }}
	f.scroll = container.NewVScroll(container.NewVBox(form, f.problem))
	f.dialog = dialog.NewCustomWithoutButtons(lang.L("New visit request"), f.scroll, in.win)
	f.dialog.SetButtons([]fyne.CanvasObject{cancel, f.saveBtn})
	f.dialog.Resize(fitIn(in.win, fyne.NewSize(720, 640)))
	f.dialog.Show()
	in.win.Canvas().Focus(f.org)
	in.form = f
	return f
}

func (f *requestForm) addPerson(v desk.Visitor) {
	// An empty row is filled rather than a second one added.
	for _, p := range f.people {
		if strings.TrimSpace(p.name.Text) == "" && v.Name != "" {
			p.name.SetText(v.Name)
			p.title.SetText(v.Title)
			p.phone.SetText(v.Phone)
			return
		}
	}
	p := &personRow{
		name:  &widget.Entry{Text: v.Name, PlaceHolder: lang.L("Name")},
		title: &widget.Entry{Text: v.Title, PlaceHolder: lang.L("Title, e.g. 总经理")},
		phone: &widget.Entry{Text: v.Phone, PlaceHolder: lang.L("Phone")},
	}
	remove := &widget.Button{Icon: theme.Icon(theme.IconNameDelete), Importance: widget.LowImportance}
	p.row = container.NewBorder(nil, nil, nil, remove, container.NewGridWithColumns(3, p.name, p.title, p.phone))
	remove.OnTapped = func() {
		for i, x := range f.people {
			if x == p {
				f.people = append(f.people[:i], f.people[i+1:]...)
			}
		}
		f.peopleBox.Remove(p.row)
	}
	f.people = append(f.people, p)
	f.peopleBox.Add(p.row)
}

func (f *requestForm) addWindow() {
	loc := f.in.desk.loc()
	day := f.in.desk.today().AddDays(1)
	if n := len(f.windows); n > 0 {
		day = f.windows[n-1].date.date.AddDays(1)
	}
	w := &windowRow{
		date:  newDatePicker(day, nil),
		start: newTimePicker(time.Date(day.Year, day.Month, day.Day, 9, 0, 0, 0, loc), nil),
		end:   newTimePicker(time.Date(day.Year, day.Month, day.Day, 12, 0, 0, 0, loc), nil),
	}
	remove := &widget.Button{Icon: theme.Icon(theme.IconNameDelete), Importance: widget.LowImportance}
	w.row = container.NewHBox(w.date.button, w.start.box, widget.NewLabel("–"), w.end.box, remove)
	remove.OnTapped = func() {
		for i, x := range f.windows {
			if x == w {
				f.windows = append(f.windows[:i], f.windows[i+1:]...)
			}
		}
		f.windowsBox.Remove(w.row)
	}
	f.windows = append(f.windows, w)
	f.windowsBox.Add(w.row)
}

// suggestOrgs offers the directory's organisations matching what is typed,
// and the known people of the one typed exactly.
func (f *requestForm) suggestOrgs() {
	d := f.in.desk
	f.orgHints.RemoveAll()
	f.peopleHint.RemoveAll()
	defer f.orgHints.Refresh()
	defer f.peopleHint.Refresh()
	q := strings.TrimSpace(f.org.Text)
	if q == "" {
		return
	}
	orgs, err := d.deskSvc().Organisations(d.ctx(), q)
	if err != nil {
		return
	}
	for _, o := range orgs {
		if o.Name == q {
			f.suggestPeople(o.ID)
			return
		}
	}
	for _, o := range orgs[:min(len(orgs), suggestions)] {
		f.orgHints.Add(&widget.Button{Text: o.Name, Icon: theme.Icon(theme.IconNameHome), Alignment: widget.ButtonAlignLeading,
			Importance: widget.LowImportance, OnTapped: func() { f.org.SetText(o.Name) }})
	}
}

// suggestPeople offers the people of organisation orgID as one-tap additions.
func (f *requestForm) suggestPeople(orgID int64) {
	d := f.in.desk
	people, err := d.deskSvc().People(d.ctx(), orgID, "")
	if err != nil {
		return
	}
	row := container.NewHBox()
	for _, p := range people[:min(len(people), suggestions)] {
		text := strings.TrimSpace(p.Name + " " + p.Title)
		row.Add(&widget.Button{Text: text, Icon: theme.Icon(theme.IconNameAccount), Importance: widget.LowImportance,
			OnTapped: func() { f.addPerson(desk.Visitor{PersonID: p.ID, Name: p.Name, Title: p.Title, Phone: p.Phone}) }})
	}
	if len(row.Objects) > 0 {
		f.peopleHint.Add(row)
	}
}

// request is what the form says.
func (f *requestForm) request() (desk.VisitRequest, error) {
	d := f.in.desk
	r := desk.VisitRequest{LeaderID: d.leader().ID, Org: f.org.Text, Phone: f.phone.Text, ReferredBy: f.referredBy.Text, Purpose: f.purpose.Text}
	for _, p := range f.people {
		r.People = append(r.People, desk.Visitor{Name: p.name.Text, Title: p.title.Text, Phone: p.phone.Text})
	}
	for _, w := range f.windows {
		r.Windows = append(r.Windows, desk.TimeWindow{Start: w.start.on(w.date.date, d.loc()), End: w.end.on(w.date.date, d.loc())})
	}
	if t := strings.TrimSpace(f.visitors.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			return r, &calendar.ValidationError{Problems: []calendar.Problem{{Field: "visitors", Code: "validation.number_required",
				Message: "a whole number is required", Args: map[string]any{"Value": t}}}}
		}
		r.Visitors = n
	}
	return r, nil
}

func (f *requestForm) onSave() {
	d := f.in.desk
	r, err := f.request()
	if err == nil {
		err = d.deskSvc().AddVisitRequest(d.ctx(), &r, f.files.paths, d.user())
	}
	if err != nil {
		showErrIn(f.scroll, f.problem, err)
		return
	}
	f.saved = r
	f.dialog.Hide()
	d.changed()
	f.in.show(r)
}
