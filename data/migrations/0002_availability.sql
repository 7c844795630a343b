-- Anteroom schema, version 2: recurring series and their overrides,
-- each leader's available time, and the log of overridden bookings.

-- A series is one row (RFC 5545 §3.8.5): start_utc/end_utc are its first
-- occurrence, so the longest-engagement bound of the overlap query still
-- holds; series_end_utc is the end of its last occurrence, NULL when it
-- never ends. RDATE and EXDATE values are comma-separated UTC date-times
-- (20261123T010000Z), as in iCalendar.
ALTER TABLE engagements ADD COLUMN rrule   TEXT NOT NULL DEFAULT '';
ALTER TABLE engagements ADD COLUMN rdates  TEXT NOT NULL DEFAULT '';
ALTER TABLE engagements ADD COLUMN exdates TEXT NOT NULL DEFAULT '';
ALTER TABLE engagements ADD COLUMN series_end_utc INTEGER;

-- An override stands in for one occurrence of a series (RFC 5545 §3.8.4.4
-- RECURRENCE-ID): series_id names the series, recurrence_utc the start the
-- rule gave the occurrence. It shares the series' UID; since uid is unique
-- the column holds UID#RECURRENCE-ID (20261123T010000Z), and the store
-- gives back the bare UID.
ALTER TABLE engagements ADD COLUMN series_id INTEGER REFERENCES engagements (id) ON DELETE RESTRICT;
ALTER TABLE engagements ADD COLUMN recurrence_utc INTEGER;

-- Series are few; the overlap query leaves them out and this finds those
-- whose span may meet a window.
CREATE INDEX engagements_series
    ON engagements (leader_id, start_utc)
    WHERE deleted IS NULL AND (rrule <> '' OR rdates <> '');

-- Overrides by the occurrence they replace: one live override per
-- occurrence.
CREATE UNIQUE INDEX engagements_overrides
    ON engagements (series_id, recurrence_utc)
    WHERE deleted IS NULL AND series_id IS NOT NULL;
CREATE INDEX engagements_overrides_by_leader
    ON engagements (leader_id, recurrence_utc)
    WHERE deleted IS NULL AND series_id IS NOT NULL;

-- A leader's booking rules; a leader without a row has the defaults.
CREATE TABLE availability (
    leader_id        INTEGER PRIMARY KEY REFERENCES leaders (id) ON DELETE CASCADE,
    weekly_visit_cap INTEGER NOT NULL CHECK (weekly_visit_cap >= 0), -- 0: no cap
    daily_visit_cap  INTEGER NOT NULL CHECK (daily_visit_cap >= 0),
    updated          INTEGER NOT NULL
) STRICT;

-- Working hours per weekday (0 = Sunday, as Go's time.Weekday), several
-- stretches a day, in minutes after midnight in the leader's zone.
CREATE TABLE working_hours (
    leader_id    INTEGER NOT NULL REFERENCES availability (leader_id) ON DELETE CASCADE,
    weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_minute INTEGER NOT NULL CHECK (start_minute >= 0),
    end_minute   INTEGER NOT NULL CHECK (end_minute <= 1440 AND end_minute > start_minute),
    PRIMARY KEY (leader_id, weekday, start_minute)
) STRICT, WITHOUT ROWID;

-- Buffer and notice per kind of engagement.
CREATE TABLE kind_rules (
    leader_id      INTEGER NOT NULL REFERENCES availability (leader_id) ON DELETE CASCADE,
    kind           TEXT    NOT NULL CHECK (kind IN ('meeting', 'visit', 'activity', 'blocked')),
    buffer_minutes INTEGER NOT NULL CHECK (buffer_minutes BETWEEN 0 AND 1440),
    notice_days    INTEGER NOT NULL CHECK (notice_days >= 0),
    PRIMARY KEY (leader_id, kind)
) STRICT, WITHOUT ROWID;

-- Dates that depart from the weekly hours: days off (public holidays),
-- make-up workdays (调休) and special hours ("08:30-12:00,14:00-17:30").
CREATE TABLE date_overrides (
    leader_id INTEGER NOT NULL REFERENCES availability (leader_id) ON DELETE CASCADE,
    day       TEXT    NOT NULL CHECK (date(day) IS day),
    kind      TEXT    NOT NULL CHECK (kind IN ('day_off', 'workday', 'hours')),
    hours     TEXT    NOT NULL DEFAULT '',
    title     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (leader_id, day)
) STRICT, WITHOUT ROWID;

-- Bookings saved over a blocking finding: who, when, why, which rules.
-- Rows are only ever added.
CREATE TABLE override_log (
    id             INTEGER PRIMARY KEY,
    leader_id      INTEGER NOT NULL REFERENCES leaders (id) ON DELETE RESTRICT,
    engagement_uid TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    start_utc      INTEGER NOT NULL,
    at             INTEGER NOT NULL,
    who            TEXT    NOT NULL CHECK (who <> ''),
    reason         TEXT    NOT NULL CHECK (reason <> ''),
    rules          TEXT    NOT NULL -- comma-separated rule names, e.g. 'overlap,blocked'
) STRICT;

CREATE INDEX override_log_leader ON override_log (leader_id, at);
