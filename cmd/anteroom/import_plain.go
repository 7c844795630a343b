package main

import (
	"fyne.io/fyne/v2/lang"

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
