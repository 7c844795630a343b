-- Anteroom schema: read-only calendars that show a leader's book to
-- others at a privacy level (calendar/share, publish.go).

CREATE TABLE sync_publications (
    id         INTEGER PRIMARY KEY,
    leader_id  INTEGER NOT NULL REFERENCES leaders (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES sync_accounts (id) ON DELETE CASCADE,
    calendar   TEXT    NOT NULL CHECK (calendar <> ''),
    privacy    TEXT    NOT NULL CHECK (privacy IN ('busy', 'limited', 'full')),
    changes    INTEGER NOT NULL DEFAULT -1, -- calendar_changes.n at the last complete publish
    last_sync  INTEGER,                     -- unix seconds; NULL before the first
    UNIQUE (account_id, calendar)
) STRICT;

-- The objects a publication holds, by the book's UID.
CREATE TABLE sync_published (
    publication_id INTEGER NOT NULL REFERENCES sync_publications (id) ON DELETE CASCADE,
    uid            TEXT    NOT NULL,
    href           TEXT    NOT NULL,
    etag           TEXT    NOT NULL,
    digest         TEXT    NOT NULL,
    PRIMARY KEY (publication_id, uid)
) STRICT;
