package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// freeSlotCount is how many free slots "Find a free slot" offers.
const freeSlotCount = 6

// freeSlotHorizon is how far ahead it looks: four weeks, as the brief asks.
const freeSlotHorizon = 28 * 24 * time.Hour

// buildRules makes the parts of the editor that speak for the booking
// rules: the findings list, the free-slot finder and the override.
func (ed *editor) buildRules() fyne.CanvasObject {
	ed.findingsBox = container.NewVBox()
	ed.slotsBox = container.NewVBox()
	ed.freeBtn = &widget.Button{Text: lang.L("Find a free slot"), Icon: theme.Icon(theme.IconNameSearch), OnTapped: ed.findFreeSlots}
	ed.reason = newFormEntry("", lang.L("Why book it anyway? (recorded)"))
	ed.reason.OnChanged = ed.onReasonChanged
	ed.reason.onEscape = func() { ed.dialog.Hide() } // as in the other fields
	ed.reason.OnSubmitted = func(string) { ed.onOverride() }
	ed.overrideBtn = &widget.Button{Text: lang.L("Save anyway"), Importance: widget.WarningImportance, OnTapped: ed.onOverride}
	ed.overrideBox = container.NewBorder(nil, nil, nil, ed.overrideBtn, ed.reason)
	ed.overrideBox.Hide()
	return container.NewVBox(ed.findingsBox, container.NewHBox(ed.freeBtn), ed.slotsBox, ed.overrideBox)
}

// checkRules shows what the booking rules say of e, as the user types.
func (ed *editor) checkRules(e calendar.Engagement) {
	fs, err := ed.svc.Check(context.Background(), ed.leader, e)
	if err != nil {
		fs = nil // the form's own validation already names the problem
	}
	ed.findings = fs
	ed.showFindings()
}

func (ed *editor) showFindings() {
	ed.findingsBox.RemoveAll()
	for _, f := range ed.findings {
		ed.findingsBox.Add(findingRow(f))
	}
	if !calendar.Blocking(ed.findings) {
		ed.overrideBox.Hide()
	}
	ed.findingsBox.Refresh()
}

// findingRow shows one finding: an icon for its severity, the rule's
// message naming the clashing engagement.
func findingRow(f calendar.Finding) fyne.CanvasObject {
	icon := theme.Icon(theme.IconNameWarning)
	imp := widget.WarningImportance
	if f.Severity == calendar.SeverityBlock {
		icon, imp = theme.Icon(theme.IconNameError), widget.DangerImportance
	}
	text := newParagraph(lang.L("{{.Rule}}: {{.Message}}", map[string]any{"Rule": ruleLabel(f.Rule), "Message": findingText(f)})).look(imp, "", fyne.TextStyle{})
	return container.NewBorder(nil, nil, widget.NewIcon(icon), nil, text)
}

// ruleLabel names a booking rule for people.
func ruleLabel(r calendar.Rule) string {
	switch r {
	case calendar.RuleOverlap:
		return lang.L("Overlap")
	case calendar.RuleBlocked:
		return lang.L("Blocked time")
	case calendar.RuleOutsideHours:
		return lang.L("Outside working hours")
	case calendar.RuleHoliday:
		return lang.L("Day off")
	case calendar.RuleBuffer:
		return lang.L("Buffer")
	case calendar.RuleNotice:
		return lang.L("Short notice")
	case calendar.RuleWeeklyCap:
		return lang.L("Weekly visit cap")
	case calendar.RuleDailyCap:
		return lang.L("Daily visit cap")
	case calendar.RulePast:
		return lang.L("In the past")
	case calendar.RuleUnconfirmed:
		return lang.L("Not yet confirmed")
	}
	return string(r)
}

// findingText translates a finding by its code, the English text as fallback.
func findingText(f calendar.Finding) string {
	return lang.X(f.Code, f.Message(), f.Args())
}

// findFreeSlots lists the next free slots of the engagement's kind and
// length from its chosen day on; tapping one moves the engagement there.
func (ed *editor) findFreeSlots() {
	e := ed.engagement()
	d := e.End.Sub(e.Start)
	if e.AllDay || d <= 0 {
		d = time.Hour
	}
	from := calendar.Later(ed.startDate.date.In(ed.loc), ed.svc.Now())
	slots, err := ed.svc.FreeSlots(context.Background(), ed.leader, e.Kind, d, from, from.Add(freeSlotHorizon), freeSlotCount)
	ed.slotsBox.RemoveAll()
	if err != nil {
		ed.slotsBox.Add(newParagraph(errorText(err)).look(widget.DangerImportance, "", fyne.TextStyle{}))
		ed.slotsBox.Refresh()
		return
	}
	if len(slots) == 0 {
		ed.slotsBox.Add(widget.NewLabel(lang.L("No free slot in the next four weeks.")))
	}
	for _, s := range slots {
		start, end := s.Start.In(ed.loc), s.End.In(ed.loc)
		label := longDate(calendar.DateOf(start)) + " " + clock(start) + "–" + clock(end)
		ed.slotsBox.Add(&widget.Button{Text: label, Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance,
			OnTapped: func() { ed.moveTo(start, end) }})
	}
	ed.slotsBox.Refresh()
}

// moveTo sets the form's times to a chosen slot.
func (ed *editor) moveTo(start, end time.Time) {
	ed.allDay.SetChecked(false)
	ed.startDate.date, ed.endDate.date = calendar.DateOf(start), calendar.DateOf(end)
	ed.startDate.button.SetText(longDate(ed.startDate.date))
	ed.endDate.button.SetText(longDate(ed.endDate.date))
	ed.startTime.set(start)
	ed.endTime.set(end)
	ed.duration = end.Sub(start)
	ed.slotsBox.RemoveAll()
	ed.validate()
}

// onOverride saves over blocking findings, recording who and why.
func (ed *editor) onOverride() {
	e := ed.engagement()
	var err error
	if e.IsOccurrence() && ed.scopeValue() == scopeSeries {
		err = ed.overrideSeries(e)
	} else {
		_, err = ed.svc.SaveEdit(context.Background(), &e, calendar.SaveOptions{Override: true, Reason: ed.reason.Text, Who: ed.user, AsRead: &ed.asRead})
	}
	if err != nil {
		var ve *calendar.ValidationError
		if errors.As(err, &ve) {
			if p, ok := ve.Field("reason"); ok {
				ed.reason.SetValidationError(errors.New(translated(calendar.FieldProblem{Problem: p})))
			}
		}
		ed.showProblems(err)
		ed.revealProblems()
		return
	}
	ed.saveReminder(e)
	ed.reportSaved(e)
	ed.close()
}
