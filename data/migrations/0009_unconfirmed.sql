-- Anteroom schema, version 9: bookings of a linked book saved while the
-- server could not be asked, so not yet confirmed with the other desks
-- (calendar/share's ledger). The next sync checks them again. key is the
-- engagement's UID, or UID#RECURRENCE-ID for one occurrence of a series.
CREATE TABLE sync_unconfirmed (
    leader_id INTEGER NOT NULL REFERENCES leaders (id) ON DELETE CASCADE,
    key       TEXT    NOT NULL CHECK (key <> ''),
    since     INTEGER NOT NULL, -- unix seconds
    PRIMARY KEY (leader_id, key)
) STRICT;
