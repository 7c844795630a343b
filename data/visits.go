package data

import (
	"context"
	"database/sql"
	"fmt"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

var _ desk.Store = DeskStore{}

const visitColumns = `v.id, v.leader_id, v.org_id, o.name, v.phone, v.referred_by, v.purpose, v.visitors,
	v.state, v.engagement_id, v.decline_reason, v.decided, v.decided_by, v.created, v.updated`

const visitFrom = ` FROM visit_requests v JOIN organisations o ON o.id = v.org_id`

func scanVisit(s scanner) (desk.VisitRequest, error) {
	var (
		r                desk.VisitRequest
		state            string
		engagement       sql.NullInt64
		decided          sql.NullInt64
		created, updated int64
	)
	err := s.Scan(&r.ID, &r.LeaderID, &r.OrgID, &r.Org, &r.Phone, &r.ReferredBy, &r.Purpose, &r.Visitors,
		&state, &engagement, &r.DeclineReason, &decided, &r.DecidedBy, &created, &updated)
	if err != nil {
		return desk.VisitRequest{}, err
	}
	r.State = desk.VisitState(state)
	r.EngagementID = engagement.Int64
	r.Decided = nullTime(decided)
	r.Created, r.Updated = fromUnix(created), fromUnix(updated)
	return r, nil
}

// VisitRequest returns the request with id, its people, preferred times
// and files; calendar.ErrNotFound when there is none.
func (db DeskStore) VisitRequest(ctx context.Context, id int64) (desk.VisitRequest, error) {
	r, err := scanVisit(db.sql.QueryRowContext(ctx, `SELECT `+visitColumns+visitFrom+` WHERE v.id = ?`, id))
	if err != nil {
		return desk.VisitRequest{}, rowErr(err, "visit request", id)
	}
	rs := []desk.VisitRequest{r}
	if err := db.visitDetails(ctx, rs, `= :id`, sql.Named("id", id)); err != nil {
		return desk.VisitRequest{}, fmt.Errorf("visit request %d: %w", id, err)
	}
	return rs[0], nil
}

// VisitRequests returns the leader's requests in state (every state when
// empty), newest first, each with its people, times and files.
func (db DeskStore) VisitRequests(ctx context.Context, leaderID int64, state desk.VisitState) ([]desk.VisitRequest, error) {
	args := []any{sql.Named("leader", leaderID), sql.Named("state", string(state))}
	const where = ` WHERE v.leader_id = :leader AND (:state = '' OR v.state = :state)`
	rows, err := db.sql.QueryContext(ctx, `SELECT `+visitColumns+visitFrom+where+` ORDER BY v.created DESC, v.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("visit requests of leader %d: %w", leaderID, err)
	}
	var out []desk.VisitRequest
	err = eachRow(rows, func(s scanner) error {
		r, err := scanVisit(s)
		out = append(out, r)
		return err
	})
	if err == nil && len(out) > 0 {
		err = db.visitDetails(ctx, out, `IN (SELECT v.id FROM visit_requests v`+where+`)`, args...)
	}
	if err != nil {
		return nil, fmt.Errorf("visit requests of leader %d: %w", leaderID, err)
	}
	return out, nil
}

// visitDetails reads the people, preferred times and files of the
// requests rs, whose IDs the condition in (e.g. "= :id") selects: three
// queries however many requests there are.
func (db *DB) visitDetails(ctx context.Context, rs []desk.VisitRequest, in string, args ...any) error {
	byID := make(map[int64]*desk.VisitRequest, len(rs))
	for i := range rs {
		byID[rs[i].ID] = &rs[i]
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT visit_id, person_id, name, title, phone
		FROM visit_people WHERE visit_id `+in+` ORDER BY visit_id, position`, args...)
	if err != nil {
		return err
	}
	err = eachRow(rows, func(s scanner) error {
		var id int64
		var person sql.NullInt64
		var p desk.Visitor
		if err := s.Scan(&id, &person, &p.Name, &p.Title, &p.Phone); err != nil {
			return err
		}
		p.PersonID = person.Int64
		if r := byID[id]; r != nil {
			r.People = append(r.People, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	rows, err = db.sql.QueryContext(ctx, `SELECT visit_id, start_utc, end_utc
		FROM visit_windows WHERE visit_id `+in+` ORDER BY visit_id, start_utc, end_utc`, args...)
	if err != nil {
		return err
	}
	err = eachRow(rows, func(s scanner) error {
		var id, start, end int64
		if err := s.Scan(&id, &start, &end); err != nil {
			return err
		}
		if r := byID[id]; r != nil {
			r.Windows = append(r.Windows, desk.TimeWindow{Start: fromUnix(start), End: fromUnix(end)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	return db.eachAttachment(ctx, `visit_id `+in, args, func(id int64, a desk.Attachment) {
		if r := byID[id]; r != nil {
			r.Files = append(r.Files, a)
		}
	})
}

// CreateVisitRequest stores r with its people and preferred times and sets
// r.ID. An unknown leader or organisation is calendar.ErrNotFound.
func (db DeskStore) CreateVisitRequest(ctx context.Context, r *desk.VisitRequest) error {
	res, err := db.sql.ExecContext(ctx, `INSERT INTO visit_requests (
		leader_id, org_id, phone, referred_by, purpose, visitors,
		state, engagement_id, decline_reason, decided, decided_by, created, updated
	) VALUES (
		:leader_id, :org_id, :phone, :referred_by, :purpose, :visitors,
		:state, :engagement_id, :decline_reason, :decided, :decided_by, :created, :updated
	)`, visitArgs(r)...)
	if err != nil {
		return visitWriteErr("create", r, err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return visitWriteErr("create", r, err)
	}
	for i, p := range r.People {
		_, err := db.sql.ExecContext(ctx, `INSERT INTO visit_people (visit_id, position, person_id, name, title, phone)
			VALUES (?, ?, ?, ?, ?, ?)`, r.ID, i, nullID(p.PersonID), p.Name, p.Title, p.Phone)
		if err != nil {
			return visitWriteErr("create", r, fmt.Errorf("person %q: %w", p.Name, err))
		}
	}
	for _, w := range r.Windows {
		_, err := db.sql.ExecContext(ctx, `INSERT INTO visit_windows (visit_id, start_utc, end_utc) VALUES (?, ?, ?)
			ON CONFLICT DO NOTHING`, r.ID, unixSeconds(w.Start), unixSeconds(w.End))
		if err != nil {
			return visitWriteErr("create", r, fmt.Errorf("preferred time: %w", err))
		}
	}
	return nil
}

// UpdateVisitRequest stores r's state, decision and engagement; who asks
// and why do not change once requested.
func (db DeskStore) UpdateVisitRequest(ctx context.Context, r *desk.VisitRequest) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE visit_requests SET
		state = :state, engagement_id = :engagement_id, decline_reason = :decline_reason,
		decided = :decided, decided_by = :decided_by, updated = :updated
	WHERE id = :id`, visitArgs(r)...)
	if err != nil {
		return visitWriteErr("update", r, err)
	}
	return oneRow(res, "update visit request", r.ID)
}

// DeleteVisitRequest removes the request; its people, times, files and
// trail go with it, and materials it led to forget it.
func (db DeskStore) DeleteVisitRequest(ctx context.Context, id int64) error {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM visit_requests WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete visit request %d: %w", id, err)
	}
	return oneRow(res, "delete visit request", id)
}

func visitArgs(r *desk.VisitRequest) []any {
	return []any{
		sql.Named("id", r.ID),
		sql.Named("leader_id", r.LeaderID),
		sql.Named("org_id", r.OrgID),
		sql.Named("phone", r.Phone),
		sql.Named("referred_by", r.ReferredBy),
		sql.Named("purpose", r.Purpose),
		sql.Named("visitors", r.Visitors),
		sql.Named("state", string(r.State)),
		sql.Named("engagement_id", nullID(r.EngagementID)),
		sql.Named("decline_reason", r.DeclineReason),
		sql.Named("decided", nullUnix(r.Decided)),
		sql.Named("decided_by", r.DecidedBy),
		sql.Named("created", unixSeconds(r.Created)),
		sql.Named("updated", unixSeconds(r.Updated)),
	}
}

// visitWriteErr explains a failed write of r in the domain's terms.
func visitWriteErr(op string, r *desk.VisitRequest, err error) error {
	if isForeignKey(err) {
		return fmt.Errorf("%s visit request %d: leader %d, organisation %d or engagement %d: %w",
			op, r.ID, r.LeaderID, r.OrgID, r.EngagementID, calendar.ErrNotFound)
	}
	return fmt.Errorf("%s visit request %d: %w", op, r.ID, err)
}
