package main

import (
	"fyne.io/fyne/v2/lang"

	"anteroom/calendar/ics"
	"anteroom/calendar/imports"
)

// plainMessage is an importer's message in the secretary's words, with
// its line; messageText is the technical one.
func plainMessage(m imports.Message) string {
	code, english, _ := m.Plain()
	text := lang.X(code, english, m.Args)
	if m.Line > 0 {
		return lang.L("line {{.Line}}: {{.Message}}", map[string]any{"Line": m.Line, "Message": text})
	}
	return text
}

// technicalText is the message's technical text (property names, RFC
// sections) when plainMessage says it otherwise, else "".
func technicalText(m imports.Message) string {
	if _, _, differs := m.Plain(); !differs {
		return ""
	}
	m.Line = 0 // the plain line names it
	return messageText(m)
}

// plainParseError says why a file cannot be read: file, line and the
// reason in plain words, then, with details, the reader's own text.
func plainParseError(pe *ics.ParseError, details bool) string {
	code, english, differs := imports.Message{Code: pe.Key, English: pe.Reason, Args: pe.Params}.Plain()
	if !differs {
		return translate(pe, nil)
	}
	reason := lang.X(code, english, pe.Params)
	var text string
	if pe.Line > 0 {
		text = lang.L("{{.File}}, line {{.Line}}: {{.Reason}}", map[string]any{"File": pe.File, "Line": pe.Line, "Reason": reason})
	} else {
		text = lang.L("{{.File}}: {{.Reason}}", map[string]any{"File": pe.File, "Reason": reason})
	}
	if details {
		text += "\n    " + lang.L("details: {{.Detail}}", map[string]any{"Detail": translate(pe, nil)})
	}
	return text
}
