package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"anteroom/calendar"
	"anteroom/calendar/remind"
)

// remindEvery is how often the open app checks for reminders: a
// reminder comes at most this late.
const remindEvery = time.Minute

// summaryLines is how many reminders a summary notification names.
const summaryLines = 4

// reminderTicker sends the desktop notifications the reminder service
// finds due: each on its own, or one summary after a gap or when many
// come at once. The service remembers what fired, so nothing comes twice.
type reminderTicker struct {
	svc     *remind.Service
	loc     *time.Location // the desk's clock, for the times named
	notify  func(*fyne.Notification)
	onFired func() // called after something fired, e.g. to refresh the list
}

// check asks the service once and sends what it finds; it returns what
// it sent.
func (r *reminderTicker) check(ctx context.Context) (remind.Batch, error) {
	b, err := r.svc.Check(ctx)
	if err != nil || b.Empty() {
		return b, err
	}
	if b.Summary() {
		r.notify(summaryNotification(b, r.loc))
	} else {
		for _, x := range b.Fresh {
			r.notify(reminderNotification(x, r.loc))
		}
	}
	if r.onFired != nil {
		r.onFired()
	}
	return b, nil
}

// run checks at once and then every remindEvery until ctx ends. A
// machine waking from sleep catches up at its next tick.
func (r *reminderTicker) run(ctx context.Context) {
	tick := time.NewTicker(remindEvery)
	defer tick.Stop()
	for {
		if _, err := r.check(ctx); err != nil && ctx.Err() == nil {
			fyne.LogError("reminders", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// startReminders runs the reminder ticker on a goroutine of its own,
// sending notifications on the UI goroutine. The returned func stops it.
func startReminders(a fyne.App, svc *remind.Service, onFired func()) (stop func()) {
	r := &reminderTicker{svc: svc, loc: time.Local,
		notify:  func(n *fyne.Notification) { fyne.Do(func() { a.SendNotification(n) }) },
		onFired: func() { fyne.Do(onFired) }}
	ctx, cancel := context.WithCancel(context.Background())
	go r.run(ctx)
	return cancel
}

// reminderNotification tells one reminder: what, when, where.
func reminderNotification(x remind.Reminder, loc *time.Location) *fyne.Notification {
	return fyne.NewNotification(reminderHeading(x), reminderLine(x, loc))
}

// reminderHeading is the notification's title: the item, or for
// materials what is due.
func reminderHeading(x remind.Reminder) string {
	switch x.What {
	case remind.WhatMaterial:
		return lang.L("Materials due today: {{.Title}}", map[string]any{"Title": x.Title})
	case remind.WhatFollowUpDue:
		return lang.L("Follow-up due today: {{.Title}}", map[string]any{"Title": x.Title})
	case remind.WhatFollowUpOverdue:
		return lang.L("Follow-up overdue: {{.Title}}", map[string]any{"Title": x.Title})
	}
	return x.Title
}

// reminderLine says when and where: "Meeting at 10:00 · Room 1", or for
// materials who hands them in.
func reminderLine(x remind.Reminder, loc *time.Location) string {
	var s string
	switch x.What {
	case remind.WhatMaterial:
		s = lang.L("Expected today, {{.Date}}", map[string]any{"Date": longDate(calendar.DateOf(x.Starts.In(loc)))})
	case remind.WhatFollowUpDue, remind.WhatFollowUpOverdue:
		s = lang.L("Responsible: {{.Unit}}", map[string]any{"Unit": x.Place})
		return s
	default:
		s = lang.L("{{.Kind}} at {{.Time}}", map[string]any{"Kind": kindLabel(calendar.Kind(x.Kind)), "Time": clock(x.Starts.In(loc))})
	}
	if x.Place != "" {
		s += lang.X("remind.place_sep", " · ") + x.Place
	}
	return s
}

// summaryNotification tells a batch in one notification: how many, the
// first few by time, and how many more.
func summaryNotification(b remind.Batch, loc *time.Location) *fyne.Notification {
	all := b.All()
	title := lang.L("{{.Count}} reminders", map[string]any{"Count": len(all)})
	if len(b.Missed) > 0 {
		title = lang.L("{{.Count}} reminders while the computer was away", map[string]any{"Count": len(all)})
	}
	var lines []string
	for i, x := range all {
		if i == summaryLines {
			lines = append(lines, lang.L("… and {{.More}} more: Reminders… in the View menu", map[string]any{"More": len(all) - summaryLines}))
			break
		}
		lines = append(lines, summaryLine(x, loc))
	}
	return fyne.NewNotification(title, strings.Join(lines, "\n"))
}

// summaryLine is one reminder in a summary: "10:00 周例会".
func summaryLine(x remind.Reminder, loc *time.Location) string {
	if x.AllDay {
		return reminderHeading(x)
	}
	return clock(x.Starts.In(loc)) + " " + x.Title
}
