package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"anteroom/calendar"
)

var _ calendar.AvailabilityStore = (*DB)(nil)

// Availability returns the leader's saved available time, or
// calendar.ErrNotFound when none was saved.
func (db *DB) Availability(ctx context.Context, leaderID int64) (calendar.Availability, error) {
	a := calendar.Availability{LeaderID: leaderID, Rules: map[calendar.Kind]calendar.KindRule{}}
	err := db.sql.QueryRowContext(ctx,
		`SELECT weekly_visit_cap, daily_visit_cap FROM availability WHERE leader_id = ?`, leaderID).
		Scan(&a.WeeklyVisitCap, &a.DailyVisitCap)
	if err != nil {
		return calendar.Availability{}, rowErr(err, "availability of leader", leaderID)
	}
	fail := func(err error) (calendar.Availability, error) {
		return calendar.Availability{}, fmt.Errorf("availability of leader %d: %w", leaderID, err)
	}

	rows, err := db.sql.QueryContext(ctx, `SELECT weekday, start_minute, end_minute
		FROM working_hours WHERE leader_id = ? ORDER BY weekday, start_minute`, leaderID)
	if err != nil {
		return fail(err)
	}
	err = eachRow(rows, func(s scanner) error {
		var day, start, end int
		if err := s.Scan(&day, &start, &end); err != nil {
			return err
		}
		a.Week[day] = append(a.Week[day], calendar.ClockRange{Start: calendar.Clock(start), End: calendar.Clock(end)})
		return nil
	})
	if err != nil {
		return fail(err)
	}

	rows, err = db.sql.QueryContext(ctx, `SELECT kind, buffer_minutes, notice_days
		FROM kind_rules WHERE leader_id = ?`, leaderID)
	if err != nil {
		return fail(err)
	}
	err = eachRow(rows, func(s scanner) error {
		var kind string
		var buffer, notice int
		if err := s.Scan(&kind, &buffer, &notice); err != nil {
			return err
		}
		a.Rules[calendar.Kind(kind)] = calendar.KindRule{Buffer: time.Duration(buffer) * time.Minute, NoticeDays: notice}
		return nil
	})
	if err != nil {
		return fail(err)
	}

	rows, err = db.sql.QueryContext(ctx, `SELECT day, kind, hours, title
		FROM date_overrides WHERE leader_id = ? ORDER BY day`, leaderID)
	if err != nil {
		return fail(err)
	}
	err = eachRow(rows, func(s scanner) error {
		var day, kind, hours string
		var o calendar.DateOverride
		if err := s.Scan(&day, &kind, &hours, &o.Title); err != nil {
			return err
		}
		var err error
		if o.Date, err = calendar.ParseDate(day); err != nil {
			return err
		}
		if o.Hours, err = calendar.ParseHours(hours); err != nil {
			return fmt.Errorf("override on %s: %w", day, err)
		}
		o.Kind = calendar.OverrideKind(kind)
		a.Overrides = append(a.Overrides, o)
		return nil
	})
	if err != nil {
		return fail(err)
	}
	return a, nil
}

// SaveAvailability replaces the leader's available time in one
// transaction. An unknown leader is calendar.ErrNotFound.
func (db *DB) SaveAvailability(ctx context.Context, a calendar.Availability) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO availability (leader_id, weekly_visit_cap, daily_visit_cap, updated)
			VALUES (?, ?, ?, ?)
			ON CONFLICT (leader_id) DO UPDATE SET weekly_visit_cap = excluded.weekly_visit_cap,
				daily_visit_cap = excluded.daily_visit_cap, updated = excluded.updated`,
			a.LeaderID, a.WeeklyVisitCap, a.DailyVisitCap, time.Now().Unix())
		if err != nil {
			return err
		}
		for _, table := range []string{"working_hours", "kind_rules", "date_overrides"} {
			// table is one of three names above, never input.
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE leader_id = ?`, a.LeaderID); err != nil {
				return err
			}
		}
		for day, hours := range a.Week {
			for _, h := range hours {
				if _, err := tx.ExecContext(ctx, `INSERT INTO working_hours (leader_id, weekday, start_minute, end_minute)
					VALUES (?, ?, ?, ?)`, a.LeaderID, day, int(h.Start), int(h.End)); err != nil {
					return err
				}
			}
		}
		for kind, r := range a.Rules {
			if _, err := tx.ExecContext(ctx, `INSERT INTO kind_rules (leader_id, kind, buffer_minutes, notice_days)
				VALUES (?, ?, ?, ?)`, a.LeaderID, string(kind), int(r.Buffer/time.Minute), r.NoticeDays); err != nil {
				return err
			}
		}
		for _, o := range a.Overrides {
			if _, err := tx.ExecContext(ctx, `INSERT INTO date_overrides (leader_id, day, kind, hours, title)
				VALUES (?, ?, ?, ?, ?)`, a.LeaderID, o.Date.String(), string(o.Kind), calendar.FormatHours(o.Hours), o.Title); err != nil {
				return err
			}
		}
		return nil
	})
	switch {
	case isForeignKey(err):
		return fmt.Errorf("save availability: leader %d: %w", a.LeaderID, calendar.ErrNotFound)
	case err != nil:
		return fmt.Errorf("save availability of leader %d: %w", a.LeaderID, err)
	}
	return nil
}

// inTx runs fn in one IMMEDIATE transaction, committed when fn succeeds;
// on a DB that WithTx made, fn joins its transaction.
func (db *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	if db.tx != nil {
		return fn(db.tx)
	}
	if db.readOnly {
		return readOnlyError(db.path)
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op after Commit
	if err := fn(tx); err != nil {
		return fullError(db.path, err)
	}
	return fullError(db.path, tx.Commit())
}

// eachRow calls fn for every row and closes rows.
func eachRow(rows *sql.Rows, fn func(scanner) error) error {
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
