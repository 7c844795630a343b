package ui

import (
	"context"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

// importPreview shows what importing a file would do, item by item, before
// anything is stored; the user unticks what should not be imported.
type importPreview struct {
	m      *mainWindow
	plan   *imports.ImportPlan
	then   func() // the next file, after this one is imported or skipped
	counts *paragraph
	list   *widget.List
	notes  *paragraph
	fold   *widget.Accordion // the technical details, closed; nil when none
	apply  *widget.Button
	dialog *dialog.CustomDialog
	result *imports.ImportResult // set once applied, for tests
}

// notesOfAKind is how many notes about the file of one kind the preview
// lists before it sums the rest up.
const notesOfAKind = 3

func newImportPreview(m *mainWindow, plan *imports.ImportPlan, then func()) *importPreview {
	p := &importPreview{m: m, plan: plan, then: then}
	p.counts = newParagraph("").look(widget.MediumImportance, "", fyne.TextStyle{Bold: true})
	p.list = &widget.List{
		Length:     func() int { return len(p.plan.Items) },
		CreateItem: p.createRow,
		UpdateItem: p.updateRow,
	}
	p.list.ExtendBaseWidget(p.list)
	var notes []string
	kept, omitted := calendar.Summarize(plan.Notes, func(m imports.Message) string { return m.Code }, notesOfAKind)
	for _, n := range kept {
		notes = append(notes, plainText(n))
	}
	for _, o := range omitted {
		notes = append(notes, lang.L("… and {{.Count}} more like: {{.Example}}", map[string]any{"Count": o.Count, "Example": plainText(o.Like)}))
	}
	for _, t := range plan.Todos {
		notes = append(notes, lang.L("To-do kept: {{.Title}}", map[string]any{"Title": t.Title}))
	}
	p.notes = newParagraph(strings.Join(notes, "\n")).look(widget.MediumImportance, theme.SizeNameCaptionText, fyne.TextStyle{})
	p.notes.Hidden = len(notes) == 0
	p.apply = &widget.Button{Text: lang.L("Import"), Importance: widget.HighImportance, OnTapped: p.onApply}
	skip := &widget.Button{Text: lang.L("Don't import"), OnTapped: p.onSkip}
	// Up to four lines of notes show without scrolling: what the reader
	// left out is summed up, so four lines say most of it.
	notesScroll := container.NewVScroll(p.notes)
	if !p.notes.Hidden {
		notesScroll.SetMinSize(fyne.NewSize(0, 4*theme.CaptionTextSize()*1.6))
	}
	var bottom fyne.CanvasObject = notesScroll
	if p.fold = technicalFold(plan); p.fold != nil {
		bottom = container.NewVBox(notesScroll, p.fold)
	}
	content := container.NewBorder(p.counts, bottom, nil, nil, p.list)
	p.dialog = dialog.NewCustomWithoutButtons(lang.L("Import {{.File}}", map[string]any{"File": filepath.Base(plan.File)}), content, m.win)
	p.dialog.SetButtons([]fyne.CanvasObject{skip, p.apply})
	p.refreshCounts()
	return p
}

func (p *importPreview) show() {
	p.dialog.Resize(fyne.NewSize(900, 560))
	p.dialog.Show()
}

// refreshCounts says what will happen: new, updated, cancelled, unchanged, skipped.
func (p *importPreview) refreshCounts() {
	c := map[imports.ImportAction]int{}
	for _, it := range p.plan.Items {
		if it.Selected || it.Action == imports.ImportUnchanged || it.Action == imports.ImportSkipped {
			c[it.Action]++
		} else {
			c[imports.ImportSkipped]++
		}
	}
	p.counts.SetText(lang.L("{{.New}} new · {{.Updated}} updated · {{.Cancelled}} cancelled · {{.Unchanged}} unchanged · {{.Skipped}} skipped",
		map[string]any{"New": c[imports.ImportNew], "Updated": c[imports.ImportUpdated], "Cancelled": c[imports.ImportCancelled],
			"Unchanged": c[imports.ImportUnchanged], "Skipped": c[imports.ImportSkipped]}))
	p.apply.Disable()
	for _, it := range p.plan.Items {
		if it.Selected {
			p.apply.Enable()
		}
	}
}

func (p *importPreview) createRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	action := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	title := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	detail := &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
	return container.NewBorder(nil, nil, container.NewHBox(check, action), nil, container.NewVBox(title, detail))
}

