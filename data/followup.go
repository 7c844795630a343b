package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"anteroom/calendar"
	"anteroom/calendar/followup"
)

// FollowupStore is the database as minutes and follow-up need it.
type FollowupStore struct{ *DB }

// Followup returns the database as the store of minutes and follow-up.
func (db *DB) Followup() FollowupStore { return FollowupStore{db} }

var _ followup.Store = FollowupStore{}

// FollowupTx is WithTx for minutes and follow-up.
func (s FollowupStore) FollowupTx(ctx context.Context, fn func(followup.Store) error) error {
	return s.bound(ctx, func(t *DB) error { return fn(FollowupStore{t}) })
}

const minutesColumns = `id, leader_id, engagement_id, engagement_uid, recurrence_utc, title, location,
	organiser, start_utc, end_utc, zone, classification, state, chaired_by, attendees, body,
	signed_by, signed_at, doc_number, issued_on, issued_to, created, updated`

// lines stores a list one entry a line; entries never hold a line break.
func lines(list []string) string {
	clean := make([]string, len(list))
	for i, s := range list {
		clean[i] = strings.Join(strings.Fields(s), " ")
	}
	return strings.Join(clean, "\n")
}

func fromLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func scanMinutes(s scanner) (followup.Minutes, error) {
	var (
		m                                followup.Minutes
		rec, start, end, created, update int64
		class, state, attendees, to      string
		signed                           sql.NullInt64
		issued                           sql.NullString
	)
	err := s.Scan(&m.ID, &m.Meeting.LeaderID, &m.Meeting.EngagementID, &m.Meeting.UID, &rec, &m.Meeting.Title,
		&m.Meeting.Location, &m.Meeting.Organiser, &start, &end, &m.Meeting.ZoneName, &class, &state,
		&m.ChairedBy, &attendees, &m.Text, &m.SignedBy, &signed, &m.DocNumber, &issued, &to, &created, &update)
	if err != nil {
		return followup.Minutes{}, err
	}
	if rec != 0 {
		m.Meeting.RecurrenceID = fromUnix(rec)
	}
	m.Meeting.Start, m.Meeting.End = fromUnix(start), fromUnix(end)
	m.Meeting.Classification, m.State = calendar.Classification(class), followup.MinutesState(state)
	m.Attendees, m.IssuedTo = fromLines(attendees), fromLines(to)
	m.SignedAt = nullTime(signed)
	if m.IssuedOn, err = dayFrom(issued); err != nil {
		return followup.Minutes{}, fmt.Errorf("minutes %d: issued on: %w", m.ID, err)
	}
	m.Created, m.Updated = fromUnix(created), fromUnix(update)
	return m, nil
}

func minutesArgs(m followup.Minutes) []any {
	var rec int64
	if !m.Meeting.RecurrenceID.IsZero() {
		rec = m.Meeting.RecurrenceID.Unix()
	}
	var signed, issued any
	if !m.SignedAt.IsZero() {
		signed = unixSeconds(m.SignedAt)
	}
	if !m.IssuedOn.IsZero() {
		issued = m.IssuedOn.String()
	}
	return []any{sql.Named("id", m.ID), sql.Named("leader", m.Meeting.LeaderID),
		sql.Named("engagement", m.Meeting.EngagementID), sql.Named("uid", m.Meeting.UID), sql.Named("rec", rec),
		sql.Named("title", m.Meeting.Title), sql.Named("location", m.Meeting.Location),
		sql.Named("organiser", m.Meeting.Organiser), sql.Named("start", unixSeconds(m.Meeting.Start)),
		sql.Named("end", unixSeconds(m.Meeting.End)), sql.Named("zone", m.Meeting.ZoneName),
		sql.Named("class", string(m.Meeting.Classification)), sql.Named("state", string(m.State)),
		sql.Named("chair", m.ChairedBy), sql.Named("attendees", lines(m.Attendees)), sql.Named("body", m.Text),
		sql.Named("signed_by", m.SignedBy), sql.Named("signed_at", signed), sql.Named("number", m.DocNumber),
		sql.Named("issued_on", issued), sql.Named("issued_to", lines(m.IssuedTo)),
		sql.Named("created", unixSeconds(m.Created)), sql.Named("updated", unixSeconds(m.Updated))}
}

