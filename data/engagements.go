package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"anteroom/calendar"
)

// Engagement returns the live engagement with id; a missing or deleted one
// is calendar.ErrNotFound.
func (db *DB) Engagement(ctx context.Context, id int64) (calendar.Engagement, error) {
	e, err := scanEngagement(db.sql.QueryRowContext(ctx,
		`SELECT `+engagementColumns+` FROM engagements WHERE id = ? AND deleted IS NULL`, id))
	if err != nil {
		return calendar.Engagement{}, rowErr(err, "engagement", id)
	}
	return e, nil
}

// CreateEngagement stores e and sets e.ID. A UID already used, even by a
// deleted engagement, fails with ErrDuplicate; an unknown leader with
// calendar.ErrNotFound.
func (db *DB) CreateEngagement(ctx context.Context, e *calendar.Engagement) error {
	res, err := db.sql.ExecContext(ctx, `INSERT INTO engagements (
		uid, leader_id, kind, title, location, notes,
		start_utc, end_utc, zone, all_day, start_day, end_day,
		status, classification, source, sequence, created, updated,
		rrule, rdates, exdates, series_end_utc, series_id, recurrence_utc, organiser
	) VALUES (
		:uid, :leader_id, :kind, :title, :location, :notes,
		:start_utc, :end_utc, :zone, :all_day, :start_day, :end_day,
		:status, :classification, :source, :sequence, :created, :updated,
		:rrule, :rdates, :exdates, :series_end_utc, :series_id, :recurrence_utc, :organiser
	)`, engagementArgs(e)...)
	if err != nil {
		return writeErr("create", e, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return writeErr("create", e, err)
	}
	e.ID = id
	return nil
}

// UpdateEngagement stores every field of e but its UID and Created, which
// never change (an override's stored uid follows its RecurrenceID). A missing or deleted engagement is calendar.ErrNotFound.
func (db *DB) UpdateEngagement(ctx context.Context, e *calendar.Engagement) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE engagements SET
		leader_id = :leader_id, kind = :kind, title = :title, location = :location, notes = :notes,
		start_utc = :start_utc, end_utc = :end_utc, zone = :zone,
		all_day = :all_day, start_day = :start_day, end_day = :end_day,
		status = :status, classification = :classification, source = :source,
		sequence = :sequence, updated = :updated,
		rrule = :rrule, rdates = :rdates, exdates = :exdates, series_end_utc = :series_end_utc,
		series_id = :series_id, recurrence_utc = :recurrence_utc, organiser = :organiser,
		-- an override's uid carries its RECURRENCE-ID, which may move with its series
		uid = CASE WHEN :series_id IS NOT NULL THEN :uid ELSE uid END
	WHERE id = :id AND deleted IS NULL`, engagementArgs(e)...)
	if err != nil {
		return writeErr("update", e, err)
	}
	return oneRow(res, "update engagement", e.ID)
}

// DeleteEngagement turns the engagement into a tombstone deleted at at: it
// keeps its UID and takes at as its updated time, for sync, and leaves every
// query. A missing or already deleted engagement is calendar.ErrNotFound.
func (db *DB) DeleteEngagement(ctx context.Context, id int64, at time.Time) error {
	res, err := db.sql.ExecContext(ctx,
		`UPDATE engagements SET deleted = :at, updated = :at WHERE id = :id AND deleted IS NULL`,
		sql.Named("at", unixSeconds(at)), sql.Named("id", id))
	if err != nil {
		return fmt.Errorf("delete engagement %d: %w", id, err)
	}
	return oneRow(res, "delete engagement", id)
}

// CountEngagements returns how many live engagements, cancelled ones
// included, the leader has.
func (db *DB) CountEngagements(ctx context.Context, leaderID int64) (int, error) {
	var n int
	err := db.sql.QueryRowContext(ctx,
		`SELECT count(*) FROM engagements WHERE leader_id = ? AND deleted IS NULL`, leaderID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count engagements of leader %d: %w", leaderID, err)
	}
	return n, nil
}

// writeErr explains a failed insert or update of e in the domain's terms.
func writeErr(op string, e *calendar.Engagement, err error) error {
	switch {
	case isUnique(err):
		return fmt.Errorf("%s engagement: uid %q %w", op, e.UID, ErrDuplicate)
	case isForeignKey(err):
		return fmt.Errorf("%s engagement %q: leader %d: %w", op, e.UID, e.LeaderID, calendar.ErrNotFound)
	}
	return fmt.Errorf("%s engagement %q: %w", op, e.UID, err)
}
