package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
)

// findingJSON is one finding as add and check print it.
type findingJSON struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	UID      string `json:"uid,omitempty"`
	Title    string `json:"title,omitempty"`
}

func toFindingsJSON(fs []calendar.Finding) []findingJSON { return jsonList(fs, toFindingJSON) }

func toFindingJSON(f calendar.Finding) findingJSON {
	j := findingJSON{Rule: string(f.Rule), Severity: string(f.Severity), Message: findingText(f)}
	if o := f.Named(); o != nil {
		j.UID, j.Title = o.UID, o.Title
	}
	return j
}

// findingText is a finding in the user's language.
func findingText(f calendar.Finding) string { return lang.X(f.Code, f.Message(), f.Args()) }

// printFindings writes one line per finding: severity, rule, message.
func printFindings(w io.Writer, fs []calendar.Finding) {
	for _, f := range fs {
		sev := lang.L("warning")
		if f.Severity == calendar.SeverityBlock {
			sev = lang.L("blocked")
		}
		fmt.Fprintf(w, "%s [%s] %s\n", sev, f.Rule, terminalText(findingText(f)))
	}
}

// refuse reports a change the booking rules block: the findings, as JSON
// {"saved": false, "findings": […]} or one line each, then exit 3 with msg.
func refuse(env *env, asJSON bool, findings []calendar.Finding, msg string) error {
	saved := map[string]any{"saved": false, "findings": toFindingsJSON(findings)}
	if err := emit(env, asJSON, saved, func() { printFindings(env.stdout, findings) }); err != nil {
		return err
	}
	return exitWith(exitFindings, "%s", msg)
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(jsonSafe(b), '\n'))
	return err
}

// slotJSON is one free slot as free prints it.
type slotJSON struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

func toSlotJSON(s calendar.Slot, loc *time.Location) slotJSON {
	return slotJSON{Start: s.Start.In(loc).Format(time.RFC3339), End: s.End.In(loc).Format(time.RFC3339)}
}
