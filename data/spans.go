package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"anteroom/calendar"
)

var _ calendar.SpanStore = (*DB)(nil)

// spanColumns are what scanSpan reads: what the booking rules need.
const spanColumns = `id, start_utc, end_utc, kind, status, series_id, recurrence_utc`

// spansQuery is betweenQuery reading spanColumns: the same rows, in the
// same order, by the same index, which since migration 0016 holds every
// column it reads, so it never visits the table.
var spansQuery = strings.Replace(betweenQuery, `SELECT `+engagementColumns, `SELECT `+spanColumns, 1)

// overrideSpansQuery is overridesQuery reading spanColumns.
var overrideSpansQuery = strings.Replace(overridesQuery, `SELECT `+engagementColumns, `SELECT `+spanColumns, 1)

// SpansBetween returns the spans of what EngagementsBetween returns, in
// the same order: the columns the booking rules need and no text, which
// is most of what a row costs to read.
func (db *DB) SpansBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Span, error) {
	out, err := db.spans(ctx, spansQuery, leaderID, from, to)
	if err != nil {
		return nil, fmt.Errorf("spans of leader %d: %w", leaderID, err)
	}
	return out, nil
}

// OverrideSpansBetween returns the spans of what OverridesBetween
// returns, in the same order.
func (db *DB) OverrideSpansBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Span, error) {
	out, err := db.spans(ctx, overrideSpansQuery, leaderID, from, to)
	if err != nil {
		return nil, fmt.Errorf("overrides of leader %d: %w", leaderID, err)
	}
	return out, nil
}

