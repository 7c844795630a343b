package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	text := &widget.Label{Text: lang.L("Technical details (for whoever made the file)") + "\n" + strings.Join(lines, "\n"),
		Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	return widget.NewAccordion(widget.NewAccordionItem(lang.L("Details"), text))
}
