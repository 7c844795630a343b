package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// The table's CHECK on state predates "scheduled", and SQLite changes a
// CHECK only by rebuilding the table, which would cascade to the files and
// the trail. Materials scheduled for presenting are therefore stored as
// received with the slot's engagement; materialState reads them back.
const materialState = `CASE WHEN state = 'received' AND engagement_id IS NOT NULL THEN 'scheduled' ELSE state END`

// storedState is the state column's value for s.
func storedState(s desk.MaterialState) string {
	if s == desk.MaterialScheduled {
		return string(desk.MaterialReceived)
	}
	return string(s)
}

const materialColumns = `id, leader_id, visit_id, title, from_whom, due, ` + materialState + `,
	received, received_by, copies, pages, presented, engagement_id,
	instructions, instructed, archived, created, updated,
	(SELECT start_utc FROM engagements WHERE engagements.id = materials.engagement_id),
	(SELECT end_utc FROM engagements WHERE engagements.id = materials.engagement_id)`

func scanMaterial(s scanner) (desk.Material, error) {
	var (
		m                                        desk.Material
		state                                    string
		visit, engagement                        sql.NullInt64
		due                                      sql.NullString
		received, presented, instructed, archive sql.NullInt64
		created, updated                         int64
		slotStart, slotEnd                       sql.NullInt64
	)
	err := s.Scan(&m.ID, &m.LeaderID, &visit, &m.Title, &m.From, &due, &state,
		&received, &m.ReceivedBy, &m.Copies, &m.Pages, &presented, &engagement,
		&m.Instructions, &instructed, &archive, &created, &updated, &slotStart, &slotEnd)
	if err != nil {
		return desk.Material{}, err
	}
	if m.Due, err = dayFrom(due); err != nil {
		return desk.Material{}, fmt.Errorf("materials %d: due: %w", m.ID, err)
	}
	m.VisitID, m.EngagementID = visit.Int64, engagement.Int64
	m.State = desk.MaterialState(state)
	m.Received, m.Presented = nullTime(received), nullTime(presented)
	m.Instructed, m.Archived = nullTime(instructed), nullTime(archive)
	m.Created, m.Updated = fromUnix(created), fromUnix(updated)
	m.SlotStart, m.SlotEnd = nullTime(slotStart), nullTime(slotEnd)
	return m, nil
}

// Material returns the materials with id and their files;
// calendar.ErrNotFound when there are none.
func (db DeskStore) Material(ctx context.Context, id int64) (desk.Material, error) {
	m, err := scanMaterial(db.sql.QueryRowContext(ctx, `SELECT `+materialColumns+` FROM materials WHERE id = ?`, id))
	if err != nil {
		return desk.Material{}, rowErr(err, "materials", id)
	}
	if m.Files, err = db.Attachments(ctx, m.Subject()); err != nil {
		return desk.Material{}, err
	}
	return m, nil
}

