package review

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// Service is the Friday review: each week's items, the decisions on
// them, carry-overs and the closed record.
type Service struct {
	book  *calendar.Service
	desk  *desk.Service
	store Store
}

// NewService returns the review over store, booking through book and
// filing materials and visits through desk.
func NewService(book *calendar.Service, dk *desk.Service, store Store) *Service {
	return &Service{book: book, desk: dk, store: store}
}

// stamp is the time a decision is recorded at, to the second as stored.
func (s *Service) stamp() time.Time { return s.book.Now().UTC().Truncate(time.Second) }

// inReview runs fn with a review bound to one write transaction of the
// store, its desk and booking bound to the same one: a decision, the
// engagements it cancels and books, the materials it files and its
// record are written together or not at all. fn must use only the
// Service it is given; called on a bound review, it joins.
func (s *Service) inReview(ctx context.Context, fn func(tx *Service) error) error {
	return s.store.ReviewTx(ctx, func(st Store) error {
		return fn(&Service{book: s.book.BoundTo(st), desk: s.desk.BoundTo(st), store: st})
	})
}

// WeekReview returns the leader's review of week w. While it is open its
// items are what the calendar holds now: the engagements and occurrences
// that start in w (cancelled ones only when this review carried them),
// the to-schedule entries due by w, and the briefing materials still open
// that had come in by the end of w, each with its decision if taken. Once
// closed, the items are the decisions as they were recorded.
func (s *Service) WeekReview(ctx context.Context, leaderID int64, w calendar.Week) (WeekReview, error) {
	if !w.Valid() {
		return WeekReview{}, fmt.Errorf("%w: week %s", calendar.ErrInvalid, w)
	}
	leader, err := s.store.Leader(ctx, leaderID)
	if err != nil {
		return WeekReview{}, err
	}
	loc, err := leader.Location()
	if err != nil {
		return WeekReview{}, err
	}
	rv := WeekReview{Leader: leader, Week: w}
	rec, err := s.store.Review(ctx, leaderID, w)
	switch {
	case err == nil:
		rv.Record = &rec
	case !errors.Is(err, calendar.ErrNotFound):
		return WeekReview{}, err
	}
	marks, err := s.store.ReviewMarks(ctx, leaderID, w)
	if err != nil {
		return WeekReview{}, err
	}
	if rv.Closed() {
		for _, m := range marks {
			rv.Items = append(rv.Items, itemFromMark(m, loc))
		}
	} else if rv.Items, err = s.openItems(ctx, leader, loc, w, marks); err != nil {
		return WeekReview{}, err
	}
	sortItems(rv.Items)
	return rv, nil
}

// openItems gathers the items of an open review.
func (s *Service) openItems(ctx context.Context, leader calendar.Leader, loc *time.Location, w calendar.Week, marks []ReviewMark) ([]ReviewItem, error) {
	byKey := make(map[string]*ReviewMark, len(marks))
	for i := range marks {
		byKey[marks[i].Item.Key()] = &marks[i]
	}
	seen := map[string]bool{}
	var items []ReviewItem
	add := func(it ReviewItem) {
		key := it.Ref.Key()
		it.Mark, seen[key] = byKey[key], true
		items = append(items, it)
	}

	from, to := w.Span(loc)
	occ, err := s.book.Occurrences(ctx, leader.ID, loc, from, to)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for _, e := range occ {
		ref := RefOf(e)
		if !w.Contains(startDay(e, loc)) || e.Cancelled() && byKey[ref.Key()] == nil {
			continue // begins in another week, or was called off
		}
		if ref.Kind == RefEngagement {
			ids = append(ids, e.ID)
		}
		add(ReviewItem{Ref: ref, Engagement: e})
	}
	if len(ids) > 0 {
		carried, err := s.store.CarryOversInto(ctx, ids)
		if err != nil {
			return nil, err
		}
		for i := range items {
			for _, c := range carried {
				if items[i].Ref.Kind == RefEngagement && c.EngagementID == items[i].Engagement.ID {
					items[i].Times = c.Times
				}
			}
		}
	}

	list, err := s.store.ToSchedule(ctx, leader.ID)
	if err != nil {
		return nil, err
	}
	for _, c := range list {
		if c.ToWeek.Compare(w) <= 0 {
			add(ReviewItem{Ref: c.Ref(), Engagement: c.engagement(leader, loc), ToSchedule: c, Times: c.Times})
		}
	}

	if s.desk != nil {
		ms, err := s.materialItems(ctx, leader.ID, w, to, byKey)
		if err != nil {
			return nil, err
		}
		for _, it := range ms {
			add(it)
		}
	}

	// A decision whose item has left the week (moved, deleted, booked off
	// the list) still belongs to this review.
	for _, m := range marks {
		if !seen[m.Item.Key()] {
			items = append(items, itemFromMark(m, loc))
		}
	}
	return items, nil
}