// AddMinutes stores new minutes and their decisions and sets m.ID.
func (s FollowupStore) AddMinutes(ctx context.Context, m *followup.Minutes) error {
	res, err := s.sql.ExecContext(ctx, `INSERT INTO minutes (leader_id, engagement_id, engagement_uid,
		recurrence_utc, title, location, organiser, start_utc, end_utc, zone, classification, state,
		chaired_by, attendees, body, signed_by, signed_at, doc_number, issued_on, issued_to, created, updated)
		VALUES (:leader, :engagement, :uid, :rec, :title, :location, :organiser, :start, :end, :zone, :class,
		:state, :chair, :attendees, :body, :signed_by, :signed_at, :number, :issued_on, :issued_to, :created, :updated)`,
		minutesArgs(*m)...)
	if err != nil {
		return fmt.Errorf("add minutes of %q: %w", m.Meeting.Title, err)
	}
	if m.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("add minutes of %q: %w", m.Meeting.Title, err)
	}
	return s.putDecisions(ctx, *m)
}

// UpdateMinutes stores changed minutes and replaces their decisions.
func (s FollowupStore) UpdateMinutes(ctx context.Context, m followup.Minutes) error {
	res, err := s.sql.ExecContext(ctx, `UPDATE minutes SET state = :state, chaired_by = :chair,
		attendees = :attendees, body = :body, signed_by = :signed_by, signed_at = :signed_at,
		doc_number = :number, issued_on = :issued_on, issued_to = :issued_to, updated = :updated
		WHERE id = :id`, minutesArgs(m)...)
	if err != nil {
		return fmt.Errorf("minutes %d: %w", m.ID, err)
	}
	if err := oneRow(res, "minutes", m.ID); err != nil {
		return err
	}
	if _, err := s.sql.ExecContext(ctx, `DELETE FROM minutes_decisions WHERE minutes_id = ?`, m.ID); err != nil {
		return fmt.Errorf("minutes %d: decisions: %w", m.ID, err)
	}
	return s.putDecisions(ctx, m)
}

func (s FollowupStore) putDecisions(ctx context.Context, m followup.Minutes) error {
	for _, d := range m.Decisions {
		if _, err := s.sql.ExecContext(ctx, `INSERT INTO minutes_decisions (minutes_id, n, text) VALUES (?, ?, ?)`,
			m.ID, d.N, d.Text); err != nil {
			return fmt.Errorf("minutes %d: decision %d: %w", m.ID, d.N, err)
		}
	}
	return nil
}

// Minutes returns minutes with their decisions.
func (s FollowupStore) Minutes(ctx context.Context, id int64) (followup.Minutes, error) {
	m, err := scanMinutes(s.sql.QueryRowContext(ctx, `SELECT `+minutesColumns+` FROM minutes WHERE id = ?`, id))
	if err != nil {
		return followup.Minutes{}, rowErr(err, "minutes", id)
	}
	return s.withDecisions(ctx, m)
}

// MinutesOf returns the minutes of the meeting with uid (its occurrence at
// recurrence, in Unix seconds, when not 0).
func (s FollowupStore) MinutesOf(ctx context.Context, uid string, recurrence int64) (followup.Minutes, error) {
	m, err := scanMinutes(s.sql.QueryRowContext(ctx, `SELECT `+minutesColumns+`
		FROM minutes WHERE engagement_uid = ? AND recurrence_utc = ?`, uid, recurrence))
	if err != nil {
		return followup.Minutes{}, rowErr(err, "minutes of "+uid, recurrence)
	}
	return s.withDecisions(ctx, m)
}

