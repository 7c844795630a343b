package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// visitsDesk opens the windows of the visits desk from the main window's
// Visits menu: the requests inbox and the materials board. It keeps them
// in step with each other and with the week grid, and they follow the
// leader the main window shows.
type visitsDesk struct {
	m     *mainWindow
	inbox *visitInbox     // nil while closed
	board *materialsBoard // nil while closed
}

// newVisitsDesk makes the window's visits desk, which it keeps to show
// what another program changes (othersChanged).
func newVisitsDesk(m *mainWindow) *visitsDesk {
	m.visits = &visitsDesk{m: m}
	return m.visits
}

// reread reads what its open windows show again, the grid aside.
func (d *visitsDesk) reread() {
	if d.inbox != nil {
		d.inbox.reload()
	}
	if d.board != nil {
		d.board.reload()
	}
}

// visitsMenu is the main window's Visits (会客) menu.
func (m *mainWindow) visitsMenu() *fyne.Menu {
	d := newVisitsDesk(m)
	return fyne.NewMenu(lang.L("Visits"),
		fyne.NewMenuItem(lang.L("Visit requests…"), func() { d.openInbox() }),
		fyne.NewMenuItem(lang.L("New visit request…"), func() { d.openInbox().newRequest() }),
		fyne.NewMenuItem(lang.L("Briefing materials…"), func() { d.openBoard() }),
	)
}

// openInbox shows the requests inbox, opening it when closed.
func (d *visitsDesk) openInbox() *visitInbox {
	if d.inbox == nil {
		d.inbox = newVisitInbox(d)
		d.inbox.win.SetOnClosed(func() { d.inbox = nil })
		d.inbox.win.Show()
	}
	d.inbox.reload()
	d.inbox.win.RequestFocus()
	return d.inbox
}

// openBoard shows the materials board, opening it when closed.
func (d *visitsDesk) openBoard() *materialsBoard {
	if d.board == nil {
		d.board = newMaterialsBoard(d)
		d.board.win.SetOnClosed(func() { d.board = nil })
		d.board.win.Show()
	}
	d.board.reload()
	d.board.win.RequestFocus()
	return d.board
}

// changed redraws whatever a change of the desk may show on: the inbox,
// the board and the week grid.
func (d *visitsDesk) changed() {
	d.reread()
	d.m.reload()
}

// The desk's shortcuts to what the main window knows.

func (d *visitsDesk) svc() *calendar.Service             { return d.m.svc }
func (d *visitsDesk) deskSvc() *desk.Service             { return d.m.deskSvc }
func (d *visitsDesk) leader() calendar.Leader            { return d.m.leader }
func (d *visitsDesk) loc() *time.Location                { return d.m.loc }
func (d *visitsDesk) user() string                       { return d.m.user }
func (d *visitsDesk) ctx() context.Context               { return context.Background() }
func (d *visitsDesk) today() calendar.Date               { return calendar.DateOf(d.svc().Now().In(d.loc())) }
func (d *visitsDesk) newWindow(title string) fyne.Window { return escaping(d.m.app.NewWindow(title)) }
