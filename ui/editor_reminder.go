package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/remind"
)

// leadDefault stands for "as the kind's default" among the editor's
// reminder choices.
const leadDefault = -2

// reminderField is the editor's Reminder choice: the kind's default, none,
// or a lead of the item's own. A series' choice holds for its occurrences.
type reminderField struct {
	svc   *remind.Service
	sel   *enumSelect[int]
	start int // the choice when the editor opened
}

// attachReminder adds the Reminder choice to the editor's form.
func (ed *editor) attachReminder(svc *remind.Service) {
	if svc == nil || ed.form == nil {
		return
	}
	f := &reminderField{svc: svc, start: leadDefault}
	f.sel = newEnumSelect(append([]int{leadDefault}, leadChoices...), f.label, nil)
	e := ed.original
	for _, id := range []int64{e.ID, e.SeriesID} {
		if id == 0 {
			continue
		}
		l, own, err := svc.Lead(context.Background(), id)
		if err != nil {
			fyne.LogError("reminder of the engagement", err)
			break
		}
		if own {
			f.start = l.Minutes()
			break
		}
	}
	f.sel.setValue(f.start)
	ed.reminder = f
	ed.form.Append(lang.L("Reminder"), f.sel.Select)
}

func (f *reminderField) label(minutes int) string {
	if minutes == leadDefault {
		return lang.L("As for the kind (View → Reminders…)")
	}
	return leadLabel(minutes)
}

// saveReminder stores the choice for e once e is saved. The item is
// saved already: a failure here is reported, not undone.
func (ed *editor) saveReminder(e calendar.Engagement) {
	f := ed.reminder
	if f == nil || f.sel.value() == f.start {
		return
	}
	id := e.ID
	if id == 0 {
		id = e.SeriesID
	}
	ctx := context.Background()
	var err error
	if v := f.sel.value(); v == leadDefault {
		err = f.svc.ClearLead(ctx, id)
	} else {
		err = f.svc.SetLead(ctx, id, remind.LeadMinutes(v))
	}
	if err != nil {
		fyne.LogError("reminder of the engagement", err)
		showDialog(ed.win, newErrorDialog(lang.L("The reminder of {{.Title}} was not saved; the engagement is.", map[string]any{"Title": e.Title}), ed.win))
	}
}
