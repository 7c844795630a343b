package data

import (
	"database/sql"
	"fmt"
	"strings"

	"anteroom/calendar"
)

// engagementRow receives the rows of engagementColumns. Its destinations
// are laid out once per query, not once per row: scanning into fresh
// locals made each of a week's hundreds of rows allocate its holders and
// a copy of the engagement, which a short command pays for in page faults.
type engagementRow struct {
	e                            calendar.Engagement // the scanned columns only; the rest stay zero
	kind, status, class, source  string
	start, end, created, updated int64
	startDay, endDay             sql.NullString
	rdates, exdates              string
	seriesEnd, seriesID, recID   sql.NullInt64
	dest                         []any
}

func newEngagementRow() *engagementRow {
	r := &engagementRow{}
	e := &r.e
	r.dest = []any{&e.ID, &e.UID, &e.LeaderID, &r.kind, &e.Title, &e.Location, &e.Notes,
		&r.start, &r.end, &e.ZoneName, &e.AllDay, &r.startDay, &r.endDay,
		&r.status, &r.class, &r.source, &e.Sequence, &r.created, &r.updated,
		&e.RRule, &r.rdates, &r.exdates, &r.seriesEnd, &r.seriesID, &r.recID, &e.Organiser}
	return r
}

// scan reads the row s is on into *out.
func (r *engagementRow) scan(s scanner, out *calendar.Engagement) error {
	if err := s.Scan(r.dest...); err != nil {
		return err
	}
	e := r.e
	var err error
	if e.RDates, err = parseInstants(r.rdates); err != nil {
		return fmt.Errorf("engagement %d: rdates: %w", e.ID, err)
	}
	if e.ExDates, err = parseInstants(r.exdates); err != nil {
		return fmt.Errorf("engagement %d: exdates: %w", e.ID, err)
	}
	if r.seriesEnd.Valid {
		e.SeriesEnd = fromUnix(r.seriesEnd.Int64)
	}
	if r.seriesID.Valid && r.recID.Valid {
		e.SeriesID, e.RecurrenceID = r.seriesID.Int64, fromUnix(r.recID.Int64)
		if i := strings.LastIndex(e.UID, overrideUIDSep); i >= 0 {
			e.UID = e.UID[:i] // the series' UID may itself hold a '#'
		}
	}
	e.Kind, e.Status = calendar.Kind(r.kind), calendar.Status(r.status)
	e.Classification, e.Source = calendar.Classification(r.class), calendar.Source(r.source)
	e.Start, e.End = fromUnix(r.start), fromUnix(r.end)
	e.Created, e.Updated = fromUnix(r.created), fromUnix(r.updated)
	if e.StartDay, err = dayFrom(r.startDay); err != nil {
		return fmt.Errorf("engagement %d: start_day: %w", e.ID, err)
	}
	if e.EndDay, err = dayFrom(r.endDay); err != nil {
		return fmt.Errorf("engagement %d: end_day: %w", e.ID, err)
	}
	*out = e
	return nil
}

// scanAll appends every engagement of rows to es and closes them.
func scanAll(es []calendar.Engagement, rows *sql.Rows) ([]calendar.Engagement, error) {
	defer rows.Close()
	r := newEngagementRow()
	for rows.Next() {
		es = append(es, calendar.Engagement{})
		if err := r.scan(rows, &es[len(es)-1]); err != nil {
			return nil, err
		}
	}
	return es, rows.Err()
}
