package data

import (
	"database/sql"
	"strings"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/imports"
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

const leaderColumns = `id, name, zone, sort_order, created, updated, archived`

func scanLeader(s scanner) (calendar.Leader, error) {
	var l calendar.Leader
	var created, updated int64
	var archived sql.NullInt64
	if err := s.Scan(&l.ID, &l.Name, &l.ZoneName, &l.Order, &created, &updated, &archived); err != nil {
		return calendar.Leader{}, err
	}
	l.Created, l.Updated, l.Archived = fromUnix(created), fromUnix(updated), nullTime(archived)
	return l, nil
}

const engagementColumns = `id, uid, leader_id, kind, title, location, notes,
	start_utc, end_utc, zone, all_day, start_day, end_day,
	status, classification, source, sequence, created, updated,
	rrule, rdates, exdates, series_end_utc, series_id, recurrence_utc, organiser`

func scanEngagement(s scanner) (calendar.Engagement, error) {
	var e calendar.Engagement
	if err := newEngagementRow().scan(s, &e); err != nil {
		return calendar.Engagement{}, err
	}
	return e, nil
}

// engagementArgs names every column value of e for INSERT and UPDATE.
func engagementArgs(e *calendar.Engagement) []any {
	return []any{
		sql.Named("id", e.ID),
		sql.Named("uid", storedUID(e)),
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
		sql.Named("rrule", e.RRule),
		sql.Named("rdates", formatInstants(e.RDates)),
		sql.Named("exdates", formatInstants(e.ExDates)),
		sql.Named("series_end_utc", seriesEnd(e)),
		sql.Named("series_id", nullID(e.SeriesID)),
		sql.Named("recurrence_utc", recurrenceUTC(e)),
		sql.Named("organiser", e.Organiser),
	}
}

// overrideUIDSep joins an override's series UID and RECURRENCE-ID in the
// uid column, which must be unique, while the override shares the series'
// UID everywhere else (RFC 5545 §3.8.4.4); imports.OccurrenceKey writes
// the column's value.
const overrideUIDSep = "#"

// storedUID is the uid column's value for e.
func storedUID(e *calendar.Engagement) string {
	if e.SeriesID == 0 {
		return e.UID
	}
	return imports.OccurrenceKey(e.UID, e.RecurrenceID)
}

// icalUTC is the iCalendar form of a UTC date-time (RFC 5545 §3.3.5).
const icalUTC = "20060102T150405Z"

// formatInstants stores RDATE or EXDATE values as iCalendar lists them.
func formatInstants(ts []time.Time) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.UTC().Format(icalUTC)
	}
	return strings.Join(s, ",")
}

// parseInstants reads what formatInstants wrote.
func parseInstants(s string) ([]time.Time, error) {
	if s == "" {
		return nil, nil
	}
	var ts []time.Time
	for _, v := range strings.Split(s, ",") {
		t, err := time.Parse(icalUTC, v)
		if err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
	return ts, nil
}

// seriesEnd is NULL for a series without end and for what is no series.
func seriesEnd(e *calendar.Engagement) any {
	if !e.IsSeries() || e.SeriesEnd.IsZero() {
		return nil
	}
	return unixSeconds(e.SeriesEnd)
}

func recurrenceUTC(e *calendar.Engagement) any {
	if e.SeriesID == 0 {
		return nil
	}
	return unixSeconds(e.RecurrenceID)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
