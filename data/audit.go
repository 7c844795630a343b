package data

import (
	"context"
	"database/sql"
	"fmt"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// AddAudit adds a line to the trail of a request or materials and sets e.ID.
func (db DeskStore) AddAudit(ctx context.Context, e *desk.AuditEntry) error {
	args := append(subjectArgs(e.Subject), sql.Named("at", unixSeconds(e.At)), sql.Named("who", e.Who),
		sql.Named("from", e.From), sql.Named("to", e.To), sql.Named("note", e.Note))
	res, err := db.sql.ExecContext(ctx, `INSERT INTO audit_log (visit_id, material_id, at, who, from_state, to_state, note)
		VALUES (:visit_id, :material_id, :at, :who, :from, :to, :note)`, args...)
	if isForeignKey(err) {
		return fmt.Errorf("audit %+v: %w", e.Subject, calendar.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("audit %+v: %w", e.Subject, err)
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("audit %+v: %w", e.Subject, err)
	}
	return nil
}

// Audit returns the trail of a request or materials, oldest first.
func (db DeskStore) Audit(ctx context.Context, subject desk.Subject) ([]desk.AuditEntry, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, at, who, from_state, to_state, note
		FROM audit_log WHERE `+subjectWhere(subject)+` ORDER BY id`, subjectArgs(subject)...)
	if err != nil {
		return nil, fmt.Errorf("audit trail of %+v: %w", subject, err)
	}
	var out []desk.AuditEntry
	err = eachRow(rows, func(s scanner) error {
		e := desk.AuditEntry{Subject: subject}
		var at int64
		if err := s.Scan(&e.ID, &at, &e.Who, &e.From, &e.To, &e.Note); err != nil {
			return err
		}
		e.At = fromUnix(at)
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("audit trail of %+v: %w", subject, err)
	}
	return out, nil
}
