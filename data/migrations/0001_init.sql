-- Anteroom schema, version 1: leaders, their engagements, and the longest
-- engagement of each leader that bounds the overlap query.

-- Marks the file as ours, so Open can refuse another program's database.
PRAGMA application_id = 1097757810; -- 0x416E7472, "Antr"

CREATE TABLE leaders (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE CHECK (name <> ''),
    zone       TEXT    NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0,
    created    INTEGER NOT NULL, -- unix seconds
    updated    INTEGER NOT NULL
) STRICT;

-- Times are unix seconds (UTC). All-day rows also keep their civil dates,
-- which are the truth; start_utc/end_utc are those dates anchored in the
-- leader's zone so that interval queries find them.
-- A deleted row is a tombstone: it keeps its uid and updated time for sync
-- and is invisible everywhere else.
CREATE TABLE engagements (
    id             INTEGER PRIMARY KEY,
    uid            TEXT    NOT NULL UNIQUE CHECK (uid <> ''),
    leader_id      INTEGER NOT NULL REFERENCES leaders (id) ON DELETE RESTRICT,
    kind           TEXT    NOT NULL CHECK (kind IN ('meeting', 'visit', 'activity', 'blocked')),
    title          TEXT    NOT NULL,
    location       TEXT    NOT NULL DEFAULT '',
    notes          TEXT    NOT NULL DEFAULT '',
    start_utc      INTEGER NOT NULL,
    end_utc        INTEGER NOT NULL,
    zone           TEXT    NOT NULL DEFAULT '',
    all_day        INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
    start_day      TEXT CHECK (start_day IS NULL OR date(start_day) IS start_day),
    end_day        TEXT CHECK (end_day IS NULL OR date(end_day) IS end_day),
    status         TEXT    NOT NULL CHECK (status IN ('confirmed', 'tentative', 'cancelled')),
    classification TEXT    NOT NULL CHECK (classification IN ('public', 'internal', 'confidential')),
    source         TEXT    NOT NULL CHECK (source IN ('manual', 'imported', 'visit')),
    sequence       INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    created        INTEGER NOT NULL,
    updated        INTEGER NOT NULL,
    deleted        INTEGER, -- unix seconds of deletion; NULL while live
    CHECK (end_utc > start_utc),
    -- dates exactly when all-day, end exclusive (RFC 5545 §3.6.1)
    CHECK (CASE all_day
               WHEN 1 THEN start_day IS NOT NULL AND end_day IS NOT NULL AND end_day > start_day
               ELSE start_day IS NULL AND end_day IS NULL
           END)
) STRICT;

-- Serves the overlap query: a range on start_utc per leader; end_utc rides
-- along so rows that end before the window are skipped without a table read.
CREATE INDEX engagements_leader_start
    ON engagements (leader_id, start_utc, end_utc)
    WHERE deleted IS NULL;

-- The longest live engagement of each leader, in seconds. The overlap query
-- looks back this far, so it can use a range on start_utc alone. Triggers
-- keep it exact for every writer, including another running instance.
CREATE TABLE engagement_spans (
    leader_id   INTEGER PRIMARY KEY REFERENCES leaders (id) ON DELETE CASCADE,
    max_seconds INTEGER NOT NULL CHECK (max_seconds >= 0)
) STRICT;

CREATE TRIGGER engagements_span_insert
AFTER INSERT ON engagements
WHEN NEW.deleted IS NULL
BEGIN
    INSERT INTO engagement_spans (leader_id, max_seconds)
    VALUES (NEW.leader_id, NEW.end_utc - NEW.start_utc)
    ON CONFLICT (leader_id) DO UPDATE SET max_seconds = max(max_seconds, excluded.max_seconds);
END;

-- An update may shorten, move or delete the longest row (recompute the old
-- leader's maximum from the index) and may lengthen or revive one (raise the
-- new leader's maximum).
CREATE TRIGGER engagements_span_update
AFTER UPDATE OF leader_id, start_utc, end_utc, deleted ON engagements
BEGIN
    UPDATE engagement_spans
       SET max_seconds = (SELECT coalesce(max(end_utc - start_utc), 0)
                            FROM engagements
                           WHERE leader_id = OLD.leader_id AND deleted IS NULL)
     WHERE leader_id = OLD.leader_id
       AND OLD.deleted IS NULL
       AND OLD.end_utc - OLD.start_utc >= max_seconds;
    INSERT INTO engagement_spans (leader_id, max_seconds)
    SELECT NEW.leader_id, NEW.end_utc - NEW.start_utc
     WHERE NEW.deleted IS NULL
    ON CONFLICT (leader_id) DO UPDATE SET max_seconds = max(max_seconds, excluded.max_seconds);
END;

CREATE TRIGGER engagements_span_delete
AFTER DELETE ON engagements
WHEN OLD.deleted IS NULL
BEGIN
    UPDATE engagement_spans
       SET max_seconds = (SELECT coalesce(max(end_utc - start_utc), 0)
                            FROM engagements
                           WHERE leader_id = OLD.leader_id AND deleted IS NULL)
     WHERE leader_id = OLD.leader_id
       AND OLD.end_utc - OLD.start_utc >= max_seconds;
END;
