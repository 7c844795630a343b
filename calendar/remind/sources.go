package remind

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// LeadStore keeps the per-item leads that override the kind's default.
type LeadStore interface {
	// Leads returns the overrides of the engagements whose IDs are given;
	// an ID without one is absent from the map.
	Leads(ctx context.Context, ids []int64) (map[int64]Lead, error)
}

// Engagements is the source of reminders before engagements, visits
// among them, each occurrence of a series on its own. Cancelled and
// all-day items do not remind.
func Engagements(book *calendar.Service, leads LeadStore) Source {
	return engagementSource{book: book, leads: leads}
}

type engagementSource struct {
	book  *calendar.Service
	leads LeadStore
}

func (src engagementSource) Reminders(ctx context.Context, w Window, s Settings) ([]Reminder, error) {
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
		es, err := src.book.Occurrences(ctx, l.ID, loc, w.From, w.To.Add(s.longestLead()))
		if err != nil {
			return nil, fmt.Errorf("reminders: engagements of %s: %w", l.Name, err)
		}
		var ids []int64
		for _, e := range es {
			ids = append(ids, e.ID, e.SeriesID)
		}
		leads, err := src.leads.Leads(ctx, ids)
		if err != nil {
			return nil, fmt.Errorf("reminders: leads: %w", err)
		}
		for _, e := range es {
			if e.Cancelled() || e.AllDay || !e.Start.After(w.From) {
				continue
			}
			lead := leadOf(e, leads, s)
			if !lead.On() {
				continue
			}
			out = append(out, Reminder{
				Key:  engagementKey(e),
				What: WhatEngagement, Kind: string(e.Kind),
				ItemID: itemID(e), LeaderID: l.ID,
				Title: e.Title, Place: e.Location,
				Starts: e.Start, At: e.Start.Add(-time.Duration(lead)), Stale: e.Start,
			})
		}
	}
	return out, nil
}

// leadOf picks the item's own lead, else its series', else its kind's.
func leadOf(e calendar.Engagement, leads map[int64]Lead, s Settings) Lead {
	if l, ok := leads[e.ID]; ok && e.ID != 0 {
		return l
	}
	if l, ok := leads[e.SeriesID]; ok && e.SeriesID != 0 {
		return l
	}
	return s.LeadFor(e.Kind)
}

// itemID is the stored engagement that holds e: an occurrence the rule
// made has none of its own and belongs to its series.
func itemID(e calendar.Engagement) int64 {
	if e.ID != 0 {
		return e.ID
	}
	return e.SeriesID
}

// engagementKey names the item and the instant it starts: an occurrence
// of a series has its own, and moving an item reminds again.
func engagementKey(e calendar.Engagement) string {
	id := e.UID
	if id == "" {
		id = strconv.FormatInt(itemID(e), 10)
	}
	return "engagement:" + id + ":" + strconv.FormatInt(e.Start.Unix(), 10)
}

// Materials is the source of reminders on the day briefing materials are
// due, while they are still expected.
func Materials(dk *desk.Service) Source { return materialSource{dk: dk} }

type materialSource struct{ dk *desk.Service }

func (src materialSource) Reminders(ctx context.Context, w Window, s Settings) ([]Reminder, error) {
	leaders, err := src.dk.Booking().Leaders(ctx)
	if err != nil {
		return nil, fmt.Errorf("reminders: leaders: %w", err)
	}
	var out []Reminder
	for _, l := range leaders {
		loc, err := l.Location()
		if err != nil {
			return nil, fmt.Errorf("reminders: %w", err)
		}
		ms, err := src.dk.Materials(ctx, l.ID, desk.MaterialExpected)
		if err != nil {
			return nil, fmt.Errorf("reminders: materials of %s: %w", l.Name, err)
		}
		for _, m := range ms {
			if m.Due.IsZero() {
				continue
			}
			r := DueOn(Reminder{
				Key:  "material:" + strconv.FormatInt(m.ID, 10) + ":" + m.Due.String(),
				What: WhatMaterial, ItemID: m.ID, LeaderID: l.ID,
				Title: m.Title, Place: m.From,
			}, m.Due, loc, s)
			if r.At.After(w.To) || !r.Stale.After(w.From) {
				continue
			}
			out = append(out, r)
		}
	}
	return out, nil
}
