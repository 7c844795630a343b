package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"anteroom/calendar"
)

// searchLimit is how many results the search lists; a narrower query
// finds the rest.
const searchLimit = 100

// searchDialog finds engagements by title, place, organiser or notes as
// the user types, and jumps to the one chosen.
type searchDialog struct {
	m       *mainWindow
	query   *formEntry
	results *fyne.Container
	note    *paragraph
	dialog  dialog.Dialog
	// among are the searched years, read at the first query of this
	// search and looked through at each keystroke after it.
	among *calendar.Searchable
}

// openSearch shows the search, its field focused (Ctrl+F).
func (m *mainWindow) openSearch() {
	s := &searchDialog{m: m, results: container.NewVBox(), note: newParagraph("").look(widget.LowImportance, "", fyne.TextStyle{})}
	s.query = newFormEntry("", lang.L("Title, place, organiser or notes, e.g. 防汛"))
	s.query.OnChanged = func(string) { s.run() }
	s.query.onEscape = func() { s.dialog.Hide() }
	s.query.OnSubmitted = func(string) { // Enter opens the first result
		if len(s.results.Objects) > 0 {
			if b, ok := s.results.Objects[0].(*widget.Button); ok {
				b.OnTapped()
			}
		}
	}
	content := container.NewBorder(container.NewVBox(s.query, s.note), nil, nil, nil, container.NewVScroll(s.results))
	s.dialog = dialog.NewCustom(lang.L("Search"), lang.L("Close"), content, m.win)
	s.dialog.Resize(fitIn(m.win, fyne.NewSize(640, 520)))
	showDialog(m.win, s.dialog)
	m.search = s
	m.win.Canvas().Focus(s.query)
}

// run lists what matches the query now.
func (s *searchDialog) run() {
	m := s.m
	s.results.RemoveAll()
	var found []calendar.Engagement
	var more bool
	var err error
	if strings.TrimSpace(s.query.Text) != "" && s.among == nil {
		s.among, err = m.svc.Searchable(context.Background(), m.leader)
	}
	if err == nil && s.among != nil {
		found, more = s.among.Find(s.query.Text, searchLimit)
	}
	switch {
	case err != nil:
		s.note.SetText(errorText(err))
	case s.query.Text == "":
		s.note.SetText("")
	case len(found) == 0:
		s.note.SetText(lang.L("Nothing matches “{{.Query}}” from a year ago to a year ahead.", map[string]any{"Query": s.query.Text}))
	case more:
		s.note.SetText(lang.L("The first {{.Count}} matches; type more to narrow them.", map[string]any{"Count": len(found)}))
	default:
		s.note.SetText(lang.L("search.count", map[string]any{"Count": len(found)}))
	}
	for _, e := range found {
		start := e.Start.In(m.loc)
		text := longDate(calendar.DateOf(start)) + " " + clock(start) + "  " + blockTitle(e)
		if e.AllDay {
			text = longDate(e.StartDay) + "  " + blockTitle(e)
		}
		if e.Location != "" {
			text += " · " + e.Location
		}
		s.results.Add(&widget.Button{Text: text, Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance,
			OnTapped: func() { s.jumpTo(e) }})
	}
	s.results.Refresh()
}

// jumpTo closes the search and shows e in its week, selected.
func (s *searchDialog) jumpTo(e calendar.Engagement) {
	s.dialog.Hide()
	m := s.m
	m.goToWeek(calendar.DateOf(e.Start.In(m.loc)))
	m.grid.selectItem(e)
}
