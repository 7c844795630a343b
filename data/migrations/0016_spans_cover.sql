-- Anteroom schema, version 16: the spans of single engagements read
-- without visiting the table. A check over months of a calendar (an
-- import's preview) reads the spans of every engagement in its windows (data/spans.go
-- spansQuery): start, end, kind, status and which series an override
-- belongs to. The index of migration 0001 held only the times, so each
-- span cost a page of the table, where a row's text lies; this one
-- carries the columns the spans query reads and tests, so it is answered
-- from the index's leaves, in its order. id follows the times because
-- the query orders by it; deleted is listed because SQLite does not count
-- a partial index's WHERE as holding the column.
DROP INDEX engagements_leader_start;

CREATE INDEX engagements_leader_start
    ON engagements (leader_id, start_utc, end_utc, id, deleted,
        rrule, rdates, kind, status, series_id, recurrence_utc)
    WHERE deleted IS NULL;
