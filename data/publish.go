package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"anteroom/calendar/share/state"
)

// What publishing a leader's book keeps: see migrations/0010_publish.sql.

// SavePublication adds a publication, or, when the account already
// publishes to that calendar, changes its leader and level and forgets
// what it holds so the next sync writes it all again; it sets p.ID.
func (db SyncStore) SavePublication(ctx context.Context, p *state.Publication) error {
	err := db.sql.QueryRowContext(ctx, `INSERT INTO sync_publications (leader_id, account_id, calendar, privacy)
		VALUES (?, ?, ?, ?)
		ON CONFLICT (account_id, calendar) DO UPDATE SET leader_id = excluded.leader_id, privacy = excluded.privacy,
			changes = -1, last_sync = NULL
		RETURNING id`, p.LeaderID, p.AccountID, p.Calendar, p.Privacy).Scan(&p.ID)
	if err != nil {
		return fmt.Errorf("publish the book of leader %d to %s: %w", p.LeaderID, p.Calendar, err)
	}
	p.Changes, p.LastSync = -1, time.Time{}
	return nil
}

// Publications returns every publication, by leader then calendar.
func (db SyncStore) Publications(ctx context.Context) ([]state.Publication, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, leader_id, account_id, calendar, privacy, changes, last_sync
		FROM sync_publications ORDER BY leader_id, calendar`)
	if err != nil {
		return nil, fmt.Errorf("publications: %w", err)
	}
	defer rows.Close()
	var out []state.Publication
	for rows.Next() {
		var p state.Publication
		var last sql.NullInt64
		if err := rows.Scan(&p.ID, &p.LeaderID, &p.AccountID, &p.Calendar, &p.Privacy, &p.Changes, &last); err != nil {
			return nil, fmt.Errorf("publications: %w", err)
		}
		p.LastSync = timeFrom(last)
		out = append(out, p)
	}
	return out, rows.Err()
}

// PublicationDone records a complete publish: the change counter it
// rendered and when.
func (db SyncStore) PublicationDone(ctx context.Context, id, changes int64, at time.Time) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE sync_publications SET changes = ?, last_sync = ? WHERE id = ?`, changes, unixSeconds(at), id)
	if err != nil {
		return fmt.Errorf("publication %d: %w", id, err)
	}
	return oneRow(res, "publication", id)
}

// PublishedItems returns the objects publication id holds.
func (db SyncStore) PublishedItems(ctx context.Context, id int64) ([]state.Published, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT publication_id, uid, href, etag, digest FROM sync_published WHERE publication_id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("objects of publication %d: %w", id, err)
	}
	defer rows.Close()
	var out []state.Published
	for rows.Next() {
		var p state.Published
		if err := rows.Scan(&p.PublicationID, &p.UID, &p.Href, &p.ETag, &p.Digest); err != nil {
			return nil, fmt.Errorf("objects of publication %d: %w", id, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// PutPublished records one object written to a publication.
func (db SyncStore) PutPublished(ctx context.Context, p state.Published) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO sync_published (publication_id, uid, href, etag, digest) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (publication_id, uid) DO UPDATE SET href = excluded.href, etag = excluded.etag, digest = excluded.digest`,
		p.PublicationID, p.UID, p.Href, p.ETag, p.Digest)
	if err != nil {
		return fmt.Errorf("published %s: %w", p.UID, err)
	}
	return nil
}

// ForgetPublished drops an object deleted from a publication.
func (db SyncStore) ForgetPublished(ctx context.Context, id int64, uid string) error {
	if _, err := db.sql.ExecContext(ctx, `DELETE FROM sync_published WHERE publication_id = ? AND uid = ?`, id, uid); err != nil {
		return fmt.Errorf("published %s: %w", uid, err)
	}
	return nil
}

// BookUIDs returns the UIDs of the calendar objects of the leader's book:
// each live single engagement or series (its overrides go with it).
func (db SyncStore) BookUIDs(ctx context.Context, leaderID int64) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT uid FROM engagements
		WHERE leader_id = ? AND deleted IS NULL AND series_id IS NULL ORDER BY uid`, leaderID)
	if err != nil {
		return nil, fmt.Errorf("book of leader %d: %w", leaderID, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var uid string
		if err := rows.Scan(&uid); err != nil {
			return nil, fmt.Errorf("book of leader %d: %w", leaderID, err)
		}
		out = append(out, uid)
	}
	return out, rows.Err()
}
