package ui

import (
	"context"
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
)

// settings edits one leader's available time: working hours per weekday,
// date overrides, and buffers, notice and reception caps per kind.
type settings struct {
	svc    *calendar.Service
	leader calendar.Leader
	avail  calendar.Availability
	win    fyne.Window
	onDone func()

	hours     [7]*widget.Entry // by time.Weekday
	buffer    map[calendar.Kind]*widget.Entry
	notice    map[calendar.Kind]*widget.Entry
	weekly    *widget.Entry
	daily     *widget.Entry
	overrides *fyne.Container
	problems  *paragraph
	saveBtn   *widget.Button
	dialog    *dialog.CustomDialog
	open      bool

	newDate  *datePicker
	newKind  *enumSelect[calendar.OverrideKind]
	newHours *widget.Entry
	newTitle *widget.Entry
	addBtn   *widget.Button
}

var overrideKinds = []calendar.OverrideKind{calendar.DayOff, calendar.Workday, calendar.SpecialHours}

func overrideKindLabel(k calendar.OverrideKind) string {
	switch k {
	case calendar.DayOff:
		return lang.L("Day off (holiday)")
	case calendar.Workday:
		return lang.L("Make-up workday")
	case calendar.SpecialHours:
		return lang.L("Special hours")
	}
	return string(k)
}

// openSettings shows the available-time settings of the current leader.
func (m *mainWindow) openSettings() {
	a, err := m.svc.Availability(context.Background(), m.leader.ID)
	if err != nil {
		m.showError(err)
		return
	}
	m.settings = newSettings(m.svc, m.leader, a, m.win, m.reload)
	m.settings.show(calendar.DateOf(m.svc.Now().In(m.loc)))
}

func newSettings(svc *calendar.Service, leader calendar.Leader, a calendar.Availability, win fyne.Window, onDone func()) *settings {
	s := &settings{svc: svc, leader: leader, avail: a, win: win, onDone: onDone,
		buffer: map[calendar.Kind]*widget.Entry{}, notice: map[calendar.Kind]*widget.Entry{}}
	return s
}

func (s *settings) show(today calendar.Date) {
	hoursForm := widget.NewForm()
	for _, wd := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		e := &widget.Entry{Text: calendar.FormatHours(s.avail.Week[wd]), PlaceHolder: lang.L("off, or e.g. 08:30-12:00,14:00-17:30")}
		s.hours[wd] = e
		hoursForm.Append(weekdayShort(wd), e)
	}
	rulesForm := widget.NewForm()
	for _, k := range calendar.Kinds {
		r := s.avail.Rules[k]
		s.buffer[k] = &widget.Entry{Text: strconv.Itoa(int(r.Buffer / time.Minute))}
		s.notice[k] = &widget.Entry{Text: strconv.Itoa(r.NoticeDays)}
		rulesForm.Append(kindLabel(k), container.NewGridWithColumns(4,
			widget.NewLabel(lang.L("Buffer (min)")), s.buffer[k], widget.NewLabel(lang.L("Notice (working days)")), s.notice[k]))
	}
	s.weekly = &widget.Entry{Text: strconv.Itoa(s.avail.WeeklyVisitCap)}
	s.daily = &widget.Entry{Text: strconv.Itoa(s.avail.DailyVisitCap)}
	rulesForm.Append(lang.L("Visits per week (0: no cap)"), s.weekly)
	rulesForm.Append(lang.L("Visits per day (0: no cap)"), s.daily)

	s.overrides = container.NewVBox()
	s.refreshOverrides()
	s.newDate = newDatePicker(today, nil)
	s.newKind = newEnumSelect(overrideKinds, overrideKindLabel, nil)
	s.newKind.setValue(calendar.DayOff)
	s.newHours = &widget.Entry{PlaceHolder: lang.L("hours, for special hours")}
	s.newTitle = &widget.Entry{PlaceHolder: lang.L("e.g. 国庆节")}
	s.addBtn = &widget.Button{Text: lang.L("Add"), Icon: theme.Icon(theme.IconNameContentAdd), OnTapped: s.addOverride}
	addRow := container.NewVBox(
		container.NewGridWithColumns(5, s.newDate.button, s.newKind.Select, s.newHours, s.newTitle, s.addBtn),
		container.NewHBox(&widget.Button{Text: lang.L("Import holidays (.ics)…"), Icon: theme.Icon(theme.IconNameFolderOpen), OnTapped: s.pickHolidays}))

	s.problems = newParagraph("").look(widget.DangerImportance, "", fyne.TextStyle{})
	s.problems.Hide()
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Working hours"), hoursForm),
		container.NewTabItem(lang.L("Date overrides"), container.NewBorder(addRow, nil, nil, nil, container.NewVScroll(s.overrides))),
		container.NewTabItem(lang.L("Buffers, notice and caps"), rulesForm),
	)
	s.saveBtn = &widget.Button{Text: lang.L("Save"), Icon: theme.Icon(theme.IconNameDocumentSave), Importance: widget.HighImportance, OnTapped: s.onSave}
	cancel := &widget.Button{Text: lang.L("Cancel"), Icon: theme.Icon(theme.IconNameCancel), OnTapped: func() { s.dialog.Hide() }}
	s.dialog = dialog.NewCustomWithoutButtons(lang.L("Available time of {{.Leader}}", map[string]any{"Leader": s.leader.Name}),
		container.NewBorder(nil, s.problems, nil, nil, tabs), s.win)
	s.dialog.SetButtons([]fyne.CanvasObject{cancel, s.saveBtn})
	s.dialog.SetOnClosed(func() { s.open = false })
	s.dialog.Resize(fyne.NewSize(760, 520))
	s.dialog.Show()
	s.open = true
}

