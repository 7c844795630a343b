-- Anteroom schema, version 8: sharing leaders' books through a CalDAV
-- server. Passwords are not here: the desktop's secret store, or a 0600
-- file beside the database, keeps them.

CREATE TABLE sync_accounts (
    id        INTEGER PRIMARY KEY,
    url       TEXT    NOT NULL CHECK (url <> ''),
    username  TEXT    NOT NULL CHECK (username <> ''),
    principal TEXT    NOT NULL DEFAULT '',
    home      TEXT    NOT NULL DEFAULT '',
    created   INTEGER NOT NULL,
    UNIQUE (url, username)
) STRICT;

-- A leader's book linked to one calendar of an account; token is the
-- sync-collection token (RFC 6578) of the last complete pull.
CREATE TABLE sync_books (
    leader_id  INTEGER PRIMARY KEY REFERENCES leaders (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES sync_accounts (id) ON DELETE CASCADE,
    calendar   TEXT    NOT NULL CHECK (calendar <> ''),
    token      TEXT    NOT NULL DEFAULT '',
    last_sync  INTEGER -- unix seconds; NULL before the first complete sync
) STRICT;

-- Local revisions: every write of an engagement of a linked book gives
-- its calendar object (its UID; an override's is its series') the next
-- number of sync_clock, in the same transaction, whoever writes.
CREATE TABLE sync_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO sync_clock (id, n) VALUES (1, 0);

CREATE TABLE sync_local (
    uid       TEXT    PRIMARY KEY,
    leader_id INTEGER NOT NULL,
    rev       INTEGER NOT NULL
) STRICT;
CREATE INDEX sync_local_leader ON sync_local (leader_id, rev);

-- An override's uid column is UID#YYYYMMDDTHHMMSSZ (17 characters more).
CREATE TRIGGER sync_local_insert AFTER INSERT ON engagements
WHEN EXISTS (SELECT 1 FROM sync_books WHERE leader_id = NEW.leader_id)
BEGIN
    UPDATE sync_clock SET n = n + 1 WHERE id = 1;
    INSERT INTO sync_local (uid, leader_id, rev)
    VALUES (CASE WHEN NEW.series_id IS NULL THEN NEW.uid ELSE substr(NEW.uid, 1, length(NEW.uid) - 17) END,
            NEW.leader_id, (SELECT n FROM sync_clock WHERE id = 1))
    ON CONFLICT (uid) DO UPDATE SET leader_id = excluded.leader_id, rev = excluded.rev;
END;

CREATE TRIGGER sync_local_update AFTER UPDATE ON engagements
WHEN EXISTS (SELECT 1 FROM sync_books WHERE leader_id = NEW.leader_id)
BEGIN
    UPDATE sync_clock SET n = n + 1 WHERE id = 1;
    INSERT INTO sync_local (uid, leader_id, rev)
    VALUES (CASE WHEN NEW.series_id IS NULL THEN NEW.uid ELSE substr(NEW.uid, 1, length(NEW.uid) - 17) END,
            NEW.leader_id, (SELECT n FROM sync_clock WHERE id = 1))
    ON CONFLICT (uid) DO UPDATE SET leader_id = excluded.leader_id, rev = excluded.rev;
END;

-- What the last sync left of each calendar object of a linked book.
CREATE TABLE sync_items (
    leader_id INTEGER NOT NULL REFERENCES sync_books (leader_id) ON DELETE CASCADE,
    uid       TEXT    NOT NULL,
    href      TEXT    NOT NULL,
    etag      TEXT    NOT NULL,
    rev       INTEGER NOT NULL, -- the local revision the server then matched
    synced    INTEGER NOT NULL, -- unix seconds
    PRIMARY KEY (leader_id, uid)
) STRICT;
CREATE UNIQUE INDEX sync_items_href ON sync_items (leader_id, href);

-- Objects changed on both sides: both versions as iCalendar text ('' for
-- the side that deleted it), until the user keeps one.
CREATE TABLE sync_conflicts (
    id          INTEGER PRIMARY KEY,
    leader_id   INTEGER NOT NULL REFERENCES leaders (id) ON DELETE CASCADE,
    uid         TEXT    NOT NULL,
    href        TEXT    NOT NULL,
    local_ics   TEXT    NOT NULL,
    server_ics  TEXT    NOT NULL,
    server_etag TEXT    NOT NULL DEFAULT '',
    found       INTEGER NOT NULL,
    resolved    INTEGER,
    kept        TEXT CHECK (kept IS NULL OR kept IN ('local', 'server'))
) STRICT;
CREATE UNIQUE INDEX sync_conflicts_open ON sync_conflicts (leader_id, uid) WHERE resolved IS NULL;
