package data

import (
	"context"
	"fmt"

	"anteroom/calendar"
)

// Leaders returns every leader ordered by sort order, then by creation.
func (db *DB) Leaders(ctx context.Context) ([]calendar.Leader, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+leaderColumns+` FROM leaders ORDER BY sort_order, id`)
	if err != nil {
		return nil, fmt.Errorf("list leaders: %w", err)
	}
	defer rows.Close()
	var ls []calendar.Leader
	for rows.Next() {
		l, err := scanLeader(rows)
		if err != nil {
			return nil, fmt.Errorf("list leaders: %w", err)
		}
		ls = append(ls, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list leaders: %w", err)
	}
	return ls, nil
}

// Leader returns the leader with id, or calendar.ErrNotFound.
func (db *DB) Leader(ctx context.Context, id int64) (calendar.Leader, error) {
	l, err := scanLeader(db.sql.QueryRowContext(ctx, `SELECT `+leaderColumns+` FROM leaders WHERE id = ?`, id))
	if err != nil {
		return calendar.Leader{}, rowErr(err, "leader", id)
	}
	return l, nil
}

// CreateLeader stores l and sets l.ID. A name already taken fails with
// ErrDuplicate.
func (db *DB) CreateLeader(ctx context.Context, l *calendar.Leader) error {
	res, err := db.sql.ExecContext(ctx,
		`INSERT INTO leaders (name, zone, sort_order, created, updated) VALUES (?, ?, ?, ?, ?)`,
		l.Name, l.ZoneName, l.Order, unixSeconds(l.Created), unixSeconds(l.Updated))
	if isUnique(err) {
		return fmt.Errorf("create leader %q: name %w", l.Name, ErrDuplicate)
	}
	if err != nil {
		return fmt.Errorf("create leader %q: %w", l.Name, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("create leader %q: %w", l.Name, err)
	}
	l.ID = id
	return nil
}

// UpdateLeader stores l's name, zone, order and archiving. A name another leader has
// fails with ErrDuplicate; an unknown ID with calendar.ErrNotFound.
func (db *DB) UpdateLeader(ctx context.Context, l calendar.Leader) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE leaders SET name = ?, zone = ?, sort_order = ?, updated = ?, archived = ? WHERE id = ?`,
		l.Name, l.ZoneName, l.Order, unixSeconds(l.Updated), nullUnix(l.Archived), l.ID)
	if isUnique(err) {
		return fmt.Errorf("update leader %d: name %q %w", l.ID, l.Name, ErrDuplicate)
	}
	if err != nil {
		return fmt.Errorf("update leader %d: %w", l.ID, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("leader %d: %w", l.ID, calendar.ErrNotFound)
	}
	return nil
}
