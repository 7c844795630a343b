-- Anteroom schema, version 4: iCalendar imports. Each engagement keeps the
-- organizer's version a file last gave it, so that importing the same file
-- again changes nothing and a newer version updates (RFC 5546 §2.1.4,
-- §2.1.5); the to-dos (VTODO) files bring are kept.

-- SEQUENCE and DTSTAMP of the version last imported, and when an import
-- wrote the row (unix seconds); NULL on rows no import ever wrote. An item
-- edited here after its import has updated > imported. A deleted row keeps
-- them, so a newer version can bring it back.
ALTER TABLE engagements ADD COLUMN import_sequence INTEGER;
ALTER TABLE engagements ADD COLUMN dtstamp INTEGER; -- NULL also when the file had no DTSTAMP
ALTER TABLE engagements ADD COLUMN imported INTEGER;

-- To-dos (RFC 5545 §3.6.2): listed, not placed in the calendar. One per
-- UID and leader; an import of a newer file updates it.
CREATE TABLE todos (
    id        INTEGER PRIMARY KEY,
    leader_id INTEGER NOT NULL REFERENCES leaders (id) ON DELETE RESTRICT,
    uid       TEXT    NOT NULL CHECK (uid <> ''),
    title     TEXT    NOT NULL,
    due_utc   INTEGER, -- unix seconds; NULL when the to-do has no DUE
    priority  INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 9), -- RFC 5545 §3.8.1.9
    created   INTEGER NOT NULL,
    updated   INTEGER NOT NULL,
    UNIQUE (leader_id, uid)
) STRICT;
