package desk

import (
	"context"
	"errors"
	"strings"
	"time"

	"anteroom/calendar"
)

// Presentation gaps: how long presenting materials takes, and how far
// ahead gaps are looked for.
const (
	PresentLength  = 15 * time.Minute
	presentHorizon = 14 * 24 * time.Hour
)

// AddMaterial records materials expected by hand, not from a declined visit.
func (s *Service) AddMaterial(ctx context.Context, m *Material, who string) error {
	if err := CheckWho(who); err != nil {
		return err
	}
	if err := m.Validate(); err != nil {
		return err
	}
	if err := s.leaderExists(ctx, m.LeaderID); err != nil {
		return err
	}
	m.VisitID = 0
	return s.InTx(ctx, func(tx *Service) error { return tx.createMaterial(ctx, m, who) })
}

// createMaterial stores m as expected and starts its trail.
func (s *Service) createMaterial(ctx context.Context, m *Material, who string) error {
	if err := m.Validate(); err != nil {
		return err
	}
	now := s.Stamp()
	m.State, m.Created, m.Updated = MaterialExpected, now, now
	if err := s.store.CreateMaterial(ctx, m); err != nil {
		return err
	}
	return s.audit(ctx, m.Subject(), who, "", string(MaterialExpected), "")
}

// Material returns one set of materials with its files.
func (s *Service) Material(ctx context.Context, id int64) (Material, error) {
	return s.store.Material(ctx, id)
}

// Materials returns the leader's materials in state, all when state is
// empty, those due soonest first.
func (s *Service) Materials(ctx context.Context, leaderID int64, state MaterialState) ([]Material, error) {
	if state != "" && !state.Valid() {
		return nil, &calendar.ValidationError{Problems: []calendar.Problem{calendar.NewProblem("state", "validation.state_unknown", "unknown state {{.Value}}", map[string]any{"Value": string(state)})}}
	}
	return s.store.Materials(ctx, leaderID, state)
}

// ReceiveMaterial records expected materials as handed in: when, to whom
// (who records it, when rc.By is empty), how many copies and pages, and
// their files, copied into the FileStore.
func (s *Service) ReceiveMaterial(ctx context.Context, id int64, rc Receipt, who string) error {
	if err := CheckWho(who); err != nil {
		return err
	}
	if rc.Copies < 0 || rc.Pages < 0 {
		return &calendar.ValidationError{Problems: []calendar.Problem{calendar.NewProblem("copies", "validation.count_negative", "copies and pages cannot be negative", nil)}}
	}
	if ps := TooLong(rc.By); ps != nil {
		return &calendar.ValidationError{Problems: ps}
	}
	atts, err := s.putFiles(ctx, rc.Files)
	if err != nil {
		return err
	}
	err = s.MoveMaterial(ctx, id, MoveReceive, who, fileNote(atts), func(tx *Service, m *Material) error {
		m.Received = orNow(rc.At, tx.Stamp())
		m.ReceivedBy = strings.TrimSpace(rc.By)
		if m.ReceivedBy == "" {
			m.ReceivedBy = who
		}
		m.Copies, m.Pages = rc.Copies, rc.Pages
		if err := tx.attach(ctx, m.Subject(), atts); err != nil {
			return err
		}
		m.Files = append(m.Files, atts...)
		return nil
	})
	if err != nil {
		return errors.Join(err, s.releaseFiles(ctx, atts))
	}
	return nil
}

// PresentationGaps returns the leader's next n free gaps in the coming two
// weeks, each as its first PresentLength: when materials can be put
// before the leader. A free hour is one gap, not four.
func (s *Service) PresentationGaps(ctx context.Context, leaderID int64, n int) ([]calendar.Slot, error) {
	leader, err := s.store.Leader(ctx, leaderID)
	if err != nil {
		return nil, err
	}
	now := s.book.Now()
	slots, err := s.book.FreeSlots(ctx, leader, calendar.KindMeeting, PresentLength, now, now.Add(presentHorizon), calendar.MaxSlots)
	if err != nil {
		return nil, err
	}
	var gaps []calendar.Slot
	for i, sl := range slots {
		if i > 0 && sl.Start.Equal(slots[i-1].End) {
			continue // the same gap goes on
		}
		if gaps = append(gaps, sl); len(gaps) == n {
			break
		}
	}
	return gaps, nil
}

// InstructMaterial records the leader's instructions (批示) on presented materials.
func (s *Service) InstructMaterial(ctx context.Context, id int64, text, who string) error {
	if err := required("text", "validation.instructions_required", "write down the leader's instructions", text); err != nil {
		return err
	}
	if err := CheckWho(who); err != nil {
		return err
	}
	text = strings.TrimSpace(text)
	return s.MoveMaterial(ctx, id, MoveInstruct, who, text, func(tx *Service, m *Material) error {
		m.Instructions, m.Instructed = text, tx.Stamp()
		return nil
	})
}

// ArchiveMaterial files materials whose instructions are recorded.
func (s *Service) ArchiveMaterial(ctx context.Context, id int64, who string) error {
	if err := CheckWho(who); err != nil {
		return err
	}
	return s.MoveMaterial(ctx, id, MoveArchive, who, "", func(tx *Service, m *Material) error {
		m.Archived = tx.Stamp()
		return nil
	})
}

// MoveMaterial takes move on the materials in one transaction: it refuses
// a move the state does not allow, lets change fill in the move's facts,
// stores them and writes the trail.
func (s *Service) MoveMaterial(ctx context.Context, id int64, move MaterialMove, who, note string, change func(tx *Service, m *Material) error) error {
	return s.InTx(ctx, func(tx *Service) error {
		m, err := tx.store.Material(ctx, id)
		if err != nil {
			return err
		}
		to, err := materialMove(m, move)
		if err != nil {
			return err
		}
		from := m.State
		if err := change(tx, &m); err != nil {
			return err
		}
		m.State, m.Updated = to, tx.Stamp()
		if err := tx.store.UpdateMaterial(ctx, &m); err != nil {
			return err
		}
		return tx.audit(ctx, m.Subject(), who, string(from), string(to), note)
	})
}

// DeleteMaterial removes materials with their trail and the files only
// they used.
func (s *Service) DeleteMaterial(ctx context.Context, id int64) error {
	var files []Attachment
	err := s.InTx(ctx, func(tx *Service) error {
		m, err := tx.store.Material(ctx, id)
		if err != nil {
			return err
		}
		files = m.Files
		return tx.store.DeleteMaterial(ctx, id)
	})
	if err != nil {
		return err
	}
	return s.releaseFiles(ctx, files)
}

// orNow returns t in UTC to the second, or now when t is zero.
func orNow(t, now time.Time) time.Time {
	if t.IsZero() {
		return now
	}
	return t.UTC().Truncate(time.Second)
}
