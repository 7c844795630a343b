package data

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/remind"
)

var _ remind.Store = ReminderStore{}

// ReminderStore is the database as reminders need it: per-item leads,
// what fired and the last check (migrations/0012_reminders.sql), and the
// desk's defaults (0017_reminder_defaults.sql).
type ReminderStore struct{ *DB }

// Reminders returns the database as the reminder service's store.
func (db *DB) Reminders() ReminderStore { return ReminderStore{db} }

// Leads returns the own leads of the engagements whose IDs are given.
func (db ReminderStore) Leads(ctx context.Context, ids []int64) (map[int64]remind.Lead, error) {
	out := map[int64]remind.Lead{}
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("reminder leads: %w", err)
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT engagement_id, minutes FROM reminder_leads
		WHERE engagement_id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("reminder leads: %w", err)
	}
	err = eachRow(rows, func(s scanner) error {
		var id int64
		var m int
		if err := s.Scan(&id, &m); err != nil {
			return err
		}
		out[id] = remind.LeadMinutes(m)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reminder leads: %w", err)
	}
	return out, nil
}

// SetLead stores an engagement's own lead.
func (db ReminderStore) SetLead(ctx context.Context, engagementID int64, l remind.Lead) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO reminder_leads (engagement_id, minutes) VALUES (?, ?)
		ON CONFLICT (engagement_id) DO UPDATE SET minutes = excluded.minutes`, engagementID, l.Minutes())
	if err != nil {
		return fmt.Errorf("reminder of engagement %d: %w", engagementID, err)
	}
	return nil
}

// ClearLead removes an engagement's own lead.
func (db ReminderStore) ClearLead(ctx context.Context, engagementID int64) error {
	if _, err := db.sql.ExecContext(ctx, `DELETE FROM reminder_leads WHERE engagement_id = ?`, engagementID); err != nil {
		return fmt.Errorf("reminder of engagement %d: %w", engagementID, err)
	}
	return nil
}

// Claim records the reminders and the check's time in one transaction;
// a key recorded before, by this window or another, is not claimed again.
func (db ReminderStore) Claim(ctx context.Context, fired []remind.Fired, checked time.Time) (map[string]bool, error) {
	claimed := map[string]bool{}
	err := db.bound(ctx, func(t *DB) error {
		for _, f := range fired {
			res, err := t.sql.ExecContext(ctx, `INSERT INTO reminders_fired
				(key, what, kind, item_id, leader_id, title, place, starts, at, all_day, fired_at, summary)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
				f.Key, string(f.What), f.Kind, f.ItemID, f.LeaderID, f.Title, f.Place,
				unixSeconds(f.Starts), unixSeconds(f.At), f.AllDay, unixSeconds(f.FiredAt), f.Summary)
			if err != nil {
				return fmt.Errorf("reminder %s: %w", f.Key, err)
			}
			if n, err := res.RowsAffected(); err == nil && n == 1 {
				claimed[f.Key] = true
			}
		}
		_, err := t.sql.ExecContext(ctx, `INSERT INTO reminder_checks (id, checked_at) VALUES (1, ?)
			ON CONFLICT (id) DO UPDATE SET checked_at = max(checked_at, excluded.checked_at)`, unixSeconds(checked))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("reminders fired: %w", err)
	}
	return claimed, nil
}

// Fired reports which of the keys were recorded.
func (db ReminderStore) Fired(ctx context.Context, keys []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(keys) == 0 {
		return out, nil
	}
	list, err := json.Marshal(keys)
	if err != nil {
		return nil, fmt.Errorf("reminders fired: %w", err)
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT key FROM reminders_fired
		WHERE key IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("reminders fired: %w", err)
	}
	err = eachRow(rows, func(s scanner) error {
		var k string
		if err := s.Scan(&k); err != nil {
			return err
		}
		out[k] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reminders fired: %w", err)
	}
	return out, nil
}

// LastCheck returns the time of the last check; zero before the first.
func (db ReminderStore) LastCheck(ctx context.Context) (time.Time, error) {
	var at int64
	err := db.sql.QueryRowContext(ctx, `SELECT coalesce(max(checked_at), 0) FROM reminder_checks`).Scan(&at)
	if err != nil {
		return time.Time{}, fmt.Errorf("last reminder check: %w", err)
	}
	if at == 0 {
		return time.Time{}, nil
	}
	return fromUnix(at), nil
}

// FiredSince returns what fired at or after since, newest first.
func (db ReminderStore) FiredSince(ctx context.Context, since time.Time) ([]remind.Fired, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT key, what, kind, item_id, leader_id, title, place,
		starts, at, all_day, fired_at, summary FROM reminders_fired
		WHERE fired_at >= ? ORDER BY fired_at DESC, at DESC`, unixSeconds(since))
	if err != nil {
		return nil, fmt.Errorf("reminder list: %w", err)
	}
	var out []remind.Fired
	err = eachRow(rows, func(s scanner) error {
		var (
			f                   remind.Fired
			what                string
			starts, at, firedAt int64
		)
		if err := s.Scan(&f.Key, &what, &f.Kind, &f.ItemID, &f.LeaderID, &f.Title, &f.Place,
			&starts, &at, &f.AllDay, &firedAt, &f.Summary); err != nil {
			return err
		}
		f.What, f.Starts, f.At, f.FiredAt = remind.What(what), fromUnix(starts), fromUnix(at), fromUnix(firedAt)
		f.Stale = f.Starts
		out = append(out, f)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reminder list: %w", err)
	}
	return out, nil
}

// dueAtDefault is reminder_defaults' row for Settings.DueAt; the other
// rows are named by their kind.
const dueAtDefault = "due_at"

// Defaults returns the reminder defaults stored, over the built-in ones
// for what has no row; stored is false when no row is there at all.
func (db ReminderStore) Defaults(ctx context.Context) (set remind.Settings, stored bool, err error) {
	set = remind.DefaultSettings()
	rows, err := db.sql.QueryContext(ctx, `SELECT name, minutes FROM reminder_defaults`)
	if err != nil {
		return set, false, fmt.Errorf("reminder defaults: %w", err)
	}
	err = eachRow(rows, func(s scanner) error {
		var name string
		var m int
		if err := s.Scan(&name, &m); err != nil {
			return err
		}
		stored = true
		if name == dueAtDefault {
			set.DueAt = time.Duration(m) * time.Minute
		} else {
			set.Before[calendar.Kind(name)] = remind.LeadMinutes(m)
		}
		return nil
	})
	if err != nil {
		return remind.DefaultSettings(), false, fmt.Errorf("reminder defaults: %w", err)
	}
	return set, stored, nil
}

// SetDefaults stores the reminder defaults, all of them or none.
func (db ReminderStore) SetDefaults(ctx context.Context, set remind.Settings) error {
	err := db.bound(ctx, func(t *DB) error {
		put := func(name string, minutes int) error {
			_, err := t.sql.ExecContext(ctx, `INSERT INTO reminder_defaults (name, minutes) VALUES (?, ?)
				ON CONFLICT (name) DO UPDATE SET minutes = excluded.minutes`, name, minutes)
			return err
		}
		for _, k := range calendar.Kinds {
			if err := put(string(k), set.LeadFor(k).Minutes()); err != nil {
				return err
			}
		}
		return put(dueAtDefault, int(set.DueAt/time.Minute))
	})
	if err != nil {
		return fmt.Errorf("reminder defaults: %w", err)
	}
	return nil
}
