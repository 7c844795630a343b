package calendar_test

import (
	"context"
	"fmt"
	"sort"
	"time"

	"anteroom/calendar"
)

// memStore is an in-memory calendar.Store for domain tests; package data
// has the real one and its own tests.
type memStore struct {
	leaders      []calendar.Leader
	engagements  map[int64]calendar.Engagement
	nextID       int64
	availability map[int64]calendar.Availability
	log          []calendar.OverrideRecord
}

func newMemStore() *memStore { return &memStore{engagements: map[int64]calendar.Engagement{}} }

func (m *memStore) Leaders(context.Context) ([]calendar.Leader, error) { return m.leaders, nil }

func (m *memStore) Leader(_ context.Context, id int64) (calendar.Leader, error) {
	for _, l := range m.leaders {
		if l.ID == id {
			return l, nil
		}
	}
	return calendar.Leader{}, fmt.Errorf("leader %d: %w", id, calendar.ErrNotFound)
}

func (m *memStore) CreateLeader(_ context.Context, l *calendar.Leader) error {
	m.nextID++
	l.ID = m.nextID
	m.leaders = append(m.leaders, *l)
	return nil
}

func (m *memStore) Engagement(_ context.Context, id int64) (calendar.Engagement, error) {
	e, ok := m.engagements[id]
	if !ok {
		return e, calendar.ErrNotFound
	}
	return e, nil
}

func (m *memStore) EngagementsBetween(_ context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	var out []calendar.Engagement
	for _, e := range m.engagements {
		if e.LeaderID == leaderID && !e.IsSeries() && e.Overlaps(from, to) {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out, nil
}

func (m *memStore) CreateEngagement(_ context.Context, e *calendar.Engagement) error {
	m.nextID++
	e.ID = m.nextID
	m.engagements[e.ID] = *e
	return nil
}

func (m *memStore) UpdateEngagement(_ context.Context, e *calendar.Engagement) error {
	if _, ok := m.engagements[e.ID]; !ok {
		return calendar.ErrNotFound
	}
	m.engagements[e.ID] = *e
	return nil
}

func (m *memStore) DeleteEngagement(_ context.Context, id int64, _ time.Time) error {
	if _, ok := m.engagements[id]; !ok {
		return calendar.ErrNotFound
	}
	delete(m.engagements, id)
	return nil
}

func (m *memStore) CountEngagements(_ context.Context, leaderID int64) (int, error) {
	n := 0
	for _, e := range m.engagements {
		if e.LeaderID == leaderID {
			n++
		}
	}
	return n, nil
}
