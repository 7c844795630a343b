package ui

import (
	"context"

	"anteroom/calendar"
)

// weekVisits is the selected week's visits and the leader's weekly cap.
// The week and month views have already read that whole week into
// m.items, and m.avail holds the cap, so they count there; the day view
// asks the service, which reads the week.
func (m *mainWindow) weekVisits(ctx context.Context) (count, limit int, err error) {
	week := calendar.WeekStart(m.grid.selected)
	first, after := m.grid.monday, m.grid.monday.AddDays(m.shownDays())
	if week.Before(first) || after.Before(week.AddDays(7)) {
		return m.svc.WeekVisits(ctx, m.leader, m.grid.selected)
	}
	return calendar.WeekVisitsIn(m.items, m.grid.selected, m.loc), m.avail.WeeklyVisitCap, nil
}