// spans reads the spans query selects for the leader in [from, to).
func (db *DB) spans(ctx context.Context, query string, leaderID int64, from, to time.Time) ([]calendar.Span, error) {
	rows, err := db.sql.QueryContext(ctx, query,
		sql.Named("leader", leaderID), sql.Named("from", unixSeconds(from)), sql.Named("to", unixSeconds(to)))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []calendar.Span
	var kind, status sql.RawBytes
	var seriesID, recID sql.NullInt64
	for rows.Next() {
		var sp calendar.Span
		if err := rows.Scan(&sp.ID, &sp.Start, &sp.End, &kind, &status, &seriesID, &recID); err != nil {
			return nil, err
		}
		if seriesID.Valid && recID.Valid { // as scanEngagement
			sp.SeriesID, sp.Recurrence = seriesID.Int64, recID.Int64
		}
		sp.Kind, sp.Status = knownKind(kind), knownStatus(status)
		out = append(out, sp)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// knownKind returns the stored kind, the constant when it is one (no
// string made per row).
func knownKind(b []byte) calendar.Kind {
	for _, k := range calendar.Kinds {
		if string(b) == string(k) {
			return k
		}
	}
	return calendar.Kind(b)
}

// knownStatus is knownKind for the status.
func knownStatus(b []byte) calendar.Status {
	for _, s := range calendar.Statuses {
		if string(b) == string(s) {
			return s
		}
	}
	return calendar.Status(b)
}

// idsPerQuery bounds the parameters of one query of engagementsIn, well
// under SQLite's limit.
const idsPerQuery = 500

// EngagementsByID returns the live engagements among ids, in any order;
// those not found are left out.
func (db *DB) EngagementsByID(ctx context.Context, ids []int64) ([]calendar.Engagement, error) {
	out := make([]calendar.Engagement, 0, len(ids)) // grown, the copies of large structs cost more than the reading
	out, err := db.engagementsIn(ctx, out, `SELECT `+engagementColumns+` FROM engagements
		WHERE id IN (%s) AND deleted IS NULL`, ids)
	if err != nil {
		return nil, fmt.Errorf("engagements by id: %w", err)
	}
	return out, nil
}

// engagementsIn appends to out the engagements query selects for ids,
// idsPerQuery of them a query: query's %s is where their placeholders go.
func (db *DB) engagementsIn(ctx context.Context, out []calendar.Engagement, query string, ids []int64) ([]calendar.Engagement, error) {
	args := make([]any, 0, min(len(ids), idsPerQuery))
	for lo := 0; lo < len(ids); lo += idsPerQuery {
		chunk := ids[lo:min(len(ids), lo+idsPerQuery)]
		args = args[:0]
		for _, id := range chunk {
			args = append(args, id)
		}
		rows, err := db.sql.QueryContext(ctx, fmt.Sprintf(query, "?"+strings.Repeat(",?", len(chunk)-1)), args...)
		if err != nil {
			return nil, err
		}
		if out, err = scanAll(out, rows); err != nil {
			return nil, err
		}
	}
	return out, nil
}

var _ calendar.SeriesRuleStore = (*DB)(nil)

// seriesRuleColumns are what scanSeriesRule reads: what expanding a
// series and checking against its occurrences need, without the words.
const seriesRuleColumns = `id, leader_id, kind, start_utc, end_utc, zone, all_day, start_day, end_day,
	status, classification, rrule, rdates, exdates, series_end_utc`

// seriesRulesQuery is seriesQuery reading seriesRuleColumns: the same
// rows, by the same index, which holds these columns too.
var seriesRulesQuery = strings.Replace(seriesQuery, `SELECT `+engagementColumns, `SELECT `+seriesRuleColumns, 1)

// SeriesRulesBetween returns what SeriesBetween returns, in the same
// order, without the words of each series (title, location, notes, UID,
// organiser), which were most of what a series cost to read for a check.
func (db *DB) SeriesRulesBetween(ctx context.Context, leaderID int64, from, to time.Time) ([]calendar.Engagement, error) {
	rows, err := db.sql.QueryContext(ctx, seriesRulesQuery,
		sql.Named("leader", leaderID), sql.Named("from", unixSeconds(from)), sql.Named("to", unixSeconds(to)))
	if err != nil {
		return nil, fmt.Errorf("series rules of leader %d: %w", leaderID, err)
	}
	defer rows.Close()
	var es []calendar.Engagement
	for rows.Next() {
		es = append(es, calendar.Engagement{})
		if err := scanSeriesRule(rows, &es[len(es)-1]); err != nil {
			return nil, fmt.Errorf("series rules of leader %d: %w", leaderID, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("series rules of leader %d: %w", leaderID, err)
	}
	return byFirstStart(es), nil
}

// scanSeriesRule is scanEngagement for seriesRuleColumns, into e.
func scanSeriesRule(s scanner, e *calendar.Engagement) error {
	var (
		kind, status, class sql.RawBytes
		start, end          int64
		startDay, endDay    sql.NullString
		rdates, exdates     sql.RawBytes
		seriesEnd           sql.NullInt64
	)
	if err := s.Scan(&e.ID, &e.LeaderID, &kind, &start, &end, &e.ZoneName, &e.AllDay, &startDay, &endDay,
		&status, &class, &e.RRule, &rdates, &exdates, &seriesEnd); err != nil {
		return err
	}
	var err error
	if e.RDates, err = parseInstants(string(rdates)); err != nil {
		return fmt.Errorf("engagement %d: rdates: %w", e.ID, err)
	}
	if e.ExDates, err = parseInstants(string(exdates)); err != nil {
		return fmt.Errorf("engagement %d: exdates: %w", e.ID, err)
	}
	if seriesEnd.Valid {
		e.SeriesEnd = fromUnix(seriesEnd.Int64)
	}
	e.Kind, e.Status, e.Classification = knownKind(kind), knownStatus(status), knownClass(class)
	e.Start, e.End = fromUnix(start), fromUnix(end)
	if e.StartDay, err = dayFrom(startDay); err != nil {
		return fmt.Errorf("engagement %d: start_day: %w", e.ID, err)
	}
	if e.EndDay, err = dayFrom(endDay); err != nil {
		return fmt.Errorf("engagement %d: end_day: %w", e.ID, err)
	}
	return nil
}

// knownClass is knownKind for the classification.
func knownClass(b []byte) calendar.Classification {
	for _, c := range calendar.Classifications {
		if string(b) == string(c) {
			return c
		}
	}
	return calendar.Classification(b)
}
