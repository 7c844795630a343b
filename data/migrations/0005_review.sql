-- Anteroom schema, version 5: the Friday review (周五梳理) and next week's
-- plan. What each review decided, what was carried over into later weeks,
-- each closed review, and who organises an engagement.

-- The office that organises an engagement (主办单位), for the week's plan.
ALTER TABLE engagements ADD COLUMN organiser TEXT NOT NULL DEFAULT '';

-- An engagement or occurrence a review found not done, carried over: its
-- particulars, to book it again, and the link to its origin (a stored
-- item key: E12, or S7@20261125T010000Z for an occurrence), carried once
-- only. It is booked as an engagement of its own, or waits on the
-- to-schedule list; a later review may carry it again (times grows) or
-- take it off the list (dropped). Weeks are ISO 8601: 2026-W48.
CREATE TABLE carry_overs (
    id             INTEGER PRIMARY KEY,
    leader_id      INTEGER NOT NULL REFERENCES leaders (id) ON DELETE RESTRICT,
    origin         TEXT    NOT NULL CHECK (origin GLOB '[ES][0-9]*'),
    from_week      TEXT    NOT NULL CHECK (from_week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),
    to_week        TEXT    NOT NULL CHECK (to_week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]' AND to_week > from_week),
    times          INTEGER NOT NULL CHECK (times >= 1),
    state          TEXT    NOT NULL CHECK (state IN ('to_schedule', 'booked', 'dropped')),
    engagement_id  INTEGER REFERENCES engagements (id) ON DELETE RESTRICT,
    visit_id       INTEGER REFERENCES visit_requests (id) ON DELETE SET NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('meeting', 'visit', 'activity', 'blocked')),
    title          TEXT    NOT NULL,
    location       TEXT    NOT NULL DEFAULT '',
    notes          TEXT    NOT NULL DEFAULT '',
    organiser      TEXT    NOT NULL DEFAULT '',
    classification TEXT    NOT NULL CHECK (classification IN ('public', 'internal', 'confidential')),
    seconds        INTEGER NOT NULL DEFAULT 0 CHECK (seconds >= 0), -- length of a timed item
    days           INTEGER NOT NULL DEFAULT 0 CHECK (days >= 0),    -- length of an all-day item
    created        INTEGER NOT NULL,
    updated        INTEGER NOT NULL,
    CHECK ((state = 'booked') = (engagement_id IS NOT NULL)),
    CHECK ((seconds > 0) <> (days > 0)),
    UNIQUE (leader_id, origin)
) STRICT;

CREATE UNIQUE INDEX carry_overs_engagement ON carry_overs (engagement_id) WHERE engagement_id IS NOT NULL;
CREATE INDEX carry_overs_to_schedule ON carry_overs (leader_id, to_week) WHERE state = 'to_schedule';

-- The decision a review took on one item (E12, S7@…, M3, T5): done or
-- carried, with a note, and the item as it was then, so that a closed
-- review reads the same whatever happens to the calendar later.
CREATE TABLE review_marks (
    id        INTEGER PRIMARY KEY,
    leader_id INTEGER NOT NULL REFERENCES leaders (id) ON DELETE RESTRICT,
    week      TEXT    NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),
    item      TEXT    NOT NULL CHECK (item GLOB '[ESMT][0-9]*'),
    outcome   TEXT    NOT NULL CHECK (outcome IN ('done', 'carried')),
    note      TEXT    NOT NULL DEFAULT '',
    at        INTEGER NOT NULL,
    who       TEXT    NOT NULL CHECK (who <> ''),
    title     TEXT    NOT NULL,
    kind      TEXT    NOT NULL DEFAULT '', -- an engagement's kind; '' for materials
    start_utc INTEGER,
    end_utc   INTEGER,
    all_day   INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
    detail    TEXT    NOT NULL DEFAULT '', -- location, or the materials' sender
    times     INTEGER NOT NULL DEFAULT 0 CHECK (times >= 0), -- carried before this decision
    carry_id  INTEGER REFERENCES carry_overs (id) ON DELETE RESTRICT,
    archived  INTEGER NOT NULL DEFAULT 0 CHECK (archived >= 0),
    UNIQUE (leader_id, week, item)
) STRICT;

CREATE INDEX review_marks_item ON review_marks (leader_id, item);

-- A closed review: when, by whom, and what it decided. A week is closed once.
CREATE TABLE reviews (
    id        INTEGER PRIMARY KEY,
    leader_id INTEGER NOT NULL REFERENCES leaders (id) ON DELETE RESTRICT,
    week      TEXT    NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),
    closed    INTEGER NOT NULL,
    closed_by TEXT    NOT NULL CHECK (closed_by <> ''),
    done      INTEGER NOT NULL CHECK (done >= 0),
    carried   INTEGER NOT NULL CHECK (carried >= 0),
    archived  INTEGER NOT NULL CHECK (archived >= 0),
    note      TEXT    NOT NULL DEFAULT '',
    UNIQUE (leader_id, week)
) STRICT;

-- A closed review reads only, whichever program writes to the file.
CREATE TRIGGER review_marks_closed
BEFORE INSERT ON review_marks
WHEN EXISTS (SELECT 1 FROM reviews WHERE leader_id = NEW.leader_id AND week = NEW.week)
BEGIN
    SELECT RAISE(ABORT, 'the review of this week is closed');
END;
