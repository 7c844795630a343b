package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/review"
)

// weekDesk opens the windows of the week's work from the main window's
// Week menu: the Friday review and next week's plan. They follow the
// leader the main window shows, and a decision that changes the calendar
// redraws the week grid.
type weekDesk struct {
	m      *mainWindow
	review *reviewWindow // nil while closed
	plan   *planDialog   // the last plan dialog opened, for tests
}

// newWeekDesk makes the window's week desk, which it keeps to show what
// another program changes (othersChanged).
func newWeekDesk(m *mainWindow) *weekDesk {
	m.week = &weekDesk{m: m}
	return m.week
}

// weekMenu is the main window's Week (周工作) menu.
func (m *mainWindow) weekMenu() *fyne.Menu {
	d := newWeekDesk(m)
	return fyne.NewMenu(lang.L("Week"),
		fyne.NewMenuItem(lang.L("Friday review…"), func() { d.openReview() }),
		fyne.NewMenuItem(lang.L("Next week's plan…"), func() { d.openPlan() }),
	)
}

// openReview shows the review of the current week, opening its window
// when closed.
func (d *weekDesk) openReview() *reviewWindow {
	if d.review == nil {
		d.review = newReviewWindow(d, d.thisWeek())
		d.review.win.SetOnClosed(func() { d.review = nil })
		d.hookReviewUndo(d.review.win)
		d.review.win.Show()
	}
	d.review.reload()
	d.review.win.RequestFocus()
	return d.review
}

// openPlan shows the dialog that prints and circulates next week's plan.
func (d *weekDesk) openPlan() *planDialog {
	d.plan = newPlanDialog(d, d.thisWeek().Next())
	d.plan.show()
	return d.plan
}

// changed redraws what a decision may have changed: the week grid.
func (d *weekDesk) changed() { d.m.reload() }

// The desk's shortcuts to what the main window knows.

func (d *weekDesk) svc() *calendar.Service     { return d.m.svc }
func (d *weekDesk) reviewSvc() *review.Service { return d.m.reviewSvc }
func (d *weekDesk) leader() calendar.Leader    { return d.m.leader }
func (d *weekDesk) loc() *time.Location        { return d.m.loc }
func (d *weekDesk) user() string               { return d.m.user }
func (d *weekDesk) ctx() context.Context       { return context.Background() }

// thisWeek is the week today is in, in the leader's zone.
func (d *weekDesk) thisWeek() calendar.Week {
	return calendar.WeekOf(calendar.DateOf(d.svc().Now().In(d.loc())))
}
