package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/share/state"
)

// What the sync engine (calendar/share) keeps between syncs: accounts,
// linked books, the state of each calendar object, and conflicts. See
// migrations/0008_sync.sql.

func timeFrom(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return fromUnix(n.Int64)
}

// SaveSyncAccount adds the account, or, when one with its URL and user is
// there already, updates what discovery found; it sets a.ID.
func (db SyncStore) SaveSyncAccount(ctx context.Context, a *state.Account) error {
	err := db.sql.QueryRowContext(ctx, `INSERT INTO sync_accounts (url, username, principal, home, created)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (url, username) DO UPDATE SET principal = excluded.principal, home = excluded.home
		RETURNING id, created`, a.URL, a.User, a.Principal, a.Home, unixSeconds(a.Created)).Scan(&a.ID, new(int64))
	if err != nil {
		return fmt.Errorf("save account %s at %s: %w", a.User, a.URL, err)
	}
	return nil
}

// SyncAccounts returns every account, oldest first.
func (db SyncStore) SyncAccounts(ctx context.Context) ([]state.Account, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, url, username, principal, home, created FROM sync_accounts ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("accounts: %w", err)
	}
	defer rows.Close()
	var out []state.Account
	for rows.Next() {
		var a state.Account
		var created int64
		if err := rows.Scan(&a.ID, &a.URL, &a.User, &a.Principal, &a.Home, &created); err != nil {
			return nil, fmt.Errorf("accounts: %w", err)
		}
		a.Created = fromUnix(created)
		out = append(out, a)
	}
	return out, rows.Err()
}

// RemoveSyncAccount forgets the account, its books' links and their sync
// state; the engagements stay. A missing account is calendar.ErrNotFound.
func (db SyncStore) RemoveSyncAccount(ctx context.Context, id int64) error {
	return db.WithTx(ctx, func(st calendar.Store) error {
		tx := st.(*DB)
		if _, err := tx.sql.ExecContext(ctx, `DELETE FROM sync_local WHERE leader_id IN
			(SELECT leader_id FROM sync_books WHERE account_id = ?)`, id); err != nil {
			return fmt.Errorf("remove account %d: %w", id, err)
		}
		res, err := tx.sql.ExecContext(ctx, `DELETE FROM sync_accounts WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("remove account %d: %w", id, err)
		}
		return oneRow(res, "remove account", id)
	})
}

// LinkBook links the leader's book to a calendar, replacing any earlier
// link and forgetting its sync state, and marks every live engagement of
// the leader as changed here, so the next sync sends what the server
// does not have.
func (db SyncStore) LinkBook(ctx context.Context, b state.Book) error {
	return db.WithTx(ctx, func(st calendar.Store) error {
		tx := st.(*DB)
		for _, q := range []string{
			`DELETE FROM sync_items WHERE leader_id = ?1`,
			`DELETE FROM sync_local WHERE leader_id = ?1`,
			`UPDATE sync_clock SET n = n + 1 WHERE id = 1`,
			`INSERT INTO sync_local (uid, leader_id, rev)
			 SELECT uid, leader_id, (SELECT n FROM sync_clock WHERE id = 1) FROM engagements
			  WHERE leader_id = ?1 AND deleted IS NULL AND series_id IS NULL
			 ON CONFLICT (uid) DO UPDATE SET leader_id = excluded.leader_id, rev = excluded.rev`,
		} {
			if _, err := tx.sql.ExecContext(ctx, q, b.LeaderID); err != nil {
				return fmt.Errorf("link the book of leader %d: %w", b.LeaderID, err)
			}
		}
		_, err := tx.sql.ExecContext(ctx, `INSERT INTO sync_books (leader_id, account_id, calendar, token, last_sync)
			VALUES (?, ?, ?, '', NULL)
			ON CONFLICT (leader_id) DO UPDATE SET account_id = excluded.account_id, calendar = excluded.calendar,
				token = '', last_sync = NULL`, b.LeaderID, b.AccountID, b.Calendar)
		if err != nil {
			return fmt.Errorf("link the book of leader %d: %w", b.LeaderID, err)
		}
		return nil
	})
}

// SyncBooks returns the linked books, by leader.
func (db SyncStore) SyncBooks(ctx context.Context) ([]state.Book, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT leader_id, account_id, calendar, token, last_sync FROM sync_books ORDER BY leader_id`)
	if err != nil {
		return nil, fmt.Errorf("linked books: %w", err)
	}
	defer rows.Close()
	var out []state.Book
	for rows.Next() {
		var b state.Book
		var last sql.NullInt64
		if err := rows.Scan(&b.LeaderID, &b.AccountID, &b.Calendar, &b.Token, &last); err != nil {
			return nil, fmt.Errorf("linked books: %w", err)
		}
		b.LastSync = timeFrom(last)
		out = append(out, b)
	}
	return out, rows.Err()
}

// SaveSyncToken keeps the token of a complete pull and when it was done.
func (db SyncStore) SaveSyncToken(ctx context.Context, leaderID int64, token string, at time.Time) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE sync_books SET token = ?, last_sync = ? WHERE leader_id = ?`,
		token, unixSeconds(at), leaderID)
	if err != nil {
		return fmt.Errorf("sync token of leader %d: %w", leaderID, err)
	}
	return oneRow(res, "sync token of leader", leaderID)
}

const syncItemColumns = `leader_id, uid, href, etag, rev, synced`

func scanSyncItem(s scanner) (state.Item, error) {
	var it state.Item
	var at int64
	err := s.Scan(&it.LeaderID, &it.UID, &it.Href, &it.ETag, &it.Rev, &at)
	it.At = fromUnix(at)
	return it, err
}

// SyncItem returns the state of the object holding uid in the leader's
// book; ok is false when it was never synced.
func (db SyncStore) SyncItem(ctx context.Context, leaderID int64, uid string) (state.Item, bool, error) {
	return db.oneSyncItem(ctx, `uid = ?`, leaderID, uid)
}

// SyncItemByHref is SyncItem by the object's path on the server.
func (db SyncStore) SyncItemByHref(ctx context.Context, leaderID int64, href string) (state.Item, bool, error) {
	return db.oneSyncItem(ctx, `href = ?`, leaderID, href)
}

func (db *DB) oneSyncItem(ctx context.Context, where string, leaderID int64, key string) (state.Item, bool, error) {
	it, err := scanSyncItem(db.sql.QueryRowContext(ctx,
		`SELECT `+syncItemColumns+` FROM sync_items WHERE leader_id = ? AND `+where, leaderID, key))
	if errors.Is(err, sql.ErrNoRows) {
		return state.Item{}, false, nil
	}
	if err != nil {
		return state.Item{}, false, fmt.Errorf("sync state of %s: %w", key, err)
	}
	return it, true, nil
}

// SyncItems returns the state of every synced object of the leader's book.
func (db SyncStore) SyncItems(ctx context.Context, leaderID int64) ([]state.Item, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+syncItemColumns+` FROM sync_items WHERE leader_id = ?`, leaderID)
	if err != nil {
		return nil, fmt.Errorf("sync state of leader %d: %w", leaderID, err)
	}
	defer rows.Close()
	var out []state.Item
	for rows.Next() {
		it, err := scanSyncItem(rows)
		if err != nil {
			return nil, fmt.Errorf("sync state of leader %d: %w", leaderID, err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// PutSyncItem records what a sync left of one object.
func (db SyncStore) PutSyncItem(ctx context.Context, it state.Item) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO sync_items (`+syncItemColumns+`) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (leader_id, uid) DO UPDATE SET href = excluded.href, etag = excluded.etag,
			rev = excluded.rev, synced = excluded.synced`,
		it.LeaderID, it.UID, it.Href, it.ETag, it.Rev, unixSeconds(it.At))
	if err != nil {
		return fmt.Errorf("sync state of %s: %w", it.UID, err)
	}
	return nil
}

