package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/imports"
)

// The detail pane says in words what a block's stripe shows in colour:
// whom it clashes with, and why it was booked over the rules.

// clashNamesShown is how many clashing titles the pane names; past it,
// it counts the rest.
const clashNamesShown = 3

// markLines are the sentences for mk, clash first; none for no mark.
func markLines(mk blockMark) []string {
	var out []string
	if mk.clash && len(mk.clashWith) > 0 {
		names := mk.clashWith[:min(len(mk.clashWith), clashNamesShown)]
		quoted := make([]string, len(names))
		for i, n := range names {
			quoted[i] = "“" + n + "”"
		}
		titles := strings.Join(quoted, lang.X("list.separator", ", "))
		if rest := len(mk.clashWith) - len(names); rest > 0 {
			titles += lang.L(" and {{.Count}} more", map[string]any{"Count": rest})
		}
		out = append(out, lang.L("Clashes with {{.Titles}}", map[string]any{"Titles": titles}))
	}
	if mk.overridden {
		out = append(out, lang.L("Booked over the rules: {{.Reason}}", map[string]any{"Reason": mk.reason}))
	}
	return out
}

// overrideReasonText is the reason of an override as the pane says it:
// as typed, or for one an import made, the file it came from.
func overrideReasonText(r calendar.OverrideRecord) string {
	if file, ok := strings.CutPrefix(r.Reason, imports.ImportReasonPrefix); ok {
		return lang.L("imported from {{.File}}", map[string]any{"File": file})
	}
	return r.Reason
}
