-- Anteroom schema: minutes and follow-up (会议纪要与督办).
-- Minutes keep a copy of their meeting, so they outlive it: the link to
-- the engagement is its UID (and the occurrence), not a foreign key.

CREATE TABLE minutes (
    id             INTEGER PRIMARY KEY,
    leader_id      INTEGER NOT NULL REFERENCES leaders (id) ON DELETE RESTRICT,
    engagement_id  INTEGER NOT NULL,
    engagement_uid TEXT    NOT NULL CHECK (engagement_uid <> ''),
    recurrence_utc INTEGER NOT NULL DEFAULT 0, -- the occurrence of a series; 0 for a single meeting
    title          TEXT    NOT NULL,
    location       TEXT    NOT NULL DEFAULT '',
    organiser      TEXT    NOT NULL DEFAULT '',
    start_utc      INTEGER NOT NULL,
    end_utc        INTEGER NOT NULL,
    zone           TEXT    NOT NULL,
    classification TEXT    NOT NULL CHECK (classification IN ('public', 'internal', 'confidential')),
    state          TEXT    NOT NULL CHECK (state IN ('draft', 'submitted', 'signed', 'issued')),
    chaired_by     TEXT    NOT NULL DEFAULT '',
    attendees      TEXT    NOT NULL DEFAULT '', -- one a line
    body           TEXT    NOT NULL DEFAULT '',
    signed_by      TEXT    NOT NULL DEFAULT '',
    signed_at      INTEGER,
    doc_number     TEXT    NOT NULL DEFAULT '',
    issued_on      TEXT CHECK (issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    issued_to      TEXT    NOT NULL DEFAULT '', -- one a line
    created        INTEGER NOT NULL,
    updated        INTEGER NOT NULL,
    UNIQUE (engagement_uid, recurrence_utc),
    CHECK (state IN ('draft', 'submitted') OR signed_by <> ''),
    CHECK (state <> 'issued' OR doc_number <> '')
) STRICT;
CREATE INDEX minutes_by_leader ON minutes (leader_id, start_utc);

-- The decisions (议定事项), numbered from 1.
CREATE TABLE minutes_decisions (
    minutes_id INTEGER NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
    n          INTEGER NOT NULL CHECK (n >= 1),
    text       TEXT    NOT NULL CHECK (text <> ''),
    PRIMARY KEY (minutes_id, n)
) WITHOUT ROWID, STRICT;

-- Follow-up items (督办事项): from a decision, from the instructions on
-- materials, or handed down directly.
CREATE TABLE followups (
    id           INTEGER PRIMARY KEY,
    leader_id    INTEGER NOT NULL REFERENCES leaders (id) ON DELETE RESTRICT,
    text         TEXT    NOT NULL CHECK (text <> ''),
    source_kind  TEXT    NOT NULL CHECK (source_kind IN ('minutes', 'materials', 'direct')),
    minutes_id   INTEGER REFERENCES minutes (id) ON DELETE RESTRICT,
    decision_n   INTEGER NOT NULL DEFAULT 0,
    material_id  INTEGER REFERENCES materials (id) ON DELETE SET NULL,
    source_title TEXT    NOT NULL DEFAULT '',
    unit         TEXT    NOT NULL CHECK (unit <> ''),
    person       TEXT    NOT NULL DEFAULT '',
    due          TEXT    NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    priority     TEXT    NOT NULL CHECK (priority IN ('urgent', 'important', 'normal')),
    state        TEXT    NOT NULL CHECK (state IN ('open', 'in_progress', 'reported', 'closed')),
    confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    close_reason TEXT    NOT NULL DEFAULT '',
    closed       INTEGER,
    created      INTEGER NOT NULL,
    updated      INTEGER NOT NULL,
    CHECK ((source_kind = 'minutes') = (minutes_id IS NOT NULL AND decision_n >= 1))
) STRICT;
CREATE INDEX followups_by_due ON followups (leader_id, state, due);

-- Progress reports on an item (进展), oldest first.
CREATE TABLE followup_reports (
    id          INTEGER PRIMARY KEY,
    followup_id INTEGER NOT NULL REFERENCES followups (id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    who         TEXT    NOT NULL,
    text        TEXT    NOT NULL CHECK (text <> '')
) STRICT;
CREATE INDEX followup_reports_by_item ON followup_reports (followup_id, id);

-- The trail of minutes and items: who changed what, when.
CREATE TABLE followup_audit (
    id          INTEGER PRIMARY KEY,
    minutes_id  INTEGER REFERENCES minutes (id) ON DELETE CASCADE,
    followup_id INTEGER REFERENCES followups (id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    who         TEXT    NOT NULL,
    from_state  TEXT    NOT NULL DEFAULT '',
    to_state    TEXT    NOT NULL,
    note        TEXT    NOT NULL DEFAULT '',
    CHECK ((minutes_id IS NULL) <> (followup_id IS NULL))
) STRICT;
CREATE INDEX followup_audit_minutes ON followup_audit (minutes_id) WHERE minutes_id IS NOT NULL;
CREATE INDEX followup_audit_items ON followup_audit (followup_id) WHERE followup_id IS NOT NULL;
