package remind

import (
	"context"
	"fmt"
	"strconv"

	"anteroom/calendar"
	"anteroom/calendar/followup"
)

// The reminders of follow-up items: one on the morning an item is due,
// and one each morning it is overdue, while it is still being worked on.
const (
	WhatFollowUpDue     What = "followup_due"
	WhatFollowUpOverdue What = "followup_overdue"
)

// FollowUps is the source of reminders of follow-up items not yet
// reported back.
func FollowUps(book *calendar.Service, svc *followup.Service) Source {
	return followupSource{book: book, svc: svc}
}

type followupSource struct {
	book *calendar.Service
	svc  *followup.Service
}

func (src followupSource) Reminders(ctx context.Context, w Window, s Settings) ([]Reminder, error) {
	leaders, err := src.book.Leaders(ctx)
	if err != nil {
		return nil, fmt.Errorf("reminders: leaders: %w", err)
	}
	var out []Reminder
	for _, l := range leaders {
		loc, err := l.Location()
		if err != nil {
			return nil, fmt.Errorf("reminders: %w", err)
		}
		first, last := calendar.DateOf(w.From.In(loc)), calendar.DateOf(w.To.In(loc))
		items, err := src.svc.Items(ctx, followup.Filter{LeaderID: l.ID, Today: last})
		if err != nil {
			return nil, fmt.Errorf("reminders: follow-ups of %s: %w", l.Name, err)
		}
		for _, it := range items {
			if it.State != followup.StateOpen && it.State != followup.StateInProgress {
				continue
			}
			for d := first; !last.Before(d); d = d.AddDays(1) {
				what := WhatFollowUpDue
				switch {
				case d.Before(it.Due):
					continue
				case it.Due.Before(d):
					what = WhatFollowUpOverdue
				}
				r := DueOn(Reminder{
					Key:  "followup:" + strconv.FormatInt(it.ID, 10) + ":" + d.String(),
					What: what, ItemID: it.ID, LeaderID: l.ID, Title: it.Text, Place: it.Unit,
				}, d, loc, s)
				if r.At.After(w.To) || !r.Stale.After(w.From) {
					continue
				}
				out = append(out, r)
			}
		}
	}
	return out, nil
}
