package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/review"
)

var _ review.Store = ReviewStore{}

// The Friday review's store: review_marks, carry_overs and reviews (see
// migrations/0005_review.sql). Weeks are kept as text, 2026-W48, which
// sorts in time order.

const markColumns = `id, leader_id, week, item, outcome, note, at, who,
	title, kind, start_utc, end_utc, all_day, detail, times, carry_id, archived`

func scanMark(s scanner) (review.ReviewMark, error) {
	var (
		m                 review.ReviewMark
		week, item, out   string
		kind              string
		at                int64
		start, end, carry sql.NullInt64
	)
	err := s.Scan(&m.ID, &m.LeaderID, &week, &item, &out, &m.Note, &at, &m.Who,
		&m.Title, &kind, &start, &end, &m.AllDay, &m.Detail, &m.Times, &carry, &m.Archived)
	if err != nil {
		return review.ReviewMark{}, err
	}
	if m.Week, err = calendar.ParseWeek(week); err != nil {
		return review.ReviewMark{}, fmt.Errorf("review mark %d: %w", m.ID, err)
	}
	if m.Item, err = review.ParseKey(item); err != nil {
		return review.ReviewMark{}, fmt.Errorf("review mark %d: %w", m.ID, err)
	}
	m.Outcome, m.Kind, m.At = review.Outcome(out), calendar.Kind(kind), fromUnix(at)
	m.Start, m.End, m.CarryID = nullTime(start), nullTime(end), carry.Int64
	return m, nil
}

// ReviewMarks returns the decisions of the leader's review of w, in the
// order they were taken.
func (db ReviewStore) ReviewMarks(ctx context.Context, leaderID int64, w calendar.Week) ([]review.ReviewMark, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+markColumns+` FROM review_marks
		WHERE leader_id = ? AND week = ? ORDER BY id`, leaderID, w.String())
	if err != nil {
		return nil, fmt.Errorf("review of %s: %w", w, err)
	}
	return collectMarks(rows, "review of "+w.String())
}

// MarksOf returns every decision on the items whose keys are given, in
// any week, oldest first.
func (db ReviewStore) MarksOf(ctx context.Context, leaderID int64, keys []string) ([]review.ReviewMark, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(keys)
	if err != nil {
		return nil, fmt.Errorf("review marks: %w", err)
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+markColumns+` FROM review_marks
		WHERE leader_id = ? AND item IN (SELECT value FROM json_each(?)) ORDER BY week, id`, leaderID, string(list))
	if err != nil {
		return nil, fmt.Errorf("review marks: %w", err)
	}
	return collectMarks(rows, "review marks")
}