func (s *settings) refreshOverrides() {
	s.overrides.RemoveAll()
	if len(s.avail.Overrides) == 0 {
		s.overrides.Add(widget.NewLabel(lang.L("No holidays or special days yet.")))
	}
	for _, o := range s.avail.Overrides {
		text := longDate(o.Date) + " · " + overrideKindLabel(o.Kind)
		if len(o.Hours) > 0 {
			text += " " + calendar.FormatHours(o.Hours)
		}
		if o.Title != "" {
			text += " · " + o.Title
		}
		s.overrides.Add(container.NewBorder(nil, nil, nil,
			&widget.Button{Icon: theme.Icon(theme.IconNameDelete), Importance: widget.LowImportance, OnTapped: func() {
				s.avail.RemoveOverride(o.Date)
				s.refreshOverrides()
			}},
			widget.NewLabel(text)))
	}
	s.overrides.Refresh()
}

func (s *settings) addOverride() {
	hours, err := calendar.ParseHours(s.newHours.Text)
	if err != nil {
		s.showProblems(err)
		return
	}
	s.avail.SetOverride(calendar.DateOverride{Date: s.newDate.date, Kind: s.newKind.value(), Hours: hours, Title: strings.TrimSpace(s.newTitle.Text)})
	s.newHours.SetText("")
	s.newTitle.SetText("")
	s.problems.Hide()
	s.refreshOverrides()
}

// read builds the availability the form describes, naming the first field
// that cannot be read.
func (s *settings) read() (calendar.Availability, error) {
	a := s.avail
	a.Rules = map[calendar.Kind]calendar.KindRule{}
	var ps []calendar.Problem
	for wd, e := range s.hours {
		h, err := calendar.ParseHours(e.Text)
		if err != nil {
			ps = append(ps, calendar.Problem{Field: "hours", Code: "validation.hours_invalid", Message: err.Error(),
				Args: map[string]any{"Value": weekdayShort(time.Weekday(wd)) + " " + e.Text}})
			continue
		}
		a.Week[wd] = h
	}
	number := func(field string, e *widget.Entry) int {
		n, err := strconv.Atoi(strings.TrimSpace(e.Text))
		if err != nil {
			ps = append(ps, calendar.Problem{Field: field, Code: "validation.number_required", Message: "a whole number is required",
				Args: map[string]any{"Value": e.Text}})
		}
		return n
	}
	for _, k := range calendar.Kinds {
		a.Rules[k] = calendar.KindRule{
			Buffer:     time.Duration(number("buffer."+string(k), s.buffer[k])) * time.Minute,
			NoticeDays: number("notice."+string(k), s.notice[k]),
		}
	}
	a.WeeklyVisitCap = number("weekly_cap", s.weekly)
	a.DailyVisitCap = number("daily_cap", s.daily)
	if len(ps) > 0 {
		return a, &calendar.ValidationError{Problems: ps}
	}
	return a, nil
}

func (s *settings) onSave() {
	a, err := s.read()
	if err == nil {
		err = s.svc.SaveAvailability(context.Background(), a)
	}
	if err != nil {
		s.showProblems(err)
		return
	}
	s.dialog.Hide()
	if s.onDone != nil {
		s.onDone()
	}
}

func (s *settings) showProblems(err error) {
	s.problems.Importance = widget.DangerImportance
	s.problems.SetText(errorText(err))
	s.problems.Show()
}
