package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/desk"
)

// auditView shows a record's trail, oldest first: when, who, the move
// from one state to the next, and the note.
type auditView struct {
	box     *fyne.Container
	entries []desk.AuditEntry
	content fyne.CanvasObject
}

func newAuditView() *auditView {
	v := &auditView{box: container.NewVBox()}
	v.content = container.NewVBox(&widget.Label{Text: lang.L("Trail"), TextStyle: fyne.TextStyle{Bold: true}}, v.box)
	return v
}

// show lists es, naming states with stateName, times in loc.
func (v *auditView) show(es []desk.AuditEntry, loc *time.Location, stateName func(string) string) {
	v.entries = es
	v.box.RemoveAll()
	for _, e := range es {
		move := stateName(e.To)
		if e.From != "" && e.From != e.To {
			move = stateName(e.From) + " → " + move
		}
		text := shortTime(e.At, loc) + " · " + e.Who + " · " + move
		if e.Note != "" {
			text += " · " + e.Note
		}
		v.box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.Icon(theme.IconNameHistory)), nil,
			newParagraph(text).look(widget.MediumImportance, theme.SizeNameCaptionText, fyne.TextStyle{})))
	}
	v.box.Refresh()
}

func visitStateName(s string) string    { return visitStateLabel(desk.VisitState(s)) }
func materialStateName(s string) string { return materialStateLabel(desk.MaterialState(s)) }
