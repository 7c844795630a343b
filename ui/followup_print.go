package ui

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/followup"
)

// printLevel is how much a printed document of minutes or follow-up
// shows of what is confidential.
type printLevel int

const (
	printFull    printLevel = iota // everything, for the leader and the office
	printLimited                   // confidential matters as 公务事项 only
)

func printLevelLabel(l printLevel) string {
	if l == printFull {
		return lang.L("Full: everything")
	}
	return lang.L("Limited: confidential matters as “Official matter” only")
}

// printDialog asks how much a printed document shows, then where to
// save it, and writes it there as A4 HTML.
type printDialog struct {
	win      fyne.Window
	fileName string
	write    func(w io.Writer, full bool) error

	level   *enumSelect[printLevel]
	status  *paragraph
	problem *paragraph
	saveBtn *widget.Button
	dialog  *dialog.CustomDialog
	saved   fyne.URI // the file last written, for tests
}

// showPrintDialog offers to print over win what write writes, suggesting
// fileName.
func showPrintDialog(win fyne.Window, title, fileName string, write func(w io.Writer, full bool) error) *printDialog {
	p := &printDialog{win: win, fileName: fileName, write: write, problem: errorLabel()}
	p.level = newEnumSelect([]printLevel{printFull, printLimited}, printLevelLabel, nil)
	p.level.setValue(printLimited)
	p.status = newParagraph("")
	note := newParagraph(lang.L("The page is A4 HTML: open it in a browser to print it.")).look(widget.MediumImportance, theme.SizeNameCaptionText, fyne.TextStyle{})
	form := widget.NewForm(widget.NewFormItem(lang.L("Level"), p.level.Select))
	p.saveBtn = &widget.Button{Text: lang.L("Save as HTML…"), Icon: theme.Icon(theme.IconNameDocumentSave), Importance: widget.HighImportance, OnTapped: p.pickFile}
	closeBtn := &widget.Button{Text: lang.L("Close"), OnTapped: func() { p.dialog.Hide() }}
	p.dialog = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, note, p.status, p.problem), win)
	p.dialog.SetButtons([]fyne.CanvasObject{closeBtn, p.saveBtn})
	p.dialog.Resize(fitIn(win, fyne.NewSize(560, 200)))
	showDialog(win, p.dialog)
	return p
}

// pickFile asks where to save the page.
func (p *printDialog) pickFile() {
	fd := dialog.NewFileSave(p.saveTo, p.win)
	fd.SetFileName(p.fileName)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".html", ".htm"}))
	showFileDialog(p.win, fd, lang.L("Save the page as"))
}

// saveTo writes the page at the chosen level to the file the save
// dialog opened; w is nil when it was cancelled.
func (p *printDialog) saveTo(w fyne.URIWriteCloser, err error) {
	if err != nil {
		showErr(p.problem, err)
		return
	}
	if w == nil {
		return
	}
	full := p.level.value() == printFull
	if werr := saveFile(w, func(out io.Writer) error { return p.write(out, full) }); werr != nil {
		showErr(p.problem, werr)
		return
	}
	showErr(p.problem, nil)
	p.saved = w.URI()
	p.status.SetText(lang.L("Saved to {{.File}}.", map[string]any{"File": w.URI().Name()}))
}

// onPrint prints the minutes shown; a draft is saved first so the page
// shows what the form holds.
func (md *minutesDialog) onPrint() *printDialog {
	if md.min.State == followup.MinutesDraft && !md.save() {
		return nil
	}
	if md.min.State == followup.MinutesDraft {
		md.done()
	}
	m, loc := md.min, md.d.loc()
	md.printing = showPrintDialog(md.win, lang.L("Print the minutes"), fmt.Sprintf("minutes-%d.html", m.ID), func(w io.Writer, full bool) error {
		if full {
			return followup.WriteMinutesHTML(w, m, lang.X, loc)
		}
		return followup.WriteMinutesHTMLShared(w, m, lang.X, loc)
	})
	return md.printing
}

// onPrint prints the items the board lists, in its order, as the 督办
// list.
func (b *followUpBoard) onPrint() *printDialog {
	items := append([]followup.Item(nil), b.table.rows...)
	today, loc := b.today, b.d.loc()
	b.printing = showPrintDialog(b.win, lang.L("Print the follow-up list"), "followup-"+today.String()+".html", func(w io.Writer, full bool) error {
		return followup.WriteBoardHTML(w, items, full, lang.X, today, loc)
	})
	return b.printing
}
