-- Anteroom schema, version 6: a counter of changes to the calendar. Every
-- insert, update or delete of an engagement, by any path and any
-- process, adds one in the same transaction, so a writer can tell whether
-- the calendar changed since it last looked (an import planned a while
-- ago re-checks its clashes only then).
CREATE TABLE calendar_changes (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO calendar_changes (id, n) VALUES (1, 0);

CREATE TRIGGER engagements_changed_insert AFTER INSERT ON engagements
BEGIN
    UPDATE calendar_changes SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER engagements_changed_update AFTER UPDATE ON engagements
BEGIN
    UPDATE calendar_changes SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER engagements_changed_delete AFTER DELETE ON engagements
BEGIN
    UPDATE calendar_changes SET n = n + 1 WHERE id = 1;
END;