func (p *importPreview) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.plan.Items) {
		return
	}
	it := &p.plan.Items[id]
	row := o.(*fyne.Container)
	left := row.Objects[1].(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container).Objects
	check, action := left.Objects[0].(*widget.Check), left.Objects[1].(*widget.Label)
	check.OnChanged = nil
	check.SetChecked(it.Selected)
	if it.Action == imports.ImportUnchanged || it.Action == imports.ImportSkipped {
		check.Disable()
	} else {
		check.Enable()
	}
	check.OnChanged = func(on bool) {
		it.Selected = on
		p.refreshCounts()
	}
	action.SetText(importActionLabel(it.Action))
	if it.NeedsFix() { // not importable until fixed in the file
		action.SetText(lang.L("Needs a fix"))
		if it.Incoming.Fault.Code == "import.needs_time" {
			action.SetText(lang.L("Needs a time"))
		}
	}
	action.Importance = importActionImportance(it)
	action.Refresh()
	e := it.Incoming.Engagement
	texts[0].(*widget.Label).SetText(spanText(e, p.m.loc) + "  " + e.Title)
	texts[1].(*widget.Label).SetText(importDetail(*it))
}

// importDetail explains an item: why it is skipped, what it clashes with,
// what the reader warned about.
func importDetail(it imports.ImportItem) string {
	var parts []string
	if it.Reason != nil {
		parts = append(parts, plainText(*it.Reason))
	}
	for _, f := range it.Findings {
		parts = append(parts, lang.L("{{.Rule}}: {{.Message}}", map[string]any{"Rule": ruleLabel(f.Rule), "Message": findingText(f)}))
	}
	for _, w := range it.Incoming.Warnings {
		parts = append(parts, plainText(w))
	}
	if len(parts) == 0 && it.Incoming.Line > 0 {
		parts = append(parts, lang.L("line {{.Line}}", map[string]any{"Line": it.Incoming.Line}))
	}
	return strings.Join(parts, " · ")
}

func importActionLabel(a imports.ImportAction) string {
	switch a {
	case imports.ImportNew:
		return lang.L("New")
	case imports.ImportUpdated:
		return lang.L("Updated")
	case imports.ImportUnchanged:
		return lang.L("Unchanged")
	case imports.ImportCancelled:
		return lang.L("Cancelled")
	}
	return lang.L("Skipped")
}

func importActionImportance(it *imports.ImportItem) widget.Importance {
	switch {
	case calendar.Blocking(it.Findings), it.NeedsFix():
		return widget.DangerImportance
	case it.Action == imports.ImportNew || it.Action == imports.ImportUpdated:
		return widget.SuccessImportance
	case it.Action == imports.ImportCancelled:
		return widget.WarningImportance
	}
	return widget.LowImportance
}

// messageText translates a message from the importer.
func messageText(msg imports.Message) string {
	text := lang.X(msg.Code, msg.English, msg.Args)
	if msg.Line > 0 {
		return lang.L("line {{.Line}}: {{.Message}}", map[string]any{"Line": msg.Line, "Message": text})
	}
	return text
}

// onApply stores the ticked items in one transaction.
func (p *importPreview) onApply() {
	p.plan.By = p.m.user
	res, err := p.m.importSvc.ApplyImport(context.Background(), p.plan)
	if err != nil {
		p.m.showError(err)
		return
	}
	p.result = &res
	p.dialog.Hide()
	p.m.reload()
	p.m.status.SetText(lang.L("Imported {{.File}}: {{.New}} new, {{.Updated}} updated, {{.Cancelled}} cancelled.",
		map[string]any{"File": filepath.Base(p.plan.File), "New": res.New, "Updated": res.Updated, "Cancelled": res.Cancelled}))
	p.then()
}

func (p *importPreview) onSkip() {
	p.dialog.Hide()
	p.then()
}
