-- Anteroom schema, version 3: the visits desk. A directory of organisations
-- and people, visit requests and the briefing materials of declined ones,
-- the files kept with both, and the trail of every change of state.

-- Organisations and people who ask to visit, kept so a repeat visitor is
-- one pick. Names are matched exactly; search is by substring.
CREATE TABLE organisations (
    id      INTEGER PRIMARY KEY,
    name    TEXT    NOT NULL UNIQUE CHECK (name <> ''),
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL
) STRICT;

CREATE TABLE people (
    id      INTEGER PRIMARY KEY,
    org_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
    name    TEXT    NOT NULL CHECK (name <> ''),
    title   TEXT    NOT NULL DEFAULT '',
    phone   TEXT    NOT NULL DEFAULT '',
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    UNIQUE (org_id, name)
) STRICT;

-- A visit request (会客申请). A booked request keeps its engagement, which
-- is never erased (deleted engagements are tombstones), so booked, done,
-- cancelled and no-show requests always point at one.
CREATE TABLE visit_requests (
    id             INTEGER PRIMARY KEY,
    leader_id      INTEGER NOT NULL REFERENCES leaders (id) ON DELETE RESTRICT,
    org_id         INTEGER NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
    phone          TEXT    NOT NULL DEFAULT '',
    referred_by    TEXT    NOT NULL DEFAULT '',
    purpose        TEXT    NOT NULL CHECK (purpose <> ''),
    visitors       INTEGER NOT NULL CHECK (visitors >= 1),
    state          TEXT    NOT NULL CHECK (state IN ('requested', 'booked', 'declined', 'withdrawn', 'done', 'cancelled', 'no_show')),
    engagement_id  INTEGER REFERENCES engagements (id) ON DELETE RESTRICT,
    decline_reason TEXT    NOT NULL DEFAULT '',
    decided        INTEGER, -- unix seconds of the last decision; NULL while requested
    decided_by     TEXT    NOT NULL DEFAULT '',
    created        INTEGER NOT NULL,
    updated        INTEGER NOT NULL,
    CHECK (state NOT IN ('booked', 'done', 'cancelled', 'no_show') OR engagement_id IS NOT NULL),
    CHECK (state <> 'declined' OR decline_reason <> ''),
    CHECK (state = 'requested' OR (decided IS NOT NULL AND decided_by <> ''))
) STRICT;

CREATE INDEX visit_requests_leader ON visit_requests (leader_id, state, created);

-- The people named on a request, as the request gave them; person_id is
-- their directory entry.
CREATE TABLE visit_people (
    visit_id  INTEGER NOT NULL REFERENCES visit_requests (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    name      TEXT    NOT NULL CHECK (name <> ''),
    title     TEXT    NOT NULL DEFAULT '',
    phone     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (visit_id, position)
) STRICT, WITHOUT ROWID;

-- The times a visitor would like to come in.
CREATE TABLE visit_windows (
    visit_id  INTEGER NOT NULL REFERENCES visit_requests (id) ON DELETE CASCADE,
    start_utc INTEGER NOT NULL,
    end_utc   INTEGER NOT NULL,
    CHECK (end_utc > start_utc),
    PRIMARY KEY (visit_id, start_utc, end_utc)
) STRICT, WITHOUT ROWID;

-- Briefing materials (汇报材料): expected → received → presented →
-- instructed → archived. Each state has the facts of the step into it.
CREATE TABLE materials (
    id            INTEGER PRIMARY KEY,
    leader_id     INTEGER NOT NULL REFERENCES leaders (id) ON DELETE RESTRICT,
    visit_id      INTEGER REFERENCES visit_requests (id) ON DELETE SET NULL,
    title         TEXT    NOT NULL CHECK (title <> ''),
    from_whom     TEXT    NOT NULL DEFAULT '',
    due           TEXT CHECK (due IS NULL OR date(due) IS due),
    state         TEXT    NOT NULL CHECK (state IN ('expected', 'received', 'presented', 'instructed', 'archived')),
    received      INTEGER,
    received_by   TEXT    NOT NULL DEFAULT '',
    copies        INTEGER NOT NULL DEFAULT 0 CHECK (copies >= 0),
    pages         INTEGER NOT NULL DEFAULT 0 CHECK (pages >= 0),
    presented     INTEGER,
    engagement_id INTEGER REFERENCES engagements (id) ON DELETE RESTRICT,
    instructions  TEXT    NOT NULL DEFAULT '',
    instructed    INTEGER,
    archived      INTEGER,
    created       INTEGER NOT NULL,
    updated       INTEGER NOT NULL,
    CHECK (state = 'expected' OR received IS NOT NULL),
    CHECK (state IN ('expected', 'received') OR presented IS NOT NULL),
    CHECK (state NOT IN ('instructed', 'archived') OR (instructed IS NOT NULL AND instructions <> '')),
    CHECK (state <> 'archived' OR archived IS NOT NULL)
) STRICT;

CREATE INDEX materials_leader ON materials (leader_id, state, due);
CREATE INDEX materials_visit ON materials (visit_id) WHERE visit_id IS NOT NULL;

-- Files kept with a request or materials. The content lives in the files
-- folder under its SHA-256, once however often it is attached; a file no
-- row names any more is removed from the folder.
CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY,
    visit_id    INTEGER REFERENCES visit_requests (id) ON DELETE CASCADE,
    material_id INTEGER REFERENCES materials (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL CHECK (name <> ''),
    sha256      TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size        INTEGER NOT NULL CHECK (size >= 0),
    added       INTEGER NOT NULL,
    CHECK ((visit_id IS NULL) <> (material_id IS NULL))
) STRICT;

CREATE INDEX attachments_sha256 ON attachments (sha256);
CREATE INDEX attachments_visit ON attachments (visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX attachments_material ON attachments (material_id) WHERE material_id IS NOT NULL;

-- Who moved a request or materials, when, from which state to which, and
-- why. Rows are only ever added; they go with their record.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    visit_id    INTEGER REFERENCES visit_requests (id) ON DELETE CASCADE,
    material_id INTEGER REFERENCES materials (id) ON DELETE CASCADE,
    at          INTEGER NOT NULL,
    who         TEXT    NOT NULL CHECK (who <> ''),
    from_state  TEXT    NOT NULL, -- '' when the record was created
    to_state    TEXT    NOT NULL CHECK (to_state <> ''),
    note        TEXT    NOT NULL DEFAULT '',
    CHECK ((visit_id IS NULL) <> (material_id IS NULL))
) STRICT;

CREATE INDEX audit_log_visit ON audit_log (visit_id, id) WHERE visit_id IS NOT NULL;
CREATE INDEX audit_log_material ON audit_log (material_id, id) WHERE material_id IS NOT NULL;
