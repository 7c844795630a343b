package data

import (
	"database/sql"
	"fmt"
	"time"

	"anteroom/calendar"
)

// scanner is a *sql.Row or *sql.Rows.
type scanner interface {
	Scan(dest ...any) error
}

// unixSeconds is how instants are stored; sub-second precision is dropped.
func unixSeconds(t time.Time) int64 { return t.Unix() }

// fromUnix reads a stored instant back, in UTC.
func fromUnix(s int64) time.Time { return time.Unix(s, 0).UTC() }

// dayText stores a civil date as YYYY-MM-DD; NULL for timed engagements.
func dayText(allDay bool, d calendar.Date) any {
	if !allDay {
		return nil
	}
	return d.String()
}

// dayFrom reads a stored civil date; NULL reads as the zero Date.
func dayFrom(s sql.NullString) (calendar.Date, error) {
	if !s.Valid {
		return calendar.Date{}, nil
	}
	return calendar.ParseDate(s.String)
}

const leaderColumns = `id, name, zone, sort_order, created, updated`

func scanLeader(s scanner) (calendar.Leader, error) {
	var l calendar.Leader
	var created, updated int64
	if err := s.Scan(&l.ID, &l.Name, &l.ZoneName, &l.Order, &created, &updated); err != nil {
		return calendar.Leader{}, err
	}
	l.Created, l.Updated = fromUnix(created), fromUnix(updated)
	return l, nil
}

const engagementColumns = `id, uid, leader_id, kind, title, location, notes,
	start_utc, end_utc, zone, all_day, start_day, end_day,
	status, classification, source, sequence, created, updated`

func scanEngagement(s scanner) (calendar.Engagement, error) {
	var (
		e                            calendar.Engagement
		kind, status, class, source  string
		start, end, created, updated int64
		startDay, endDay             sql.NullString
	)
	err := s.Scan(&e.ID, &e.UID, &e.LeaderID, &kind, &e.Title, &e.Location, &e.Notes,
		&start, &end, &e.ZoneName, &e.AllDay, &startDay, &endDay,
		&status, &class, &source, &e.Sequence, &created, &updated)
	if err != nil {
		return calendar.Engagement{}, err
	}
	e.Kind, e.Status = calendar.Kind(kind), calendar.Status(status)
	e.Classification, e.Source = calendar.Classification(class), calendar.Source(source)
	e.Start, e.End = fromUnix(start), fromUnix(end)
	e.Created, e.Updated = fromUnix(created), fromUnix(updated)
	if e.StartDay, err = dayFrom(startDay); err != nil {
		return calendar.Engagement{}, fmt.Errorf("engagement %d: start_day: %w", e.ID, err)
	}
	if e.EndDay, err = dayFrom(endDay); err != nil {
		return calendar.Engagement{}, fmt.Errorf("engagement %d: end_day: %w", e.ID, err)
	}
	return e, nil
}

// engagementArgs names every column value of e for INSERT and UPDATE.
func engagementArgs(e *calendar.Engagement) []any {
	return []any{
		sql.Named("id", e.ID),
		sql.Named("uid", e.UID),
		sql.Named("leader_id", e.LeaderID),
		sql.Named("kind", string(e.Kind)),
		sql.Named("title", e.Title),
		sql.Named("location", e.Location),
		sql.Named("notes", e.Notes),
		sql.Named("start_utc", unixSeconds(e.Start)),
		sql.Named("end_utc", unixSeconds(e.End)),
		sql.Named("zone", e.ZoneName),
		sql.Named("all_day", e.AllDay),
		sql.Named("start_day", dayText(e.AllDay, e.StartDay)),
		sql.Named("end_day", dayText(e.AllDay, e.EndDay)),
		sql.Named("status", string(e.Status)),
		sql.Named("classification", string(e.Classification)),
		sql.Named("source", string(e.Source)),
		sql.Named("sequence", e.Sequence),
		sql.Named("created", unixSeconds(e.Created)),
		sql.Named("updated", unixSeconds(e.Updated)),
	}
}
