package data

import (
	"context"
	"fmt"
	"strings"
	"time"

	"anteroom/calendar"
)

var (
	_ calendar.OverrideLogStore   = (*DB)(nil)
	_ calendar.OverrideRangeStore = (*DB)(nil)
)

// LogOverride records a booking saved over a blocking finding and sets r.ID.
func (db *DB) LogOverride(ctx context.Context, r *calendar.OverrideRecord) error {
	rules := make([]string, len(r.Rules))
	for i, rl := range r.Rules {
		rules[i] = string(rl)
	}
	res, err := db.sql.ExecContext(ctx, `INSERT INTO override_log
		(leader_id, engagement_uid, title, start_utc, at, who, reason, rules)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		r.LeaderID, r.EngagementUID, r.Title, unixSeconds(r.Start), unixSeconds(r.At), r.Who, r.Reason, strings.Join(rules, ","))
	if isForeignKey(err) {
		return fmt.Errorf("log override: leader %d: %w", r.LeaderID, calendar.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("log override of %q: %w", r.EngagementUID, err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("log override of %q: %w", r.EngagementUID, err)
	}
	return nil
}

// OverrideLog returns the leader's overrides, newest first.
func (db *DB) OverrideLog(ctx context.Context, leaderID int64) ([]calendar.OverrideRecord, error) {
	out, err := db.overrides(ctx, `SELECT `+overrideColumns+`
		FROM override_log WHERE leader_id = ? ORDER BY at DESC, id DESC`, leaderID)
	if err != nil {
		return nil, fmt.Errorf("override log of leader %d: %w", leaderID, err)
	}
	return out, nil
}

// OverridesStarting returns the leader's overrides of bookings that start
// in [from, to), newest first: a shown week's, through the index on
// (leader_id, start_utc), however long the log.
func (db *DB) OverridesStarting(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.OverrideRecord, error) {
	out, err := db.overrides(ctx, overridesStartingQuery, leaderID, unixSeconds(from), unixSeconds(to))
	if err != nil {
		return nil, fmt.Errorf("overrides of leader %d from %s to %s: %w", leaderID, from.Format(time.RFC3339), to.Format(time.RFC3339), err)
	}
	return out, nil
}

const (
	overrideColumns        = `id, leader_id, engagement_uid, title, start_utc, at, who, reason, rules`
	overridesStartingQuery = `SELECT ` + overrideColumns + `
		FROM override_log WHERE leader_id = ? AND start_utc >= ? AND start_utc < ? ORDER BY at DESC, id DESC`
)

// overrides runs a query of overrideColumns and reads its records.
func (db *DB) overrides(ctx context.Context, query string, args ...any) ([]calendar.OverrideRecord, error) {
	rows, err := db.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	var out []calendar.OverrideRecord
	err = eachRow(rows, func(s scanner) error {
		var r calendar.OverrideRecord
		var start, at int64
		var rules string
		if err := s.Scan(&r.ID, &r.LeaderID, &r.EngagementUID, &r.Title, &start, &at, &r.Who, &r.Reason, &rules); err != nil {
			return err
		}
		r.Start, r.At = fromUnix(start), fromUnix(at)
		for _, rl := range strings.Split(rules, ",") {
			if rl != "" {
				r.Rules = append(r.Rules, calendar.Rule(rl))
			}
		}
		out = append(out, r)
		return nil
	})
	return out, err
}
