package ui

import (
	"errors"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// visitLengths are the lengths a visit can be booked for, in minutes.
var visitLengths = []int{30, 45, 60, 90}

// bookSlotCount is how many free slots the booking dialog offers.
const bookSlotCount = 6

// bookDialog books a requested visit: it offers the engine's free slots
// within the visitor's preferred times, shows what the booking rules say
// of the chosen time as it changes, and books over a blocking finding
// only with a reason.
type bookDialog struct {
	v *visitDetail

	length   *widget.Select
	slotsBox *fyne.Container
	slots    []calendar.Slot
	date     *datePicker
	start    *timePicker
	end      *timePicker

	findings    []calendar.Finding
	findingsBox *fyne.Container
	reason      *widget.Entry
	overrideBtn *widget.Button
	overrideBox *fyne.Container
	bookBtn     *widget.Button
	problem     *paragraph
	dialog      *dialog.CustomDialog
	ready       bool
}

func newBookDialog(v *visitDetail) *bookDialog {
	b := &bookDialog{v: v, slotsBox: container.NewVBox(), findingsBox: container.NewVBox(), problem: errorLabel()}
	loc := v.in.desk.loc()
	first := b.defaultStart()
	opts := make([]string, len(visitLengths))
	for i, m := range visitLengths {
		opts[i] = lengthLabel(m)
	}
	b.length = widget.NewSelect(opts, func(string) { b.onLength() })
	b.date = newDatePicker(calendar.DateOf(first.In(loc)), func(calendar.Date) { b.check() })
	b.start = newTimePicker(first.In(loc), b.onStart)
	b.end = newTimePicker(first.Add(45*time.Minute).In(loc), b.check)
	b.length.SetSelectedIndex(1)

	b.reason = &widget.Entry{PlaceHolder: lang.L("Why book it anyway? (recorded)")}
	b.overrideBtn = &widget.Button{Text: lang.L("Book anyway"), Importance: widget.WarningImportance, OnTapped: b.onOverride}
	b.overrideBox = container.NewBorder(nil, nil, nil, b.overrideBtn, b.reason)
	b.overrideBox.Hide()
	b.bookBtn = &widget.Button{Text: lang.L("Book"), Icon: theme.Icon(theme.IconNameConfirm), Importance: widget.HighImportance, OnTapped: b.onBook}
	cancel := &widget.Button{Text: lang.L("Cancel"), OnTapped: func() { b.dialog.Hide() }}

	wants := container.NewVBox()
	for _, w := range v.req.Windows {
		wants.Add(widget.NewLabel(windowText(w, loc)))
	}
	if len(v.req.Windows) == 0 {
		wants.Add(&widget.Label{Text: lang.L("No preferred time: slots of the next two weeks."), Importance: widget.LowImportance})
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Preferred time"), wants),
		widget.NewFormItem(lang.L("Length"), container.NewHBox(b.length)),
		widget.NewFormItem(lang.L("Free slots"), b.slotsBox),
		widget.NewFormItem(lang.L("Book for"), container.NewHBox(b.date.button, b.start.box, widget.NewLabel("–"), b.end.box)),
	)
	content := container.NewVBox(form, b.findingsBox, b.overrideBox, b.problem)
	b.dialog = dialog.NewCustomWithoutButtons(lang.L("Book {{.Org}}", map[string]any{"Org": v.req.Org}), content, v.in.win)
	b.dialog.SetButtons([]fyne.CanvasObject{cancel, b.bookBtn})
	b.ready = true
	b.findSlots()
	if len(b.slots) > 0 {
		b.choose(b.slots[0])
	}
	b.check()
	return b
}

func (b *bookDialog) show() {
	b.dialog.Resize(fyne.NewSize(640, 560))
	b.dialog.Show()
}

// defaultStart is where the form starts before any slot is found: the
// first preferred time ahead, else tomorrow at nine.
func (b *bookDialog) defaultStart() time.Time {
	d := b.v.in.desk
	now := d.svc().Now()
	for _, w := range b.v.req.Windows {
		if w.Start.After(now) {
			return w.Start
		}
	}
	t := d.today().AddDays(1)
	return time.Date(t.Year, t.Month, t.Day, 9, 0, 0, 0, d.loc())
}

// minutes is the chosen length.
func (b *bookDialog) minutes() time.Duration {
	return time.Duration(visitLengths[max(b.length.SelectedIndex(), 0)]) * time.Minute
}

// slot is the time the form shows.
func (b *bookDialog) slot() calendar.Slot {
	loc := b.v.in.desk.loc()
	return calendar.Slot{Start: b.start.on(b.date.date, loc), End: b.end.on(b.date.date, loc)}
}

// onLength keeps the start and moves the end, then offers slots of the new length.
func (b *bookDialog) onLength() {
	if !b.ready {
		return
	}
	b.onStart()
	b.findSlots()
}

// onStart moves the end with the start, keeping the length.
func (b *bookDialog) onStart() {
	if !b.ready {
		return
	}
	b.end.set(b.start.on(b.date.date, b.v.in.desk.loc()).Add(b.minutes()))
	b.check()
}

// findSlots lists the free slots within the preferred times.
func (b *bookDialog) findSlots() {
	d := b.v.in.desk
	b.slotsBox.RemoveAll()
	slots, err := d.deskSvc().VisitSlots(d.ctx(), b.v.req.ID, b.minutes(), bookSlotCount)
	b.slots = slots
	if err != nil {
		b.slotsBox.Add(newParagraph(errorText(err)).look(widget.DangerImportance, "", fyne.TextStyle{}))
	} else if len(slots) == 0 {
		b.slotsBox.Add(newParagraph(lang.L("No free slot in the preferred times; choose a time below.")).look(widget.LowImportance, "", fyne.TextStyle{}))
	}
	loc := d.loc()
	for _, s := range slots {
		start, end := s.Start.In(loc), s.End.In(loc)
		label := longDate(calendar.DateOf(start)) + " " + clock(start) + "–" + clock(end)
		b.slotsBox.Add(&widget.Button{Text: label, Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance,
			Icon: theme.Icon(theme.IconNameCalendar), OnTapped: func() { b.choose(s) }})
	}
	b.slotsBox.Refresh()
}

// choose sets the form to a slot.
func (b *bookDialog) choose(s calendar.Slot) {
	loc := b.v.in.desk.loc()
	b.date.date = calendar.DateOf(s.Start.In(loc))
	b.date.button.SetText(longDate(b.date.date))
	b.start.set(s.Start.In(loc))
	b.end.set(s.End.In(loc))
	b.check()
}

// check shows what the booking rules say of the chosen time; a blocking
// finding disables Book and offers the override.
func (b *bookDialog) check() {
	if !b.ready {
		return
	}
	d := b.v.in.desk
	s := b.slot()
	showErr(b.problem, nil)
	b.findings = nil
	if !s.End.After(s.Start) {
		showErr(b.problem, &calendar.ValidationError{Problems: []calendar.Problem{{Field: "end", Code: "validation.end_before_start", Message: "the end must be after the start"}}})
	} else {
		e := calendar.Engagement{LeaderID: d.leader().ID, Kind: calendar.KindVisit, Start: s.Start, End: s.End, ZoneName: d.loc().String()}
		fs, err := d.svc().Check(d.ctx(), d.leader(), e)
		if err != nil {
			showErr(b.problem, err)
		}
		b.findings = fs
	}
	b.showFindings()
}

func (b *bookDialog) showFindings() {
	b.findingsBox.RemoveAll()
	for _, f := range b.findings {
		b.findingsBox.Add(findingRow(f))
	}
	if len(b.findings) == 0 && !b.problem.Visible() {
		b.findingsBox.Add(&widget.Label{Text: lang.L("Free: no rule has anything to say."), Importance: widget.SuccessImportance})
	}
	b.findingsBox.Refresh()
	if calendar.Blocking(b.findings) || b.problem.Visible() {
		b.bookBtn.Disable()
	} else {
		b.bookBtn.Enable()
	}
	b.overrideBox.Hidden = !calendar.Blocking(b.findings)
	b.overrideBox.Refresh()
}

// onBook books the chosen time; a finding that appeared meanwhile is shown.
func (b *bookDialog) onBook() {
	d := b.v.in.desk
	fs, err := d.deskSvc().BookVisit(d.ctx(), b.v.req.ID, b.slot(), d.user())
	b.finish(fs, err)
}

// onOverride books over the blocking findings with the reason given.
func (b *bookDialog) onOverride() {
	d := b.v.in.desk
	fs, err := d.deskSvc().BookVisitOverride(d.ctx(), b.v.req.ID, b.slot(), b.reason.Text, d.user())
	var ve *calendar.ValidationError
	if errors.As(err, &ve) {
		if p, ok := ve.Field("reason"); ok {
			b.reason.SetValidationError(errors.New(translated(calendar.FieldProblem{Problem: p})))
		}
	}
	b.finish(fs, err)
}

func (b *bookDialog) finish(fs []calendar.Finding, err error) {
	if errors.Is(err, calendar.ErrConflict) {
		b.findings = fs
		b.showFindings()
		return
	}
	if err != nil {
		showErr(b.problem, err)
		return
	}
	b.dialog.Hide()
	b.v.afterChange()
}

// lengthLabel names a visit length in minutes: "45 分钟".
func lengthLabel(minutes int) string {
	return lang.L("{{.Minutes}} minutes", map[string]any{"Minutes": strconv.Itoa(minutes)})
}
