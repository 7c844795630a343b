package ui

import (
	"errors"
	"slices"
	"strconv"
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

// presentGapCount is how many of the leader's free gaps are offered.
const presentGapCount = 8

// presentDialog puts received materials before the leader when the leader
// is free: the materials waiting on one side, the leader's next free gaps
// on the other. One tap books a gap as a short engagement and schedules
// them for presenting then (they are presented once the slot has passed
// and the secretary confirms it); or they are marked presented now.
type presentDialog struct {
	b       *materialsBoard
	waiting []desk.Material
	labels  []string // of waiting, as the choice shows them
	choice  *widget.RadioGroup
	gaps    []calendar.Slot
	gapBtns []*widget.Button
	nowBtn  *widget.Button
	problem *paragraph
	dialog  *dialog.CustomDialog
}

// openPresent opens the dialog with the materials of id chosen (0: the first waiting).
func (b *materialsBoard) openPresent(id int64) *presentDialog {
	p := &presentDialog{b: b, problem: errorLabel()}
	d := b.desk
	for _, m := range b.all {
		if m.State == desk.MaterialReceived {
			p.waiting = append(p.waiting, m)
		}
	}
	selected := ""
	for i, m := range p.waiting {
		// The ID keeps two materials of the same title and sender apart.
		p.labels = append(p.labels, m.Title+" · "+m.From+" (#"+strconv.FormatInt(m.ID, 10)+")")
		if m.ID == id || id == 0 && i == 0 {
			selected = p.labels[i]
		}
	}
	p.choice = widget.NewRadioGroup(p.labels, nil)
	p.choice.SetSelected(selected)
	left := container.NewVBox(&widget.Label{Text: lang.L("Received, not yet presented"), TextStyle: fyne.TextStyle{Bold: true}}, p.choice)
	if len(p.waiting) == 0 {
		left.Add(&widget.Label{Text: lang.L("Nothing is waiting to be presented."), Importance: widget.LowImportance})
	}

	right := container.NewVBox(&widget.Label{Text: lang.L("The leader's next free gaps"), TextStyle: fyne.TextStyle{Bold: true}})
	gaps, err := d.deskSvc().PresentationGaps(d.ctx(), d.leader().ID, presentGapCount)
	if err != nil {
		showErr(p.problem, err)
	}
	p.gaps = gaps
	loc := d.loc()
	for _, g := range gaps {
		s, e := g.Start.In(loc), g.End.In(loc)
		btn := &widget.Button{Text: longDate(calendar.DateOf(s)) + " " + clock(s) + "–" + clock(e), Icon: theme.Icon(theme.IconNameCalendar),
			Alignment: widget.ButtonAlignLeading, OnTapped: func() { p.book(g) }}
		p.gapBtns = append(p.gapBtns, btn)
		right.Add(btn)
	}
	if len(gaps) == 0 {
		right.Add(&widget.Label{Text: lang.L("No free gap in the next two weeks."), Importance: widget.LowImportance})
	}
	p.nowBtn = &widget.Button{Text: lang.L("Presented now"), Icon: theme.Icon(theme.IconNameConfirm), OnTapped: p.presentNow}
	closeBtn := &widget.Button{Text: lang.L("Close"), OnTapped: func() { p.dialog.Hide() }}
	content := container.NewBorder(nil, p.problem, nil, nil, container.NewGridWithColumns(2, container.NewVScroll(left), container.NewVScroll(right)))
	p.dialog = dialog.NewCustomWithoutButtons(lang.L("Present when the leader is free"), content, b.win)
	p.dialog.SetButtons([]fyne.CanvasObject{closeBtn, p.nowBtn})
	p.dialog.Resize(fitIn(b.win, fyne.NewSize(820, 480)))
	p.dialog.Show()
	b.present = p
	return p
}

// chosen returns the materials picked, if any.
func (p *presentDialog) chosen() (desk.Material, bool) {
	i := slices.Index(p.labels, p.choice.Selected)
	if i < 0 {
		showErr(p.problem, errors.New(lang.L("Choose the materials to present.")))
		return desk.Material{}, false
	}
	return p.waiting[i], true
}

// book books gap g for presenting the chosen materials.
func (p *presentDialog) book(g calendar.Slot) {
	m, ok := p.chosen()
	if !ok {
		return
	}
	d := p.b.desk
	title := lang.L("Presenting materials: {{.Title}}", map[string]any{"Title": m.Title})
	_, err := d.deskSvc().SchedulePresenting(d.ctx(), m.ID, g, title, d.user())
	p.done(err)
}

// presentNow marks the chosen materials presented now.
func (p *presentDialog) presentNow() {
	m, ok := p.chosen()
	if !ok {
		return
	}
	d := p.b.desk
	p.done(d.deskSvc().PresentMaterial(d.ctx(), m.ID, time.Time{}, d.user()))
}

func (p *presentDialog) done(err error) {
	if err != nil {
		showErr(p.problem, err)
		return
	}
	p.dialog.Hide()
	p.b.desk.changed()
	if md := p.b.detail; md != nil {
		md.refresh(true)
	}
}
