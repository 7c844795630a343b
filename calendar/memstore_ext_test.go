package calendar_test

import (
	"context"
	"slices"
	"time"

	"anteroom/calendar"
)

// The memStore's series, availability and override log, as package data
// keeps them.

func (m *memStore) Availability(_ context.Context, leaderID int64) (calendar.Availability, error) {
	a, ok := m.availability[leaderID]
	if !ok {
		return a, calendar.ErrNotFound
	}
	return a, nil
}

func (m *memStore) SaveAvailability(_ context.Context, a calendar.Availability) error {
	if m.availability == nil {
		m.availability = map[int64]calendar.Availability{}
	}
	m.availability[a.LeaderID] = a
	return nil
}

func (m *memStore) SeriesBetween(_ context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	var out []calendar.Engagement
	for _, e := range m.engagements {
		if e.LeaderID == leaderID && e.IsSeries() && e.Start.Before(to) && (e.SeriesEnd.IsZero() || e.SeriesEnd.After(from)) {
			out = append(out, e)
		}
	}
	return out, nil
}

func (m *memStore) OverridesBetween(_ context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	var out []calendar.Engagement
	for _, e := range m.engagements {
		if e.LeaderID == leaderID && e.IsOccurrence() && !e.RecurrenceID.Before(from) && e.RecurrenceID.Before(to) {
			out = append(out, e)
		}
	}
	return out, nil
}

func (m *memStore) SeriesOverrides(_ context.Context, seriesID int64) ([]calendar.Engagement, error) {
	var out []calendar.Engagement
	for _, e := range m.engagements {
		if e.SeriesID == seriesID {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b calendar.Engagement) int { return a.RecurrenceID.Compare(b.RecurrenceID) })
	return out, nil
}

func (m *memStore) LogOverride(_ context.Context, r *calendar.OverrideRecord) error {
	m.nextID++
	r.ID = m.nextID
	m.log = append(m.log, *r)
	return nil
}

func (m *memStore) OverrideLog(_ context.Context, leaderID int64) ([]calendar.OverrideRecord, error) {
	var out []calendar.OverrideRecord
	for _, r := range slices.Backward(m.log) {
		if r.LeaderID == leaderID {
			out = append(out, r)
		}
	}
	return out, nil
}

func (m *memStore) VisitsBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	all, err := m.EngagementsBetween(ctx, leaderID, from, to)
	var visits []calendar.Engagement
	for _, e := range all {
		if e.Kind == calendar.KindVisit {
			visits = append(visits, e)
		}
	}
	return visits, err
}

// WithTx runs fn on the store itself: the memStore serves one goroutine.
func (m *memStore) WithTx(_ context.Context, fn func(calendar.Store) error) error { return fn(m) }

func (m *memStore) UpdateLeader(_ context.Context, l calendar.Leader) error {
	for i := range m.leaders {
		if m.leaders[i].ID == l.ID {
			m.leaders[i] = l
			return nil
		}
	}
	return calendar.ErrNotFound
}
