-- Anteroom schema, version 14: series read without visiting the table. A
-- week's series are a few hundred rows scattered among all the single
-- engagements, one table page each: the index of migration 0007 found them,
-- but every one still cost a page of the table. This index carries every
-- column the series query selects (data/rows.go engagementColumns), so the
-- series of a span class lie side by side in its leaves and the query reads
-- a few pages in all. It holds live series only, a tenth of the rows.
--
-- It indexes 0007's span class as the expression that defines it, not as
-- the column series_span_class: SQLite never answers from an index alone a
-- query that names a virtual generated column. data/series.go spanClass
-- spells the same expression, which is how the query finds this index.
DROP INDEX engagements_series_span;

CREATE INDEX engagements_series_span
    ON engagements (leader_id,
        (CASE
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
        END),
        start_utc, id, deleted,
        uid, kind, title, location, notes, end_utc, zone, all_day, start_day, end_day,
        status, classification, source, sequence, created, updated,
        rrule, rdates, exdates, series_end_utc, series_id, recurrence_utc, organiser)
    WHERE deleted IS NULL AND (rrule <> '' OR rdates <> '');