// Materials returns the leader's materials in state (every state when
// empty) with their files: those due first first, undated ones last.
func (db DeskStore) Materials(ctx context.Context, leaderID int64, state desk.MaterialState) ([]desk.Material, error) {
	args := []any{sql.Named("leader", leaderID), sql.Named("state", string(state))}
	const where = ` WHERE leader_id = :leader AND (:state = '' OR ` + materialState + ` = :state)`
	rows, err := db.sql.QueryContext(ctx, `SELECT `+materialColumns+` FROM materials`+where+`
		ORDER BY due IS NULL, due, created, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("materials of leader %d: %w", leaderID, err)
	}
	var out []desk.Material
	err = eachRow(rows, func(s scanner) error {
		m, err := scanMaterial(s)
		out = append(out, m)
		return err
	})
	if err == nil && len(out) > 0 {
		byID := make(map[int64]*desk.Material, len(out))
		for i := range out {
			byID[out[i].ID] = &out[i]
		}
		err = db.eachAttachment(ctx, `material_id IN (SELECT id FROM materials`+where+`)`, args, func(id int64, a desk.Attachment) {
			if m := byID[id]; m != nil {
				m.Files = append(m.Files, a)
			}
		})
	}
	if err != nil {
		return nil, fmt.Errorf("materials of leader %d: %w", leaderID, err)
	}
	return out, nil
}

// CreateMaterial stores m and sets m.ID. An unknown leader or request is
// calendar.ErrNotFound.
func (db DeskStore) CreateMaterial(ctx context.Context, m *desk.Material) error {
	res, err := db.sql.ExecContext(ctx, `INSERT INTO materials (
		leader_id, visit_id, title, from_whom, due, state,
		received, received_by, copies, pages, presented, engagement_id,
		instructions, instructed, archived, created, updated
	) VALUES (
		:leader_id, :visit_id, :title, :from_whom, :due, :state,
		:received, :received_by, :copies, :pages, :presented, :engagement_id,
		:instructions, :instructed, :archived, :created, :updated
	)`, materialArgs(m)...)
	if err != nil {
		return materialWriteErr("create", m, err)
	}
	if m.ID, err = res.LastInsertId(); err != nil {
		return materialWriteErr("create", m, err)
	}
	return nil
}

// UpdateMaterial stores every field of m but its files and creation time.
func (db DeskStore) UpdateMaterial(ctx context.Context, m *desk.Material) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE materials SET
		leader_id = :leader_id, visit_id = :visit_id, title = :title, from_whom = :from_whom, due = :due,
		state = :state, received = :received, received_by = :received_by, copies = :copies, pages = :pages,
		presented = :presented, engagement_id = :engagement_id, instructions = :instructions,
		instructed = :instructed, archived = :archived, updated = :updated
	WHERE id = :id`, materialArgs(m)...)
	if err != nil {
		return materialWriteErr("update", m, err)
	}
	return oneRow(res, "update materials", m.ID)
}

// DeleteMaterial removes the materials; their files and trail go with them.
func (db DeskStore) DeleteMaterial(ctx context.Context, id int64) error {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM materials WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete materials %d: %w", id, err)
	}
	return oneRow(res, "delete materials", id)
}

func materialArgs(m *desk.Material) []any {
	return []any{
		sql.Named("id", m.ID),
		sql.Named("leader_id", m.LeaderID),
		sql.Named("visit_id", nullID(m.VisitID)),
		sql.Named("title", m.Title),
		sql.Named("from_whom", m.From),
		sql.Named("due", dayText(!m.Due.IsZero(), m.Due)),
		sql.Named("state", storedState(m.State)),
		sql.Named("received", nullUnix(m.Received)),
		sql.Named("received_by", m.ReceivedBy),
		sql.Named("copies", m.Copies),
		sql.Named("pages", m.Pages),
		sql.Named("presented", nullUnix(m.Presented)),
		sql.Named("engagement_id", nullID(m.EngagementID)),
		sql.Named("instructions", m.Instructions),
		sql.Named("instructed", nullUnix(m.Instructed)),
		sql.Named("archived", nullUnix(m.Archived)),
		sql.Named("created", unixSeconds(m.Created)),
		sql.Named("updated", unixSeconds(m.Updated)),
	}
}

// materialWriteErr explains a failed write of m in the domain's terms.
func materialWriteErr(op string, m *desk.Material, err error) error {
	if isForeignKey(err) {
		return fmt.Errorf("%s materials %d: leader %d, request %d or engagement %d: %w",
			op, m.ID, m.LeaderID, m.VisitID, m.EngagementID, calendar.ErrNotFound)
	}
	return fmt.Errorf("%s materials %d: %w", op, m.ID, err)
}

// nullUnix stores an instant that may not have happened yet: NULL when zero.
func nullUnix(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return unixSeconds(t)
}

// nullTime reads what nullUnix wrote.
func nullTime(s sql.NullInt64) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	return fromUnix(s.Int64)
}