// ListMinutes returns a leader's minutes (every leader's when 0), latest
// meeting first.
func (s FollowupStore) ListMinutes(ctx context.Context, leaderID int64) ([]followup.Minutes, error) {
	rows, err := s.sql.QueryContext(ctx, `SELECT `+minutesColumns+` FROM minutes
		WHERE ? IN (0, leader_id) ORDER BY start_utc DESC, id DESC`, leaderID)
	if err != nil {
		return nil, fmt.Errorf("list minutes: %w", err)
	}
	var out []followup.Minutes
	if err := eachRow(rows, func(r scanner) error {
		m, err := scanMinutes(r)
		out = append(out, m)
		return err
	}); err != nil {
		return nil, fmt.Errorf("list minutes: %w", err)
	}
	// The decisions of all of them in one query, not one query each: a
	// decade of minutes would be tens of thousands of queries.
	at := make(map[int64]int, len(out))
	for i := range out {
		at[out[i].ID] = i
	}
	rows, err = s.sql.QueryContext(ctx, `SELECT d.minutes_id, d.n, d.text FROM minutes_decisions AS d
		JOIN minutes AS m ON m.id = d.minutes_id
		WHERE ? IN (0, m.leader_id) ORDER BY d.minutes_id, d.n`, leaderID)
	if err != nil {
		return nil, fmt.Errorf("list minutes: decisions: %w", err)
	}
	if err := eachRow(rows, func(r scanner) error {
		var id int64
		var d followup.Decision
		if err := r.Scan(&id, &d.N, &d.Text); err != nil {
			return err
		}
		if i, ok := at[id]; ok { // minutes written since the first query are not listed
			out[i].Decisions = append(out[i].Decisions, d)
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("list minutes: decisions: %w", err)
	}
	return out, nil
}

func (s FollowupStore) withDecisions(ctx context.Context, m followup.Minutes) (followup.Minutes, error) {
	rows, err := s.sql.QueryContext(ctx, `SELECT n, text FROM minutes_decisions WHERE minutes_id = ? ORDER BY n`, m.ID)
	if err != nil {
		return followup.Minutes{}, fmt.Errorf("minutes %d: decisions: %w", m.ID, err)
	}
	m.Decisions = nil
	err = eachRow(rows, func(r scanner) error {
		var d followup.Decision
		err := r.Scan(&d.N, &d.Text)
		m.Decisions = append(m.Decisions, d)
		return err
	})
	if err != nil {
		return followup.Minutes{}, fmt.Errorf("minutes %d: decisions: %w", m.ID, err)
	}
	return m, nil
}

const itemColumns = `id, leader_id, text, source_kind, minutes_id, decision_n, material_id, source_title,
	unit, person, due, priority, state, confidential, close_reason, closed, created, updated`

func scanItem(s scanner) (followup.Item, error) {
	var (
		it                           followup.Item
		kind, due, priority, state   string
		minutesID, materialID        sql.NullInt64
		closed                       sql.NullInt64
		confidential, created, updat int64
	)
	err := s.Scan(&it.ID, &it.LeaderID, &it.Text, &kind, &minutesID, &it.Source.Decision, &materialID,
		&it.Source.Title, &it.Unit, &it.Person, &due, &priority, &state, &confidential, &it.CloseReason,
		&closed, &created, &updat)
	if err != nil {
		return followup.Item{}, err
	}
	it.Source.Kind, it.Source.MinutesID, it.Source.MaterialID = followup.SourceKind(kind), minutesID.Int64, materialID.Int64
	if it.Due, err = calendar.ParseDate(due); err != nil {
		return followup.Item{}, fmt.Errorf("follow-up %d: due: %w", it.ID, err)
	}
	it.Priority, it.State, it.Confidential = followup.Priority(priority), followup.State(state), confidential == 1
	it.Closed, it.Created, it.Updated = nullTime(closed), fromUnix(created), fromUnix(updat)
	return it, nil
}

func itemArgs(it followup.Item) []any {
	var closed any
	if !it.Closed.IsZero() {
		closed = unixSeconds(it.Closed)
	}
	confidential := 0
	if it.Confidential {
		confidential = 1
	}
	return []any{sql.Named("id", it.ID), sql.Named("leader", it.LeaderID), sql.Named("text", it.Text),
		sql.Named("kind", string(it.Source.Kind)), sql.Named("minutes", nullID(it.Source.MinutesID)),
		sql.Named("decision", it.Source.Decision), sql.Named("material", nullID(it.Source.MaterialID)),
		sql.Named("title", it.Source.Title), sql.Named("unit", it.Unit), sql.Named("person", it.Person),
		sql.Named("due", it.Due.String()), sql.Named("priority", string(it.Priority)),
		sql.Named("state", string(it.State)), sql.Named("confidential", confidential),
		sql.Named("reason", it.CloseReason), sql.Named("closed", closed),
		sql.Named("created", unixSeconds(it.Created)), sql.Named("updated", unixSeconds(it.Updated))}
}

// AddItem stores a new item and sets it.ID.
func (s FollowupStore) AddItem(ctx context.Context, it *followup.Item) error {
	res, err := s.sql.ExecContext(ctx, `INSERT INTO followups (leader_id, text, source_kind, minutes_id,
		decision_n, material_id, source_title, unit, person, due, priority, state, confidential,
		close_reason, closed, created, updated) VALUES (:leader, :text, :kind, :minutes, :decision,
		:material, :title, :unit, :person, :due, :priority, :state, :confidential, :reason, :closed,
		:created, :updated)`, itemArgs(*it)...)
	if isForeignKey(err) {
		return fmt.Errorf("add follow-up: its source or leader: %w", calendar.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("add follow-up: %w", err)
	}
	if it.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("add follow-up: %w", err)
	}
	return nil
}

// UpdateItem stores a changed item; its reports are added by AddReport.
func (s FollowupStore) UpdateItem(ctx context.Context, it followup.Item) error {
	res, err := s.sql.ExecContext(ctx, `UPDATE followups SET text = :text, unit = :unit, person = :person,
		due = :due, priority = :priority, state = :state, confidential = :confidential,
		close_reason = :reason, closed = :closed, updated = :updated WHERE id = :id`, itemArgs(it)...)
	if err != nil {
		return fmt.Errorf("follow-up %d: %w", it.ID, err)
	}
	return oneRow(res, "follow-up", it.ID)
}

// Item returns an item with its progress reports.
func (s FollowupStore) Item(ctx context.Context, id int64) (followup.Item, error) {
	it, err := scanItem(s.sql.QueryRowContext(ctx, `SELECT `+itemColumns+` FROM followups WHERE id = ?`, id))
	if err != nil {
		return followup.Item{}, rowErr(err, "follow-up", id)
	}
	items := []followup.Item{it}
	if err := s.withReports(ctx, items, `followup_id = ?`, id); err != nil {
		return followup.Item{}, err
	}
	return items[0], nil
}

// overdueSQL is followup.Item.Overdue on :today, as SQL.
const overdueSQL = `(state IN ('open', 'in_progress') AND due < :today)`

// itemsWhere is the filter of Items as SQL over the named arguments of
// itemsArgs. Overdue is read on :today.
const itemsWhere = ` WHERE :leader IN (0, leader_id)
	AND (:state = '' OR state = :state)
	AND (:unit = '' OR unit = :unit)
	AND (:overdue = 0 OR ` + overdueSQL + `)
	AND (:from = '' OR due BETWEEN :from AND :to)
	AND (:text = '' OR instr(text, :text) > 0 OR instr(unit, :text) > 0 OR instr(person, :text) > 0
		OR instr(source_title, :text) > 0)`

func itemsArgs(f followup.Filter) []any {
	overdue, from, to := 0, "", ""
	if f.Overdue {
		overdue = 1
	}
	if !f.DueFrom.IsZero() {
		from, to = f.DueFrom.String(), f.DueTo.String()
	}
	return []any{sql.Named("leader", f.LeaderID), sql.Named("state", string(f.State)), sql.Named("unit", f.Unit),
		sql.Named("overdue", overdue), sql.Named("today", f.Today.String()), sql.Named("from", from),
		sql.Named("to", to), sql.Named("text", f.Text)}
}

// Items returns the items f selects with their reports: overdue first,
// then by due date, most pressing first, then as added.
func (s FollowupStore) Items(ctx context.Context, f followup.Filter) ([]followup.Item, error) {
	return s.items(ctx, itemsWhere, itemsArgs(f)...)
}

// dueWhere selects a leader's items not closed that fall due in
// [:from, :to] or are overdue on :today.
const dueWhere = ` WHERE :leader IN (0, leader_id) AND state <> 'closed'
	AND (` + overdueSQL + ` OR due BETWEEN :from AND :to)`

// DueItems returns the items not closed due in [from, to] or overdue on
// today, in the order of Items. The closed items of past years are left
// in the table, not read.
func (s FollowupStore) DueItems(ctx context.Context, leaderID int64, from, to, today calendar.Date) ([]followup.Item, error) {
	return s.items(ctx, dueWhere, sql.Named("leader", leaderID), sql.Named("today", today.String()),
		sql.Named("from", from.String()), sql.Named("to", to.String()))
}

// CountItems counts the items not closed, and of them those overdue on
// today, without reading them.
func (s FollowupStore) CountItems(ctx context.Context, leaderID int64, today calendar.Date) (followup.Counts, error) {
	var c followup.Counts
	err := s.sql.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE state <> 'closed'),
			count(*) FILTER (WHERE `+overdueSQL+`)
		FROM followups WHERE :leader IN (0, leader_id)`,
		sql.Named("today", today.String()), sql.Named("leader", leaderID)).Scan(&c.Open, &c.Overdue)
	if err != nil {
		return followup.Counts{}, fmt.Errorf("count follow-ups: %w", err)
	}
	return c, nil
}

// items returns the items where selects, with their reports, in the
// order of Items.
func (s FollowupStore) items(ctx context.Context, where string, args ...any) ([]followup.Item, error) {
	rows, err := s.sql.QueryContext(ctx, `SELECT `+itemColumns+` FROM followups`+where+`
		ORDER BY state = 'closed', `+overdueSQL+` DESC, due,
		CASE priority WHEN 'urgent' THEN 0 WHEN 'important' THEN 1 ELSE 2 END, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list follow-ups: %w", err)
	}
	var out []followup.Item
	if err := eachRow(rows, func(r scanner) error {
		it, err := scanItem(r)
		out = append(out, it)
		return err
	}); err != nil {
		return nil, fmt.Errorf("list follow-ups: %w", err)
	}
	if err := s.withReports(ctx, out, `followup_id IN (SELECT id FROM followups`+where+`)`, args...); err != nil {
		return nil, err
	}
	return out, nil
}

