package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// detailPane shows everything about the engagement under the pointer: the
// grid's blocks are too small for the location and notes.
type detailPane struct {
	title   *paragraph
	when    *paragraph
	place   *paragraph
	facts   *paragraph
	notes   *paragraph
	marks   *paragraph // a clash or an override, in words
	content fyne.CanvasObject

	// markOf is the grid's mark of an engagement; nil marks nothing.
	markOf func(calendar.Engagement) blockMark

	// Minutes… opens the minutes of a past meeting; hidden for others.
	minutesBtn *widget.Button
	hasMinutes func(calendar.Engagement) bool
	onMinutes  func(calendar.Engagement)
	shown      *calendar.Engagement // what it describes, nil for the hint
}

func newDetailPane() *detailPane {
	p := &detailPane{title: newParagraph(""), when: newParagraph(""), place: newParagraph(""),
		facts: newParagraph(""), notes: newParagraph(""), marks: newParagraph("")}
	p.title.TextStyle = fyne.TextStyle{Bold: true}
	p.facts.SizeName = theme.SizeNameCaptionText
	p.marks.Importance = widget.DangerImportance
	p.minutesBtn = &widget.Button{Text: lang.L("Minutes…"), Icon: theme.Icon(theme.IconNameDocument), Importance: widget.LowImportance,
		OnTapped: func() {
			if p.shown != nil {
				p.onMinutes(*p.shown)
			}
		}}
	p.minutesBtn.Hide()
	p.content = container.NewVBox(widget.NewSeparator(), p.title, p.when, p.place, p.facts, p.marks, p.notes, container.NewHBox(p.minutesBtn))
	p.show(nil, time.UTC)
	return p
}

// show describes e in loc, or a hint when there is nothing to describe.
func (p *detailPane) show(e *calendar.Engagement, loc *time.Location) {
	p.shown = e
	if e == nil {
		p.title.SetText("")
		p.when.SetText(lang.L("Point at an engagement to see its details; click to select it, double-click to edit."))
		for _, l := range []*paragraph{p.place, p.facts, p.marks, p.notes} {
			l.SetText("")
			l.Hide()
		}
		p.minutesBtn.Hide()
		return
	}
	p.title.SetText(e.Title)
	p.when.SetText(spanText(*e, loc))
	p.place.SetText(e.Location)
	p.place.Hidden = e.Location == ""
	p.facts.SetText(kindLabel(e.Kind) + " · " + statusLabel(e.Status) + " · " + classLabel(e.Classification))
	p.facts.Show()
	var marks []string
	if p.markOf != nil {
		marks = markLines(p.markOf(*e))
	}
	p.marks.SetText(strings.Join(marks, "\n"))
	p.marks.Hidden = len(marks) == 0
	p.notes.SetText(e.Notes)
	p.notes.Hidden = e.Notes == ""
	p.place.Refresh()
	p.notes.Refresh()
	p.minutesBtn.Hidden = p.onMinutes == nil || p.hasMinutes == nil || !p.hasMinutes(*e)
	p.minutesBtn.Refresh()
}
