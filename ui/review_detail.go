package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/review"
)

// reviewDetail is the right-hand pane of the review: the chosen item,
// where it has been carried from, the decision on it, and, while the
// review is open and the item undecided, a note with Done and Carry over.
type reviewDetail struct {
	rw      *reviewWindow
	content *fyne.Container

	title    *paragraph
	when     *paragraph
	id       *widget.Label
	carried  *paragraph
	history  *fyne.Container
	decision *paragraph
	note     *widget.Entry
	doneBtn  *widget.Button
	carryBtn *widget.Button
	problem  *paragraph
	empty    *paragraph
	body     *fyne.Container

	item *review.ReviewItem // nil when nothing is chosen
}

func newReviewDetail(rw *reviewWindow) *reviewDetail {
	p := &reviewDetail{rw: rw}
	p.title = newParagraph("").look(widget.MediumImportance, "", fyne.TextStyle{Bold: true})
	p.when = newParagraph("")
	p.id = &widget.Label{SizeName: theme.SizeNameCaptionText, Selectable: true}
	p.carried = newParagraph("")
	p.history = container.NewVBox()
	p.decision = newParagraph("")
	p.note = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: lang.L("Note: what happened, why not, the leader's instructions")}
	p.note.SetMinRowsVisible(3)
	p.doneBtn = &widget.Button{Text: lang.L("Done"), Icon: theme.Icon(theme.IconNameConfirm), Importance: widget.SuccessImportance, OnTapped: p.onDone}
	p.carryBtn = &widget.Button{Text: lang.L("Carry over…"), Icon: theme.Icon(theme.IconNameMailForward), Importance: widget.WarningImportance, OnTapped: p.onCarry}
	p.problem = errorLabel()
	p.empty = newParagraph(lang.L("Choose an item to mark it done or carry it over.")).look(widget.LowImportance, "", fyne.TextStyle{})
	p.body = container.NewVBox(p.title, p.when, p.id, p.carried, p.history, widget.NewSeparator(), p.decision,
		p.note, container.NewGridWithColumns(2, p.doneBtn, p.carryBtn), p.problem)
	p.body.Hide()
	p.content = container.NewPadded(container.NewVBox(p.empty, p.body))
	return p
}

// show opens it in the pane.
func (p *reviewDetail) show(it review.ReviewItem) {
	if p.item == nil || !p.item.Ref.Same(it.Ref) {
		p.note.SetText("")
		showErr(p.problem, nil)
	}
	p.item = &it
	p.fill()
}

// clear empties the pane.
func (p *reviewDetail) clear() {
	p.item = nil
	p.body.Hide()
	p.empty.Show()
}

// refresh shows the chosen item as the review now has it.
func (p *reviewDetail) refresh() {
	if p.item == nil {
		return
	}
	it, ok := p.rw.rv.Item(p.item.Ref)
	if !ok {
		p.clear()
		return
	}
	p.item = &it
	p.fill()
}

func (p *reviewDetail) fill() {
	it, rw := *p.item, p.rw
	loc := rw.desk.loc()
	p.title.SetText(it.Title())
	when := itemWhen(it, loc)
	switch {
	case it.Ref.Kind == review.RefMaterial && it.Material.From != "":
		when += "\n" + lang.L("From") + ": " + it.Material.From
	case it.Engagement.Location != "":
		when += "\n" + it.Engagement.Location
	}
	p.when.SetText(when)
	p.id.SetText(it.Ref.Text(loc))
	p.carried.Importance = carriedImportance(it)
	p.carried.SetText("")
	if n := it.CarriedTimes(); n > 0 {
		p.carried.SetText(lang.L("Carried over {{.Times}} times", map[string]any{"Times": n}))
		if it.StandsOut() {
			p.carried.SetText(p.carried.Text + " · " + lang.L("worth a word with the leader"))
		}
	}
	p.showHistory(it)
	p.decision.Importance = outcomeImportance(it)
	p.decision.SetText(outcomeText(it, rw.placeOf(it), loc))
	open := !rw.rv.Closed() && it.Mark == nil
	for _, b := range []*widget.Button{p.doneBtn, p.carryBtn} {
		if open {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if open {
		p.note.Enable()
	} else {
		p.note.Disable()
	}
	p.empty.Hide()
	p.body.Show()
}

// showHistory lists the reviews that carried the item to where it is.
func (p *reviewDetail) showHistory(it review.ReviewItem) {
	p.history.RemoveAll()
	if it.Times == 0 {
		return
	}
	d := p.rw.desk
	marks, err := d.reviewSvc().CarryHistory(d.ctx(), d.leader().ID, it.Ref)
	if err != nil {
		p.history.Add(&widget.Label{Text: errorText(err), Importance: widget.DangerImportance})
		return
	}
	for _, m := range marks {
		line := m.Week.String() + " · " + m.Who
		if m.Note != "" {
			line += ": " + m.Note
		}
		p.history.Add(newParagraph(line).look(widget.MediumImportance, theme.SizeNameCaptionText, fyne.TextStyle{}))
	}
}

// onDone marks the item done with the note.
func (p *reviewDetail) onDone() {
	if p.item == nil {
		return
	}
	d := p.rw.desk
	_, err := d.reviewSvc().MarkDone(d.ctx(), d.leader().ID, p.rw.week, p.item.Ref, p.note.Text, d.user())
	if err == nil {
		d.recordDecision(p.rw.week, *p.item)
	}
	p.after(err)
}

// onCarry asks where to carry the item.
func (p *reviewDetail) onCarry() {
	if p.item == nil {
		return
	}
	p.rw.carry = newCarryDialog(p.rw, *p.item, p.note.Text)
	p.rw.carry.show()
}

// after shows a refusal, or reloads once a decision is taken.
func (p *reviewDetail) after(err error) {
	if err != nil {
		showErr(p.problem, err)
		return
	}
	showErr(p.problem, nil)
	p.note.SetText("")
	p.rw.afterChange()
}
