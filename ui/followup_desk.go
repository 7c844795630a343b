package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/followup"
)

// followUpDesk opens minutes (会议纪要) and the follow-up board (督办)
// from the main window: the Follow-up menu, the detail pane's Minutes…
// and the materials' Follow up…. They follow the leader the main window
// shows, and every change redraws the board when it is open.
type followUpDesk struct {
	m   *mainWindow
	svc *followup.Service // nil: minutes and follow-up are hidden

	board   *followUpBoard // nil while closed
	list    *minutesList   // nil while closed
	minutes *minutesDialog // the last minutes opened, for tests
	form    *itemForm      // the last new-item form opened, for tests
}

func newFollowUpDesk(m *mainWindow, svc *followup.Service) *followUpDesk {
	return &followUpDesk{m: m, svc: svc}
}

// followUpMenu is the main window's Follow-up (督办) menu.
func (d *followUpDesk) menu() *fyne.Menu {
	board := fyne.NewMenuItem(lang.L("Follow-up board…"), func() { d.openBoard() })
	assigned := fyne.NewMenuItem(lang.L("New assigned matter…"), func() { d.newAssigned(d.m.win) })
	minutes := fyne.NewMenuItem(lang.L("All minutes…"), func() { d.openMinutesList() })
	if d.svc == nil {
		board.Disabled, assigned.Disabled, minutes.Disabled = true, true, true
	}
	return fyne.NewMenu(lang.L("Follow-up"), board, assigned, fyne.NewMenuItemSeparator(), minutes)
}

// openBoard shows the follow-up board, opening it when closed.
func (d *followUpDesk) openBoard() *followUpBoard {
	if d.svc == nil {
		return nil
	}
	if d.board == nil {
		d.board = newFollowUpBoard(d)
		d.board.win.SetOnClosed(func() { d.board = nil })
		d.board.win.Show()
	}
	d.board.reload()
	d.board.win.RequestFocus()
	return d.board
}

// changed redraws the board and the list of minutes after a change.
func (d *followUpDesk) changed() {
	if d.board != nil {
		d.board.reload()
	}
	if d.list != nil {
		d.list.reload()
	}
}

// canHaveMinutes reports whether e is a meeting that has started, so that
// minutes can be written of it.
func (d *followUpDesk) canHaveMinutes(e calendar.Engagement) bool {
	return d.svc != nil && e.Kind != calendar.KindBlocked && e.Start.Before(d.svc.Now())
}

// The desk's shortcuts to what the main window knows.

func (d *followUpDesk) leader() calendar.Leader { return d.m.leader }
func (d *followUpDesk) loc() *time.Location     { return d.m.loc }
func (d *followUpDesk) user() string            { return d.m.user }
func (d *followUpDesk) ctx() context.Context    { return context.Background() }
func (d *followUpDesk) today() calendar.Date    { return d.svc.Today(d.loc()) }
