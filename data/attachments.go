package data

import (
	"context"
	"database/sql"
	"fmt"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// subjectArgs names the visit_id and material_id columns of a subject;
// exactly one is set, which the tables check.
func subjectArgs(s desk.Subject) []any {
	return []any{sql.Named("visit_id", nullID(s.Visit)), sql.Named("material_id", nullID(s.Material))}
}

// subjectWhere selects the rows of a subject with subjectArgs, by the
// column its partial index serves.
func subjectWhere(s desk.Subject) string {
	if s.Material != 0 {
		return `material_id = :material_id`
	}
	return `visit_id = :visit_id`
}

// AddAttachment links a stored file to a request or materials and sets a.ID.
func (db DeskStore) AddAttachment(ctx context.Context, subject desk.Subject, a *desk.Attachment) error {
	args := append(subjectArgs(subject), sql.Named("name", a.Name), sql.Named("sha256", a.Hash),
		sql.Named("size", a.Size), sql.Named("added", unixSeconds(a.Added)))
	res, err := db.sql.ExecContext(ctx, `INSERT INTO attachments (visit_id, material_id, name, sha256, size, added)
		VALUES (:visit_id, :material_id, :name, :sha256, :size, :added)`, args...)
	if isForeignKey(err) {
		return fmt.Errorf("attach %q: %+v: %w", a.Name, subject, calendar.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("attach %q: %w", a.Name, err)
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("attach %q: %w", a.Name, err)
	}
	return nil
}

// Attachments returns the files of a request or materials, in the order
// they were added.
func (db DeskStore) Attachments(ctx context.Context, subject desk.Subject) ([]desk.Attachment, error) {
	var out []desk.Attachment
	err := db.eachAttachment(ctx, subjectWhere(subject), subjectArgs(subject), func(_ int64, a desk.Attachment) {
		out = append(out, a)
	})
	if err != nil {
		return nil, fmt.Errorf("attachments of %+v: %w", subject, err)
	}
	return out, nil
}

// FileInUse reports whether any attachment still names the file with hash.
func (db DeskStore) FileInUse(ctx context.Context, hash string) (bool, error) {
	var used bool
	err := db.sql.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM attachments WHERE sha256 = ?)`, hash).Scan(&used)
	if err != nil {
		return false, fmt.Errorf("is file %s in use: %w", hash, err)
	}
	return used, nil
}

// FilesInUse returns the hash of every file some attachment names.
func (db DeskStore) FilesInUse(ctx context.Context) (map[string]bool, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT DISTINCT sha256 FROM attachments`)
	if err != nil {
		return nil, fmt.Errorf("files in use: %w", err)
	}
	defer rows.Close()
	used := map[string]bool{}
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, fmt.Errorf("files in use: %w", err)
		}
		used[h] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("files in use: %w", err)
	}
	return used, nil
}

// eachAttachment calls fn with the owner (visit or material ID, whichever
// is set) and each attachment the condition where selects, in the order
// they were added.
func (db *DB) eachAttachment(ctx context.Context, where string, args []any, fn func(owner int64, a desk.Attachment)) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT coalesce(visit_id, material_id), id, name, sha256, size, added
		FROM attachments WHERE `+where+` ORDER BY id`, args...)
	if err != nil {
		return err
	}
	return eachRow(rows, func(s scanner) error {
		var owner, added int64
		var a desk.Attachment
		if err := s.Scan(&owner, &a.ID, &a.Name, &a.Hash, &a.Size, &added); err != nil {
			return err
		}
		a.Added = fromUnix(added)
		fn(owner, a)
		return nil
	})
}