// withReports reads the reports of the items where selects, in one query,
// and hands each to its item.
func (s FollowupStore) withReports(ctx context.Context, items []followup.Item, where string, args ...any) error {
	if len(items) == 0 {
		return nil
	}
	index := make(map[int64]int, len(items))
	for i, it := range items {
		index[it.ID] = i
	}
	rows, err := s.sql.QueryContext(ctx, `SELECT followup_id, id, at, who, text FROM followup_reports
		WHERE `+where+` ORDER BY followup_id, id`, args...)
	if err != nil {
		return fmt.Errorf("follow-up reports: %w", err)
	}
	return eachRow(rows, func(r scanner) error {
		var item, at int64
		var rep followup.Report
		if err := r.Scan(&item, &rep.ID, &at, &rep.By, &rep.Text); err != nil {
			return fmt.Errorf("follow-up reports: %w", err)
		}
		rep.At = fromUnix(at)
		if i, ok := index[item]; ok {
			items[i].Reports = append(items[i].Reports, rep)
		}
		return nil
	})
}

// AddReport adds a progress report to an item and sets r.ID.
func (s FollowupStore) AddReport(ctx context.Context, itemID int64, r *followup.Report) error {
	res, err := s.sql.ExecContext(ctx, `INSERT INTO followup_reports (followup_id, at, who, text) VALUES (?, ?, ?, ?)`,
		itemID, unixSeconds(r.At), r.By, r.Text)
	if isForeignKey(err) {
		return fmt.Errorf("follow-up %d: %w", itemID, calendar.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("follow-up %d: report: %w", itemID, err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("follow-up %d: report: %w", itemID, err)
	}
	return nil
}

// AddFollowupAudit adds a line to the trail of minutes or an item.
func (s FollowupStore) AddFollowupAudit(ctx context.Context, e *followup.AuditEntry) error {
	res, err := s.sql.ExecContext(ctx, `INSERT INTO followup_audit (minutes_id, followup_id, at, who, from_state, to_state, note)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, nullID(e.Subject.Minutes), nullID(e.Subject.Item), unixSeconds(e.At),
		e.Who, e.From, e.To, e.Note)
	if isForeignKey(err) {
		return fmt.Errorf("audit %+v: %w", e.Subject, calendar.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("audit %+v: %w", e.Subject, err)
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("audit %+v: %w", e.Subject, err)
	}
	return nil
}

// FollowupAudit returns the trail of minutes or an item, oldest first.
func (s FollowupStore) FollowupAudit(ctx context.Context, subj followup.Subject) ([]followup.AuditEntry, error) {
	rows, err := s.sql.QueryContext(ctx, `SELECT id, at, who, from_state, to_state, note FROM followup_audit
		WHERE minutes_id IS ? AND followup_id IS ? ORDER BY id`, nullID(subj.Minutes), nullID(subj.Item))
	if err != nil {
		return nil, fmt.Errorf("audit trail of %+v: %w", subj, err)
	}
	var out []followup.AuditEntry
	err = eachRow(rows, func(r scanner) error {
		e := followup.AuditEntry{Subject: subj}
		var at int64
		if err := r.Scan(&e.ID, &at, &e.Who, &e.From, &e.To, &e.Note); err != nil {
			return err
		}
		e.At = fromUnix(at)
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("audit trail of %+v: %w", subj, err)
	}
	return out, nil
}
