package ui

import "anteroom/calendar"

// followDetail keeps the detail pane on what the grid shows: after a
// reload it describes the engagement's fresh version, or the selected one,
// or, when the week shown no longer holds it, nothing.
func (m *mainWindow) followDetail() {
	s := m.detail.shown
	if s == nil {
		return
	}
	same := func(e calendar.Engagement) bool {
		return e.ID == s.ID && e.SeriesID == s.SeriesID && e.Start.Equal(s.Start)
	}
	for _, e := range m.items { // what the day, week or month shows
		if same(e) {
			m.detail.show(&e, m.loc)
			return
		}
	}
	if c := m.grid.chosen; c != nil {
		m.detail.show(c, m.loc)
		return
	}
	m.detail.show(nil, m.loc)
}
