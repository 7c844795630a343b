-- Anteroom schema: desktop reminders (calendar/remind, reminders.go).

-- An engagement's own reminder lead, overriding its kind's default;
-- -1 is "no reminder". A series' row holds for its occurrences.
CREATE TABLE reminder_leads (
    engagement_id INTEGER PRIMARY KEY REFERENCES engagements (id) ON DELETE CASCADE,
    minutes       INTEGER NOT NULL CHECK (minutes >= -1)
) STRICT;

-- Every reminder sent, by its key (item, occurrence, start), so that
-- none fires twice, across restarts and windows; and the reminder list.
CREATE TABLE reminders_fired (
    key       TEXT    PRIMARY KEY,
    what      TEXT    NOT NULL,
    kind      TEXT    NOT NULL DEFAULT '',
    item_id   INTEGER NOT NULL,
    leader_id INTEGER NOT NULL,
    title     TEXT    NOT NULL,
    place     TEXT    NOT NULL DEFAULT '',
    starts    INTEGER NOT NULL, -- unix seconds
    at        INTEGER NOT NULL, -- when it was due to fire
    all_day   INTEGER NOT NULL DEFAULT 0,
    fired_at  INTEGER NOT NULL,
    summary   INTEGER NOT NULL DEFAULT 0 -- told in a catch-up summary
) STRICT;
CREATE INDEX reminders_fired_at ON reminders_fired (fired_at);

-- The time of the last check, one row: a check after a gap catches up
-- from here.
CREATE TABLE reminder_checks (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at INTEGER NOT NULL
) STRICT;
