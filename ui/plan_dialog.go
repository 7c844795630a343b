package ui

import (
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
	"anteroom/calendar/ics"
	"anteroom/calendar/plan"
)

// planDialog prints next week's plan (领导一周工作安排) for other offices:
// which week, which leaders, and how much the .ics shows; it saves the
// printable HTML table, or circulates it with the .ics into a folder.
type planDialog struct {
	d    *weekDesk
	week calendar.Week

	weekLabel    *widget.Label
	leaders      *widget.CheckGroup
	privacy      *enumSelect[ics.Privacy]
	summary      *paragraph
	note         *paragraph // what the plan hides and the files' names
	problem      *paragraph
	saveBtn      *widget.Button
	circulateBtn *widget.Button
	dialog       *dialog.CustomDialog
	written      plan.Circulated // what the last circulation wrote, for tests
}

func newPlanDialog(d *weekDesk, w calendar.Week) *planDialog {
	p := &planDialog{d: d, week: w, problem: errorLabel()}
	p.weekLabel = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	prev := &widget.Button{Icon: theme.Icon(theme.IconNameNavigateBack), Importance: widget.LowImportance, OnTapped: func() { p.setWeek(p.week.AddWeeks(-1)) }}
	next := &widget.Button{Icon: theme.Icon(theme.IconNameNavigateNext), Importance: widget.LowImportance, OnTapped: func() { p.setWeek(p.week.Next()) }}
	var names []string
	for _, l := range d.m.leaders {
		names = append(names, l.Name)
	}
	p.leaders = widget.NewCheckGroup(names, func([]string) { p.refreshSummary() })
	p.leaders.Horizontal = true
	p.leaders.SetSelected([]string{d.leader().Name})
	p.privacy = newEnumSelect([]ics.Privacy{ics.PrivacyFull, ics.PrivacyLimited, ics.PrivacyBusy}, privacyLabel, nil)
	p.privacy.setValue(ics.PrivacyLimited)
	p.summary = newParagraph("")
	p.note = newParagraph("").look(widget.MediumImportance, theme.SizeNameCaptionText, fyne.TextStyle{})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Week"), container.NewHBox(prev, p.weekLabel, next)),
		widget.NewFormItem(lang.L("Leaders"), p.leaders),
		widget.NewFormItem(lang.L("Privacy of the .ics"), p.privacy.Select),
	)
	p.saveBtn = &widget.Button{Text: lang.L("Save plan as HTML…"), Icon: theme.Icon(theme.IconNameDocumentSave), OnTapped: p.pickFile}
	p.circulateBtn = &widget.Button{Text: lang.L("Circulate…"), Icon: theme.Icon(theme.IconNameMailSend), Importance: widget.HighImportance, OnTapped: p.pickFolder}
	closeBtn := &widget.Button{Text: lang.L("Close"), OnTapped: func() { p.dialog.Hide() }}
	p.dialog = dialog.NewCustomWithoutButtons(lang.L("Next week's plan"), container.NewVBox(form, p.summary, p.note, p.problem), d.m.win)
	p.dialog.SetButtons([]fyne.CanvasObject{closeBtn, p.saveBtn, p.circulateBtn})
	p.setWeek(w)
	return p
}

func (p *planDialog) show() {
	p.dialog.Resize(fyne.NewSize(640, 420))
	p.dialog.Show()
}

// setWeek shows week w.
func (p *planDialog) setWeek(w calendar.Week) {
	p.week = w
	p.weekLabel.SetText(reviewWeekTitle(w))
	p.note.SetText(lang.L("The plan shows confidential engagements as “Official engagement” (公务活动) only; cancelled ones are left out. Files: {{.HTML}} and {{.ICS}}.",
		map[string]any{"HTML": plan.FileBase(w) + ".html", "ICS": plan.FileBase(w) + ".ics"}))
	p.refreshSummary()
}

// leaderIDs are the leaders ticked, in the main window's order.
func (p *planDialog) leaderIDs() []int64 {
	var ids []int64
	for _, l := range p.d.m.leaders {
		for _, name := range p.leaders.Selected {
			if l.Name == name {
				ids = append(ids, l.ID)
			}
		}
	}
	return ids
}

// refreshSummary says what the plan holds, read in the background.
func (p *planDialog) refreshSummary() {
	if p.summary == nil {
		return // still building
	}
	ids, w := p.leaderIDs(), p.week
	if len(ids) == 0 {
		p.summary.SetText(lang.L("Choose at least one leader."))
		return
	}
	var wp plan.WeekPlan
	var err error
	p.d.m.goAsync(func() {
		wp, err = plan.Build(p.d.ctx(), p.d.svc(), ids, w)
	}, func() {
		if w != p.week {
			return
		}
		if err != nil {
			showErr(p.problem, err)
			return
		}
		showErr(p.problem, nil)
		hidden := 0
		for _, day := range wp.Days {
			for _, r := range day.Rows {
				if r.Confidential {
					hidden++
				}
			}
		}
		p.summary.SetText(lang.L("{{.Rows}} rows, {{.Hidden}} of them confidential.", map[string]any{"Rows": wp.Rows(), "Hidden": hidden}))
	})
}

// pickFile asks where to save the HTML plan, then writes it.
func (p *planDialog) pickFile() {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showErr(p.problem, err)
			return
		}
		if w == nil {
			return
		}
		if werr := saveFile(w, p.writeHTML); werr != nil {
			showErr(p.problem, werr)
			return
		}
		p.summary.SetText(lang.L("Saved the plan to {{.File}}.", map[string]any{"File": w.URI().Name()}))
	}, p.d.m.win)
	fd.SetFileName(plan.FileBase(p.week) + ".html")
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".html", ".htm"}))
	showFileDialog(p.d.m.win, fd, lang.L("Save the plan as"))
}

// writeHTML writes the plan as chosen to w.
func (p *planDialog) writeHTML(w io.Writer) error {
	ids := p.leaderIDs()
	if len(ids) == 0 {
		return errorf(lang.L("Choose at least one leader."))
	}
	wp, err := plan.Build(p.d.ctx(), p.d.svc(), ids, p.week)
	if err != nil {
		return err
	}
	return plan.WriteHTML(w, wp, lang.X, p.d.svc().Now(), p.d.loc())
}

// pickFolder asks for the folder to circulate into, then writes.
func (p *planDialog) pickFolder() {
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			showErr(p.problem, err)
			return
		}
		if dir != nil {
			p.circulate(dir.Path())
		}
	}, p.d.m.win)
	showFileDialog(p.d.m.win, fd, lang.L("Choose the folder to circulate into"))
}

// circulate writes the plan and the .ics into dir in the background.
func (p *planDialog) circulate(dir string) {
	ids, w, level := p.leaderIDs(), p.week, p.privacy.value()
	if len(ids) == 0 {
		showErr(p.problem, errorf(lang.L("Choose at least one leader.")))
		return
	}
	p.circulateBtn.Disable()
	var out plan.Circulated
	var err error
	p.d.m.goAsync(func() {
		out, err = plan.Circulate(p.d.ctx(), p.d.svc(), ids, w, level, dir, lang.X)
	}, func() {
		p.circulateBtn.Enable()
		if err != nil {
			showErr(p.problem, err)
			return
		}
		showErr(p.problem, nil)
		p.written = out
		p.summary.SetText(lang.L("Wrote {{.HTML}} and {{.ICS}} into {{.Dir}}.",
			map[string]any{"HTML": filepath.Base(out.HTML), "ICS": filepath.Base(out.ICS), "Dir": dir}))
	})
}
