package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// The repeat choices the editor offers, as RRULE values (RFC 5545 §3.3.10).
// A rule from elsewhere (an import) is kept and offered as it is.
const (
	repeatNone     = ""
	repeatDaily    = "FREQ=DAILY"
	repeatWeekdays = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
	repeatWeekly   = "FREQ=WEEKLY"
	repeatMonthly  = "FREQ=MONTHLY"
)

func repeatLabel(rule string) string {
	switch rule {
	case repeatNone:
		return lang.L("Does not repeat")
	case repeatDaily:
		return lang.L("Every day")
	case repeatWeekdays:
		return lang.L("Every working day (Mon–Fri)")
	case repeatWeekly:
		return lang.L("Every week")
	case repeatMonthly:
		return lang.L("Every month")
	}
	return lang.L("Custom: {{.Rule}}", map[string]any{"Rule": rule})
}

// Which part of a series an edit or a deletion applies to.
const (
	scopeThis   = "this"
	scopeSeries = "series"
)

// buildRepeat makes the repeat choice and, for an occurrence of a series,
// the choice between this occurrence and the whole series.
func (ed *editor) buildRepeat() (repeat, scope fyne.CanvasObject) {
	rules := []string{repeatNone, repeatDaily, repeatWeekdays, repeatWeekly, repeatMonthly}
	current := ed.original.RRule
	known := false
	for _, r := range rules {
		known = known || r == current
	}
	if !known {
		rules = append(rules, current)
	}
	ed.repeat = newEnumSelect(rules, repeatLabel, ed.validate)
	ed.repeat.setValue(current)
	if !ed.original.IsOccurrence() {
		return ed.repeat.Select, nil
	}
	ed.scope = widget.NewRadioGroup([]string{lang.L("This occurrence"), lang.L("All occurrences")}, func(string) { ed.applyScope() })
	ed.scope.Horizontal = true
	ed.scope.Required = true
	ed.scope.SetSelected(lang.L("This occurrence"))
	ed.applyScope()
	return ed.repeat.Select, container.NewVBox(widget.NewLabel(lang.L("This engagement repeats. Change:")), ed.scope)
}

// scopeValue returns scopeThis or scopeSeries.
func (ed *editor) scopeValue() string {
	if ed.scope != nil && ed.scope.Selected == lang.L("All occurrences") {
		return scopeSeries
	}
	return scopeThis
}

// applyScope lets the rule be changed only for the whole series.
func (ed *editor) applyScope() {
	if ed.scopeValue() == scopeSeries {
		ed.repeat.Enable()
	} else {
		ed.repeat.Disable()
	}
}

// deleteChosen deletes what the scope says: one occurrence, or the series.
func (ed *editor) deleteChosen() error {
	ctx := context.Background()
	e := ed.original
	switch {
	case !e.IsOccurrence():
		return ed.svc.Delete(ctx, e.ID)
	case ed.scopeValue() == scopeSeries:
		return ed.svc.Delete(ctx, e.SeriesID)
	default:
		return ed.svc.DeleteOccurrence(ctx, e)
	}
}

// overrideSeries saves a change to the whole series over blocking
// findings, recording who and why as for a single booking.
func (ed *editor) overrideSeries(e calendar.Engagement) error {
	_, err := ed.svc.SaveEdit(context.Background(), &e, calendar.SaveOptions{Override: true, Reason: ed.reason.Text, Who: ed.user, WholeSeries: true, AsRead: &ed.asRead})
	return err
}