// ForgetSyncItem drops what was synced of uid, and its local revision:
// the object is gone on both sides.
func (db SyncStore) ForgetSyncItem(ctx context.Context, leaderID int64, uid string) error {
	if _, err := db.sql.ExecContext(ctx, `DELETE FROM sync_items WHERE leader_id = ? AND uid = ?`, leaderID, uid); err != nil {
		return fmt.Errorf("forget sync state of %s: %w", uid, err)
	}
	if _, err := db.sql.ExecContext(ctx, `DELETE FROM sync_local WHERE leader_id = ? AND uid = ?`, leaderID, uid); err != nil {
		return fmt.Errorf("forget sync state of %s: %w", uid, err)
	}
	return nil
}

// LocalRev is the local revision of uid now; 0 when no write of a linked
// book touched it.
func (db SyncStore) LocalRev(ctx context.Context, uid string) (int64, error) {
	var rev int64
	err := db.sql.QueryRowContext(ctx, `SELECT rev FROM sync_local WHERE uid = ?`, uid).Scan(&rev)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("local revision of %s: %w", uid, err)
	}
	return rev, nil
}

// PendingPush lists the objects of the leader's book changed here since
// they were last synced (or never synced), leaving out those with an open
// conflict, in the order they were changed.
func (db SyncStore) PendingPush(ctx context.Context, leaderID int64) ([]state.Pending, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT l.uid, l.rev, s.href, s.etag, s.rev, s.synced
		FROM sync_local l LEFT JOIN sync_items s ON s.leader_id = l.leader_id AND s.uid = l.uid
		WHERE l.leader_id = ?1 AND (s.uid IS NULL OR l.rev > s.rev)
		  AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.leader_id = ?1 AND c.uid = l.uid AND c.resolved IS NULL)
		ORDER BY l.rev`, leaderID)
	if err != nil {
		return nil, fmt.Errorf("changes of leader %d: %w", leaderID, err)
	}
	defer rows.Close()
	var out []state.Pending
	for rows.Next() {
		var p state.Pending
		var href, etag sql.NullString
		var rev, at sql.NullInt64
		if err := rows.Scan(&p.UID, &p.Rev, &href, &etag, &rev, &at); err != nil {
			return nil, fmt.Errorf("changes of leader %d: %w", leaderID, err)
		}
		if href.Valid {
			p.Synced = &state.Item{LeaderID: leaderID, UID: p.UID, Href: href.String, ETag: etag.String, Rev: rev.Int64, At: timeFrom(at)}
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ObjectRows returns the live engagements one calendar object holds: the
// engagement with uid, and when it is a series, its overrides.
func (db SyncStore) ObjectRows(ctx context.Context, uid string) ([]calendar.Engagement, error) {
	// An override's stored uid is uid#RECURRENCE-ID: a range of the uid
	// index ('$' follows '#').
	rows, err := db.sql.QueryContext(ctx, `SELECT `+engagementColumns+` FROM engagements
		WHERE deleted IS NULL AND (uid = ?1 OR (uid > ?1 || '#' AND uid < ?1 || '$' AND series_id IS NOT NULL))
		ORDER BY series_id IS NOT NULL, recurrence_utc`, uid)
	if err != nil {
		return nil, fmt.Errorf("engagements of %s: %w", uid, err)
	}
	return collect(rows, "engagements of "+uid)
}

const conflictColumns = `id, leader_id, uid, href, local_ics, server_ics, server_etag, found, resolved, coalesce(kept, '')`

func scanConflict(s scanner) (state.Conflict, error) {
	var c state.Conflict
	var found int64
	var resolved sql.NullInt64
	err := s.Scan(&c.ID, &c.LeaderID, &c.UID, &c.Href, &c.Local, &c.Server, &c.ServerETag, &found, &resolved, &c.Kept)
	c.Found, c.Resolved = fromUnix(found), timeFrom(resolved)
	return c, err
}

// SaveSyncConflict records a conflict, or, when one is open for the same
// object, brings its two versions up to date; it sets c.ID.
func (db SyncStore) SaveSyncConflict(ctx context.Context, c *state.Conflict) error {
	err := db.sql.QueryRowContext(ctx, `INSERT INTO sync_conflicts (leader_id, uid, href, local_ics, server_ics, server_etag, found)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (leader_id, uid) WHERE resolved IS NULL DO UPDATE SET href = excluded.href,
			local_ics = excluded.local_ics, server_ics = excluded.server_ics, server_etag = excluded.server_etag
		RETURNING id`, c.LeaderID, c.UID, c.Href, c.Local, c.Server, c.ServerETag, unixSeconds(c.Found)).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("sync conflict on %s: %w", c.UID, err)
	}
	return nil
}

// OpenSyncConflicts returns the conflicts waiting for a decision, oldest
// first.
func (db SyncStore) OpenSyncConflicts(ctx context.Context) ([]state.Conflict, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+conflictColumns+` FROM sync_conflicts WHERE resolved IS NULL ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("sync conflicts: %w", err)
	}
	defer rows.Close()
	var out []state.Conflict
	for rows.Next() {
		c, err := scanConflict(rows)
		if err != nil {
			return nil, fmt.Errorf("sync conflicts: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SyncConflict returns one conflict, open or resolved; a missing one is
// calendar.ErrNotFound.
func (db SyncStore) SyncConflict(ctx context.Context, id int64) (state.Conflict, error) {
	c, err := scanConflict(db.sql.QueryRowContext(ctx, `SELECT `+conflictColumns+` FROM sync_conflicts WHERE id = ?`, id))
	if err != nil {
		return state.Conflict{}, rowErr(err, "sync conflict", id)
	}
	return c, nil
}

// OpenConflictOn returns the open conflict on uid in the leader's book.
func (db SyncStore) OpenConflictOn(ctx context.Context, leaderID int64, uid string) (state.Conflict, bool, error) {
	c, err := scanConflict(db.sql.QueryRowContext(ctx, `SELECT `+conflictColumns+` FROM sync_conflicts
		WHERE leader_id = ? AND uid = ? AND resolved IS NULL`, leaderID, uid))
	if errors.Is(err, sql.ErrNoRows) {
		return state.Conflict{}, false, nil
	}
	if err != nil {
		return state.Conflict{}, false, fmt.Errorf("sync conflict on %s: %w", uid, err)
	}
	return c, true, nil
}

// ResolveSyncConflict closes an open conflict, keeping side.
func (db SyncStore) ResolveSyncConflict(ctx context.Context, id int64, kept string, at time.Time) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE sync_conflicts SET resolved = ?, kept = ? WHERE id = ? AND resolved IS NULL`,
		unixSeconds(at), kept, id)
	if err != nil {
		return fmt.Errorf("resolve sync conflict %d: %w", id, err)
	}
	return oneRow(res, "resolve sync conflict", id)
}
