package data

import (
	"context"
	"database/sql"
	"fmt"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// SaveOrganisation finds the organisation named o.Name or creates it, and
// sets o's ID and times from the stored row.
func (db DeskStore) SaveOrganisation(ctx context.Context, o *desk.Organisation) error {
	var created, updated int64
	err := db.sql.QueryRowContext(ctx, `INSERT INTO organisations (name, created, updated) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET name = excluded.name
		RETURNING id, created, updated`,
		o.Name, unixSeconds(o.Created), unixSeconds(o.Updated)).Scan(&o.ID, &created, &updated)
	if err != nil {
		return fmt.Errorf("save organisation %q: %w", o.Name, err)
	}
	o.Created, o.Updated = fromUnix(created), fromUnix(updated)
	return nil
}

// SavePerson finds the person named p.Name in organisation p.OrgID or
// creates them. A non-empty title or phone replaces the stored one; an
// empty one keeps it, and p gets the stored values back.
func (db DeskStore) SavePerson(ctx context.Context, p *desk.Person) error {
	var created, updated int64
	err := db.sql.QueryRowContext(ctx, `INSERT INTO people (org_id, name, title, phone, created, updated)
		VALUES (:org, :name, :title, :phone, :now, :now)
		ON CONFLICT (org_id, name) DO UPDATE SET
			title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE title END,
			phone = CASE WHEN excluded.phone <> '' THEN excluded.phone ELSE phone END,
			updated = CASE WHEN (excluded.title <> '' AND excluded.title <> title)
			                 OR (excluded.phone <> '' AND excluded.phone <> phone)
			               THEN excluded.updated ELSE updated END
		RETURNING id, title, phone, created, updated`,
		sql.Named("org", p.OrgID), sql.Named("name", p.Name), sql.Named("title", p.Title), sql.Named("phone", p.Phone),
		sql.Named("now", unixSeconds(p.Updated))).Scan(&p.ID, &p.Title, &p.Phone, &created, &updated)
	if isForeignKey(err) {
		return fmt.Errorf("save person %q: organisation %d: %w", p.Name, p.OrgID, calendar.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("save person %q: %w", p.Name, err)
	}
	p.Created, p.Updated = fromUnix(created), fromUnix(updated)
	return nil
}

// Organisations returns up to limit organisations whose name contains
// query, ignoring ASCII case, by name.
func (db DeskStore) Organisations(ctx context.Context, query string, limit int) ([]desk.Organisation, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, name, created, updated FROM organisations
		WHERE instr(lower(name), lower(?)) > 0 ORDER BY name LIMIT ?`, query, limit)
	if err != nil {
		return nil, fmt.Errorf("search organisations: %w", err)
	}
	var out []desk.Organisation
	err = eachRow(rows, func(s scanner) error {
		var o desk.Organisation
		var created, updated int64
		if err := s.Scan(&o.ID, &o.Name, &created, &updated); err != nil {
			return err
		}
		o.Created, o.Updated = fromUnix(created), fromUnix(updated)
		out = append(out, o)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search organisations: %w", err)
	}
	return out, nil
}

// People returns up to limit people of organisation orgID (of every one
// when 0) whose name, title, phone or organisation contains query,
// ordered by organisation and name.
func (db DeskStore) People(ctx context.Context, orgID int64, query string, limit int) ([]desk.Person, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT p.id, p.org_id, o.name, p.name, p.title, p.phone, p.created, p.updated
		FROM people p JOIN organisations o ON o.id = p.org_id
		WHERE (:org = 0 OR p.org_id = :org)
		  AND (instr(lower(p.name), lower(:q)) > 0 OR instr(lower(p.title), lower(:q)) > 0
		    OR instr(p.phone, :q) > 0 OR instr(lower(o.name), lower(:q)) > 0)
		ORDER BY o.name, p.name LIMIT :limit`,
		sql.Named("org", orgID), sql.Named("q", query), sql.Named("limit", limit))
	if err != nil {
		return nil, fmt.Errorf("search people: %w", err)
	}
	var out []desk.Person
	err = eachRow(rows, func(s scanner) error {
		var p desk.Person
		var created, updated int64
		if err := s.Scan(&p.ID, &p.OrgID, &p.Org, &p.Name, &p.Title, &p.Phone, &created, &updated); err != nil {
			return err
		}
		p.Created, p.Updated = fromUnix(created), fromUnix(updated)
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search people: %w", err)
	}
	return out, nil
}
