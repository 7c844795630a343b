-- Anteroom schema, version 7: series found by how long they last. A week
-- looks for the series that meet it; ordered by first start alone, that is
-- every series begun before the week, years of them, to return a few. So
-- each series falls into a span class by the time from its first start to
-- the end of its last occurrence: class c holds spans of at most 2^c days
-- (c = 0 … 17, up to 358 years), class 18 longer ones, class 63 the
-- open-ended ones (series_end_utc NULL). A series of class c that meets a
-- window [from, to) started after from − 2^c days, so the query reads one
-- short range of the index per class; the open-ended ones, which are few,
-- are read by first start.
ALTER TABLE engagements ADD COLUMN series_span_class INTEGER
    GENERATED ALWAYS AS (
        CASE
            WHEN rrule = '' AND rdates = '' THEN NULL
            WHEN series_end_utc IS NULL THEN 63
            WHEN series_end_utc - start_utc <= 86400 THEN 0
            WHEN series_end_utc - start_utc <= 172800 THEN 1
            WHEN series_end_utc - start_utc <= 345600 THEN 2
            WHEN series_end_utc - start_utc <= 691200 THEN 3
            WHEN series_end_utc - start_utc <= 1382400 THEN 4
            WHEN series_end_utc - start_utc <= 2764800 THEN 5
            WHEN series_end_utc - start_utc <= 5529600 THEN 6
            WHEN series_end_utc - start_utc <= 11059200 THEN 7
            WHEN series_end_utc - start_utc <= 22118400 THEN 8
            WHEN series_end_utc - start_utc <= 44236800 THEN 9
            WHEN series_end_utc - start_utc <= 88473600 THEN 10
            WHEN series_end_utc - start_utc <= 176947200 THEN 11
            WHEN series_end_utc - start_utc <= 353894400 THEN 12
            WHEN series_end_utc - start_utc <= 707788800 THEN 13
            WHEN series_end_utc - start_utc <= 1415577600 THEN 14
            WHEN series_end_utc - start_utc <= 2831155200 THEN 15
            WHEN series_end_utc - start_utc <= 5662310400 THEN 16
            WHEN series_end_utc - start_utc <= 11324620800 THEN 17
            ELSE 18
        END
    ) VIRTUAL;

CREATE INDEX engagements_series_span
    ON engagements (leader_id, series_span_class, start_utc)
    WHERE deleted IS NULL AND (rrule <> '' OR rdates <> '');

-- Superseded by engagements_series_span, which the series query uses.
DROP INDEX engagements_series;
