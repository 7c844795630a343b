package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/followup"
)

// reviewFollowUps lists, beside the review's engagements, the follow-up
// items not closed that fall due in the week or are overdue. The review
// only lists them: they are moved on the follow-up board.
type reviewFollowUps struct {
	rw      *reviewWindow
	heading *widget.Label
	list    *widget.List
	items   []followup.Item
	today   calendar.Date
	content fyne.CanvasObject
}

func newReviewFollowUps(rw *reviewWindow) *reviewFollowUps {
	p := &reviewFollowUps{rw: rw, heading: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}}
	p.list = widget.NewList(func() int { return len(p.items) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id >= len(p.items) {
				l.SetText("")
				return
			}
			l.Importance = widget.MediumImportance
			if p.items[id].Overdue(p.today) {
				l.Importance = widget.DangerImportance
			}
			l.SetText(p.lineOf(p.items[id]))
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.UnselectAll()
		if id < len(p.items) {
			if b := p.rw.desk.m.follow.openBoard(); b != nil {
				b.detail.show(p.items[id])
			}
		}
	}
	p.content = container.NewBorder(container.NewPadded(p.heading), nil, nil, nil, p.list)
	return p
}

// lineOf is one item: due, state, unit, matter; overdue ones say so.
func (p *reviewFollowUps) lineOf(it followup.Item) string {
	due := dayMonth(it.Due)
	if it.Overdue(p.today) {
		due = lang.L("{{.Date}} overdue", map[string]any{"Date": due})
	}
	return due + " · " + itemStateLabel(it.State) + " · " + it.Unit + " · " + it.Text
}

// show lists the week's open and overdue items.
func (p *reviewFollowUps) show(w calendar.Week) {
	f := p.rw.desk.m.follow
	if f == nil || f.svc == nil {
		p.items = nil
		p.heading.SetText("")
		p.list.Refresh()
		return
	}
	p.today = f.today()
	items, err := f.svc.DueBetween(f.ctx(), p.rw.desk.leader().ID, w.Monday(), w.Sunday(), p.today)
	if err != nil {
		p.heading.SetText(errorText(err))
		return
	}
	p.items = items
	overdue := 0
	for _, it := range items {
		if it.Overdue(p.today) {
			overdue++
		}
	}
	p.heading.SetText(lang.L("Follow-ups due this week {{.Count}} · overdue {{.Overdue}}", map[string]any{"Count": len(items), "Overdue": overdue}))
	p.list.Refresh()
}