// materialItems returns the leader's briefing materials that are open
// and had come in by end (the week's end), or were decided in this
// review, each with how often earlier reviews carried it over.
func (s *Service) materialItems(ctx context.Context, leaderID int64, w calendar.Week, end time.Time, byKey map[string]*ReviewMark) ([]ReviewItem, error) {
	ms, err := s.store.Materials(ctx, leaderID, "")
	if err != nil {
		return nil, err
	}
	var items []ReviewItem
	var keys []string
	for _, m := range ms {
		ref := ItemRef{Kind: RefMaterial, ID: m.ID}
		open := m.State != desk.MaterialArchived && m.Created.Before(end)
		if open || byKey[ref.Key()] != nil {
			items = append(items, ReviewItem{Ref: ref, Material: m})
			keys = append(keys, ref.Key())
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	earlier, err := s.store.MarksOf(ctx, leaderID, keys)
	if err != nil {
		return nil, err
	}
	for i := range items {
		for _, m := range earlier {
			if m.Item.ID == items[i].Ref.ID && m.Outcome == OutcomeCarried && m.Week.Compare(w) < 0 {
				items[i].Times++
			}
		}
	}
	return items, nil
}

// startDay is the day e begins, in the leader's zone.
func startDay(e calendar.Engagement, loc *time.Location) calendar.Date {
	if e.AllDay {
		return e.StartDay
	}
	return calendar.DateOf(e.Start.In(loc))
}

// engagement returns what a carry-over would book for leader, unplaced.
func (c CarryOver) engagement(leader calendar.Leader, loc *time.Location) calendar.Engagement {
	return calendar.Engagement{LeaderID: leader.ID, Kind: c.Kind, Title: c.Title, Location: c.Location, Notes: c.Notes,
		Organiser: c.Organiser, Classification: c.Classification, Status: c.CarriedStatus(), Source: calendar.SourceManual,
		ZoneName: loc.String(), AllDay: c.AllDay()}
}

// itemFromMark rebuilds an item from its recorded decision.
func itemFromMark(m ReviewMark, loc *time.Location) ReviewItem {
	mark := m
	it := ReviewItem{Ref: m.Item, Times: m.Times, Mark: &mark}
	switch m.Item.Kind {
	case RefMaterial:
		it.Material = desk.Material{ID: m.Item.ID, LeaderID: m.LeaderID, Title: m.Title, From: m.Detail}
		return it
	case RefToSchedule:
		it.ToSchedule = CarryOver{ID: m.Item.ID, LeaderID: m.LeaderID, Kind: m.Kind, Title: m.Title, Location: m.Detail}
	}
	e := calendar.Engagement{LeaderID: m.LeaderID, Kind: m.Kind, Title: m.Title, Location: m.Detail,
		Start: m.Start, End: m.End, AllDay: m.AllDay, Status: calendar.StatusConfirmed}
	switch m.Item.Kind {
	case RefEngagement:
		e.ID = m.Item.ID
	case RefOccurrence:
		e.SeriesID, e.RecurrenceID = m.Item.ID, m.Item.At
	}
	if e.AllDay {
		e.StartDay, e.EndDay = calendar.DateOf(e.Start.In(loc)), calendar.DateOf(e.End.In(loc))
	}
	it.Engagement = e
	return it
}

// sortItems orders a review: engagements by start, then the to-schedule
// list, then the briefing materials, each in a stable order.
func sortItems(items []ReviewItem) {
	group := func(it ReviewItem) int {
		switch it.Ref.Kind {
		case RefToSchedule:
			return 1
		case RefMaterial:
			return 2
		}
		return 0
	}
	slices.SortStableFunc(items, func(a, b ReviewItem) int {
		if c := cmp.Compare(group(a), group(b)); c != 0 {
			return c
		}
		if group(a) == 0 {
			if c := a.Engagement.Start.Compare(b.Engagement.Start); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.Ref.ID, b.Ref.ID)
	})
}
