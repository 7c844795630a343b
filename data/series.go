package data

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"anteroom/calendar"
)

var (
	_ calendar.SeriesStore      = (*DB)(nil)
	_ calendar.OverridesOfStore = (*DB)(nil)
)

// seriesQuery finds a leader's live series whose span, from the first
// start to series_end_utc (for ever when NULL), meets [:from, :to).
// Migration 0007 sorts series into span classes (series_span_class): a
// series of class c lasts at most spanClasses' seconds for c, so one that
// meets the window started no earlier than :from minus those. The query
// reads, per class, that one range of engagements_series_span: the series
// of the last months before the window, not every series begun before it.
// Classes 18 (longer than 358 years) and 63 (open-ended) are read by first
// start alone; they are few. Migration 0014 puts every selected column in
// that index, keyed by spanClass rather than the virtual column, so the
// rows come from the index's leaves, not one table page per series. It has
// no ORDER BY: SQLite would copy every whole row through a sorter, which
// cost more than reading them; SeriesBetween orders them.
const seriesQuery = `WITH spans (class, seconds) AS (VALUES ` + spanClasses + `)
	SELECT ` + engagementColumns + `
	FROM spans CROSS JOIN engagements AS e
	WHERE e.leader_id = :leader AND e.deleted IS NULL AND (e.rrule <> '' OR e.rdates <> '')
	  AND ` + spanClass + ` = spans.class
	  AND e.start_utc >= :from - spans.seconds
	  AND e.start_utc < :to
	  AND coalesce(e.series_end_utc, ` + maxInt64 + `) > :from`

// spanClass is migration 0007's series_span_class spelled out as in the
// index of migration 0014, which SQLite matches by its form: keep the two
// the same (TestSeriesQueryReadsOnlyTheIndex fails when they differ).
const spanClass = `(CASE
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
        END)`

// spanClasses are migration 0007's classes with the longest span each
// holds, in seconds: 2^c days for c = 0 … 17; 2^62 for the unbounded two.
const spanClasses = `
		(0, 86400),
		(1, 172800),
		(2, 345600),
		(3, 691200),
		(4, 1382400),
		(5, 2764800),
		(6, 5529600),
		(7, 11059200),
		(8, 22118400),
		(9, 44236800),
		(10, 88473600),
		(11, 176947200),
		(12, 353894400),
		(13, 707788800),
		(14, 1415577600),
		(15, 2831155200),
		(16, 5662310400),
		(17, 11324620800),
		(18, 4611686018427387904), (63, 4611686018427387904)`

// maxInt64 is math.MaxInt64 spelled for SQL: a series without end ends never.
const maxInt64 = "9223372036854775807"

// SeriesBetween returns the leader's live series that may have occurrences
// in [from, to), ordered by first start.
func (db *DB) SeriesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, seriesCountQuery,
		sql.Named("leader", leaderID), sql.Named("from", unixSeconds(from)), sql.Named("to", unixSeconds(to))).Scan(&n)
	if err != nil {
		return nil, fmt.Errorf("series of leader %d: %w", leaderID, err)
	}
	es, err := db.betweenInto(ctx, make([]calendar.Engagement, 0, n), seriesQuery, leaderID, from, to)
	if err != nil {
		return nil, err
	}
	return byFirstStart(es), nil
}

// seriesCountQuery counts the rows of seriesQuery, from the same entries
// of the same index, so that the list is made once at its size: grown as
// rows came, a week of hundreds of large structs was copied about twice
// over, and a fresh process paid a page fault for every 4 KB of it.
var seriesCountQuery = strings.Replace(seriesQuery, `SELECT `+engagementColumns, `SELECT count(*)`, 1)

// byFirstStart orders series by first start, then ID, in place. It sorts
// positions and moves each series once, cycle by cycle: engagements are
// large structs, and a sorted copy of them cost a fresh process page
// faults for every week it read.
func byFirstStart(es []calendar.Engagement) []calendar.Engagement {
	order := make([]int32, len(es))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(es[a].Start.Compare(es[b].Start), cmp.Compare(es[a].ID, es[b].ID))
	})
	// es[j] becomes the series at order[j]; a moved position is marked -1
	for i := range order {
		if order[i] < 0 || order[i] == int32(i) {
			continue
		}
		held, j := es[i], i
		for {
			k := order[j]
			order[j] = -1
			if int(k) == i {
				es[j] = held
				break
			}
			es[j], j = es[k], int(k)
		}
	}
	return es
}

// overridesQuery finds a leader's live overrides by the start of the
// occurrence they replace.
const overridesQuery = `SELECT ` + engagementColumns + `
	FROM engagements
	WHERE leader_id = :leader AND deleted IS NULL AND series_id IS NOT NULL
	  AND recurrence_utc >= :from AND recurrence_utc < :to
	ORDER BY recurrence_utc, id`

// OverridesBetween returns the leader's live overrides whose RecurrenceID
// lies in [from, to).
func (db *DB) OverridesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	return db.between(ctx, overridesQuery, leaderID, from, to)
}

// SeriesOverrides returns every live override of the series.
func (db *DB) SeriesOverrides(ctx context.Context, seriesID int64) ([]calendar.Engagement, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+engagementColumns+`
		FROM engagements WHERE series_id = ? AND deleted IS NULL ORDER BY recurrence_utc`, seriesID)
	if err != nil {
		return nil, fmt.Errorf("overrides of series %d: %w", seriesID, err)
	}
	return collect(rows, fmt.Sprintf("overrides of series %d", seriesID))
}

// collect scans every engagement of rows and closes them.
func collect(rows *sql.Rows, what string) ([]calendar.Engagement, error) {
	es, err := scanAll(nil, rows)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return es, nil
}

// overridesOfQuery reads the overrides of some series from the index
// engagements_overrides; the IN list is filled in per chunk of ids.
const overridesOfQuery = `SELECT ` + engagementColumns + `
	FROM engagements
	WHERE series_id IN (%s) AND series_id IS NOT NULL AND deleted IS NULL`

// OverridesOf returns every live override of the series seriesIDs, in
// any order: idsPerQuery series a query.
func (db *DB) OverridesOf(ctx context.Context, seriesIDs []int64) ([]calendar.Engagement, error) {
	out, err := db.engagementsIn(ctx, nil, overridesOfQuery, seriesIDs)
	if err != nil {
		return nil, fmt.Errorf("overrides of %d series: %w", len(seriesIDs), err)
	}
	return out, nil
}