func collectMarks(rows *sql.Rows, what string) ([]review.ReviewMark, error) {
	var out []review.ReviewMark
	err := eachRow(rows, func(s scanner) error {
		m, err := scanMark(s)
		out = append(out, m)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// AddReviewMark stores m and sets m.ID. A second decision on the item in
// the same week is ErrDuplicate; one in a closed review is refused by the
// database itself.
func (db ReviewStore) AddReviewMark(ctx context.Context, m *review.ReviewMark) error {
	var start, end any
	if m.Item.Kind != review.RefMaterial && !m.Start.IsZero() {
		start, end = unixSeconds(m.Start), unixSeconds(m.End)
	}
	res, err := db.sql.ExecContext(ctx, `INSERT INTO review_marks (
		leader_id, week, item, outcome, note, at, who, title, kind, start_utc, end_utc, all_day, detail, times, carry_id, archived
	) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.LeaderID, m.Week.String(), m.Item.Key(), string(m.Outcome), m.Note, unixSeconds(m.At), m.Who,
		m.Title, string(m.Kind), start, end, m.AllDay, m.Detail, m.Times, nullID(m.CarryID), m.Archived)
	if err != nil {
		if isUnique(err) {
			return fmt.Errorf("review of %s: %s %w", m.Week, m.Item.Key(), ErrDuplicate)
		}
		return fmt.Errorf("review of %s: mark %s: %w", m.Week, m.Item.Key(), err)
	}
	if m.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("review of %s: mark %s: %w", m.Week, m.Item.Key(), err)
	}
	return nil
}

const carryColumns = `id, leader_id, origin, from_week, to_week, times, state, engagement_id, visit_id,
	kind, title, location, notes, organiser, classification, seconds, days, created, updated, status`

func scanCarry(s scanner) (review.CarryOver, error) {
	var (
		c                         review.CarryOver
		origin, from, to, state   string
		kind, class, status       string
		engagement, visit         sql.NullInt64
		seconds, created, updated int64
	)
	err := s.Scan(&c.ID, &c.LeaderID, &origin, &from, &to, &c.Times, &state, &engagement, &visit,
		&kind, &c.Title, &c.Location, &c.Notes, &c.Organiser, &class, &seconds, &c.Days, &created, &updated, &status)
	if err != nil {
		return review.CarryOver{}, err
	}
	if c.Origin, err = review.ParseKey(origin); err != nil {
		return review.CarryOver{}, fmt.Errorf("carry-over %d: %w", c.ID, err)
	}
	if c.FromWeek, err = calendar.ParseWeek(from); err != nil {
		return review.CarryOver{}, fmt.Errorf("carry-over %d: %w", c.ID, err)
	}
	if c.ToWeek, err = calendar.ParseWeek(to); err != nil {
		return review.CarryOver{}, fmt.Errorf("carry-over %d: %w", c.ID, err)
	}
	c.State, c.EngagementID, c.VisitID = review.CarryState(state), engagement.Int64, visit.Int64
	c.Kind, c.Classification, c.Status = calendar.Kind(kind), calendar.Classification(class), calendar.Status(status)
	c.Length = time.Duration(seconds) * time.Second
	c.Created, c.Updated = fromUnix(created), fromUnix(updated)
	return c, nil
}

// CarryOver returns one carry-over; calendar.ErrNotFound when there is none.
func (db ReviewStore) CarryOver(ctx context.Context, id int64) (review.CarryOver, error) {
	c, err := scanCarry(db.sql.QueryRowContext(ctx, `SELECT `+carryColumns+` FROM carry_overs WHERE id = ?`, id))
	if err != nil {
		return review.CarryOver{}, rowErr(err, "carry-over", id)
	}
	return c, nil
}

// CarryOverFrom returns the carry-over of the item whose key is origin.
func (db ReviewStore) CarryOverFrom(ctx context.Context, leaderID int64, origin string) (review.CarryOver, error) {
	c, err := scanCarry(db.sql.QueryRowContext(ctx, `SELECT `+carryColumns+` FROM carry_overs
		WHERE leader_id = ? AND origin = ?`, leaderID, origin))
	if err != nil {
		return review.CarryOver{}, rowErr(err, "carry-over of "+origin+" for leader", leaderID)
	}
	return c, nil
}

// CarryOversInto returns the carry-overs that booked these engagements.
func (db ReviewStore) CarryOversInto(ctx context.Context, engagementIDs []int64) ([]review.CarryOver, error) {
	if len(engagementIDs) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(engagementIDs)
	if err != nil {
		return nil, fmt.Errorf("carry-overs: %w", err)
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+carryColumns+` FROM carry_overs
		WHERE engagement_id IN (SELECT value FROM json_each(?)) ORDER BY id`, string(list))
	if err != nil {
		return nil, fmt.Errorf("carry-overs: %w", err)
	}
	return collectCarries(rows, "carry-overs")
}

// ToSchedule returns the leader's carry-overs waiting for a slot, those
// due first first.
func (db ReviewStore) ToSchedule(ctx context.Context, leaderID int64) ([]review.CarryOver, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+carryColumns+` FROM carry_overs
		WHERE leader_id = ? AND state = 'to_schedule' ORDER BY to_week, id`, leaderID)
	if err != nil {
		return nil, fmt.Errorf("to-schedule list of leader %d: %w", leaderID, err)
	}
	return collectCarries(rows, fmt.Sprintf("to-schedule list of leader %d", leaderID))
}

func collectCarries(rows *sql.Rows, what string) ([]review.CarryOver, error) {
	var out []review.CarryOver
	err := eachRow(rows, func(s scanner) error {
		c, err := scanCarry(s)
		out = append(out, c)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// CreateCarryOver stores c and sets c.ID; an origin carried already is
// ErrDuplicate.
func (db ReviewStore) CreateCarryOver(ctx context.Context, c *review.CarryOver) error {
	res, err := db.sql.ExecContext(ctx, `INSERT INTO carry_overs (
		leader_id, origin, from_week, to_week, times, state, engagement_id, visit_id,
		kind, title, location, notes, organiser, classification, seconds, days, created, updated, status
	) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.LeaderID, c.Origin.Key(), c.FromWeek.String(), c.ToWeek.String(), c.Times, string(c.State),
		nullID(c.EngagementID), nullID(c.VisitID), string(c.Kind), c.Title, c.Location, c.Notes, c.Organiser,
		string(c.Classification), int64(c.Length/time.Second), c.Days, unixSeconds(c.Created), unixSeconds(c.Updated), string(c.CarriedStatus()))
	if err != nil {
		if isUnique(err) {
			return fmt.Errorf("carry over %s: %w", c.Origin.Key(), ErrDuplicate)
		}
		return fmt.Errorf("carry over %s: %w", c.Origin.Key(), err)
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("carry over %s: %w", c.Origin.Key(), err)
	}
	return nil
}

// UpdateCarryOver stores c's week, count, state and engagement.
func (db ReviewStore) UpdateCarryOver(ctx context.Context, c *review.CarryOver) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE carry_overs
		SET to_week = ?, times = ?, state = ?, engagement_id = ?, updated = ? WHERE id = ?`,
		c.ToWeek.String(), c.Times, string(c.State), nullID(c.EngagementID), unixSeconds(c.Updated), c.ID)
	if err != nil {
		return fmt.Errorf("update carry-over %d: %w", c.ID, err)
	}
	return oneRow(res, "update carry-over", c.ID)
}

const reviewColumns = `id, leader_id, week, closed, closed_by, done, carried, archived, note`

// Review returns the leader's closed review of w; calendar.ErrNotFound
// while it is open.
func (db ReviewStore) Review(ctx context.Context, leaderID int64, w calendar.Week) (review.ReviewRecord, error) {
	var (
		r      review.ReviewRecord
		week   string
		closed int64
	)
	err := db.sql.QueryRowContext(ctx, `SELECT `+reviewColumns+` FROM reviews WHERE leader_id = ? AND week = ?`,
		leaderID, w.String()).Scan(&r.ID, &r.LeaderID, &week, &closed, &r.By, &r.Done, &r.Carried, &r.Archived, &r.Note)
	if err != nil {
		return review.ReviewRecord{}, rowErr(err, "review of "+w.String()+" for leader", leaderID)
	}
	r.Week, r.Closed = w, fromUnix(closed)
	return r, nil
}

// CreateReview records a closed review and sets r.ID; a week closed
// already is ErrDuplicate.
func (db ReviewStore) CreateReview(ctx context.Context, r *review.ReviewRecord) error {
	res, err := db.sql.ExecContext(ctx, `INSERT INTO reviews (leader_id, week, closed, closed_by, done, carried, archived, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		r.LeaderID, r.Week.String(), unixSeconds(r.Closed), r.By, r.Done, r.Carried, r.Archived, r.Note)
	if err != nil {
		if isUnique(err) {
			return fmt.Errorf("close the review of %s: %w", r.Week, ErrDuplicate)
		}
		return fmt.Errorf("close the review of %s: %w", r.Week, err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("close the review of %s: %w", r.Week, err)
	}
	return nil
}
