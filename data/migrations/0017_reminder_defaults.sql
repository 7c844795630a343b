-- Anteroom schema, version 17: the desk's reminder defaults (calendar/remind
-- Settings), which the window kept in its preferences file. That file is
-- rewritten in place, so a crash while it was written lost them, and
-- with them the secretary's reminders; here they change in a transaction.
-- One row a name: a kind of engagement, its lead in minutes before (-1:
-- none); or 'due_at', the time of day, in minutes after midnight, that
-- materials due that day are reminded of. No row: the built-in default.
CREATE TABLE reminder_defaults (
    name    TEXT    PRIMARY KEY,
    minutes INTEGER NOT NULL,
    CHECK (CASE name
               WHEN 'due_at' THEN minutes BETWEEN 0 AND 1439
               ELSE minutes >= -1
           END)
) STRICT;
