package ui

import (
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar/ics"
	"anteroom/calendar/imports"
)

// plainText is an importer's message in the secretary's words, with its
// line; messageText is the technical one, kept for the details fold.
func plainText(msg imports.Message) string {
	code, english, _ := msg.Plain()
	text := lang.X(code, english, msg.Args)
	if msg.Line > 0 {
		return lang.L("line {{.Line}}: {{.Message}}", map[string]any{"Line": msg.Line, "Message": text})
	}
	return text
}

// importTechnical lists the technical text of every message of plan said
// in plainer words in the preview, each once, for whoever made the file.
func importTechnical(plan *imports.ImportPlan) []string {
	var out []string
	seen := map[string]bool{}
	add := func(msg imports.Message) {
		if _, _, differs := msg.Plain(); !differs {
			return
		}
		if t := messageText(msg); !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, n := range plan.Notes {
		add(n)
	}
	for _, it := range plan.Items {
		if it.Reason != nil {
			r := *it.Reason
			if r.Line == 0 {
				r.Line = it.Incoming.Line
			}
			add(r)
		}
		for _, w := range it.Incoming.Warnings {
			add(w)
		}
	}
	return out
}

// technicalFold is the preview's closed "Details" fold with the technical
// text, nil when there is none.
func technicalFold(plan *imports.ImportPlan) *widget.Accordion {
	lines := importTechnical(plan)
	if len(lines) == 0 {
		return nil
	}
	text := newParagraph(lang.L("Technical details (for whoever made the file)")+"\n"+strings.Join(lines, "\n")).
		look(widget.MediumImportance, theme.SizeNameCaptionText, fyne.TextStyle{})
	return widget.NewAccordion(widget.NewAccordionItem(lang.L("Details"), text))
}

// showReadError reports a file that cannot be read at all: in plain
// words, naming the file and line, with the reader's technical text in a
// closed Details fold; then calls then.
func (m *mainWindow) showReadError(err error, then func()) {
	plain, technical, ok := readErrorPlainly(err)
	if !ok {
		m.showErrorThen(err, then)
		return
	}
	content := container.NewVBox(newParagraph(plain),
		widget.NewAccordion(widget.NewAccordionItem(lang.L("Details"),
			newParagraph(technical).look(widget.MediumImportance, theme.SizeNameCaptionText, fyne.TextStyle{}))))
	d := dialog.NewCustom(lang.L("Cannot read the file"), lang.L("OK"), content, m.win)
	d.SetOnClosed(then)
	d.Resize(fitIn(m.win, fyne.NewSize(560, 260)))
	showDialog(m.win, d)
}

// readErrorPlainly says why a file cannot be read in plain words, and
// gives the technical text, when err is the reader's and has plainer
// words; ok is false otherwise.
func readErrorPlainly(err error) (plain, technical string, ok bool) {
	var pe *ics.ParseError
	if !errors.As(err, &pe) {
		return "", "", false
	}
	code, english, differs := imports.Message{Code: pe.Key, English: pe.Reason, Args: pe.Params}.Plain()
	if !differs {
		return "", "", false
	}
	reason := lang.X(code, english, pe.Params)
	file := filepath.Base(pe.File)
	if pe.Line > 0 {
		plain = lang.L("{{.File}}, line {{.Line}}: {{.Reason}}", map[string]any{"File": file, "Line": pe.Line, "Reason": reason})
	} else {
		plain = lang.L("{{.File}}: {{.Reason}}", map[string]any{"File": file, "Reason": reason})
	}
	return plain, errorText(err), true
}
