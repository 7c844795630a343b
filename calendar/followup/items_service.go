package followup

import (
	"context"
	"fmt"
	"strings"

	"anteroom/calendar"
)

// AddItem puts a matter on the follow-up board: a decision of signed or
// issued minutes, the leader's instructions on materials, or a matter
// handed down directly. It takes its leader and title from its source,
// and is confidential when its meeting is.
func (s *Service) AddItem(ctx context.Context, n NewItem, who string) (Item, error) {
	if err := checkWho(who); err != nil {
		return Item{}, err
	}
	it := Item{LeaderID: n.LeaderID, Text: strings.TrimSpace(n.Text), Source: Source{Kind: n.Source.Kind},
		Unit: strings.TrimSpace(n.Unit), Person: strings.TrimSpace(n.Person), Due: n.Due,
		Priority: n.Priority, State: StateOpen, Confidential: n.Confidential}
	if it.Priority == "" {
		it.Priority = PriorityNormal
	}
	if err := s.fillSource(ctx, &it, n.Source); err != nil {
		return Item{}, err
	}
	if err := validItem(it); err != nil {
		return Item{}, err
	}
	err := s.inTx(ctx, func(st Store) error {
		if it.Source.Kind == FromMinutes { // the minutes may have moved since they were read
			m, err := st.Minutes(ctx, it.Source.MinutesID)
			if err != nil {
				return err
			}
			if m.State != MinutesSigned && m.State != MinutesIssued {
				return &MoveError{Subject: m.Subject(), State: string(m.State), Move: MoveFollowUp}
			}
		}
		it.Created, it.Updated = s.stamp(), s.stamp()
		if err := st.AddItem(ctx, &it); err != nil {
			return err
		}
		return s.audit(ctx, st, it.Subject(), who, "", string(StateOpen), sourceNote(it.Source))
	})
	return it, err
}

// fillSource checks where an item comes from and copies what it needs:
// the leader, the title, the decision's text when the item has none, and
// whether it is confidential.
func (s *Service) fillSource(ctx context.Context, it *Item, src Source) error {
	switch src.Kind {
	case FromMinutes:
		m, err := s.store.Minutes(ctx, src.MinutesID)
		if err != nil {
			return err
		}
		if m.State != MinutesSigned && m.State != MinutesIssued {
			return &MoveError{Subject: m.Subject(), State: string(m.State), Move: MoveFollowUp}
		}
		d, ok := m.Decision(src.Decision)
		if !ok {
			return invalid("minutes.no_decision", map[string]any{"ID": m.ID, "N": src.Decision})
		}
		it.Source.MinutesID, it.Source.Decision, it.Source.Title = m.ID, d.N, m.Meeting.Title
		it.LeaderID = m.Meeting.LeaderID
		it.Confidential = it.Confidential || m.Meeting.Confidential()
		if it.Text == "" {
			it.Text = d.Text
		}
	case FromMaterials:
		mat, err := s.desk.Material(ctx, src.MaterialID)
		if err != nil {
			return err
		}
		if strings.TrimSpace(mat.Instructions) == "" {
			return invalid("followup.no_instructions", map[string]any{"ID": mat.ID})
		}
		it.Source.MaterialID, it.Source.Title = mat.ID, mat.Title
		it.LeaderID = mat.LeaderID
		if it.Text == "" {
			it.Text = mat.Instructions
		}
	case FromDirect:
		if it.LeaderID == 0 {
			return invalid("followup.leader_required", nil)
		}
	default:
		return invalid("followup.source_required", nil)
	}
	return nil
}

// validItem checks what every item needs: a text, a unit, a due date and a
// known priority.
func validItem(it Item) error {
	switch {
	case it.Text == "":
		return invalid("followup.text_required", nil)
	case it.Unit == "":
		return invalid("followup.unit_required", nil)
	case it.Due.IsZero():
		return invalid("followup.due_required", nil)
	}
	switch it.Priority {
	case PriorityUrgent, PriorityImportant, PriorityNormal:
	default:
		return invalid("followup.bad_priority", map[string]any{"Priority": string(it.Priority)})
	}
	return tooLong(it.Text, it.Unit, it.Person)
}

// sourceNote says where an item came from, for its trail.
func sourceNote(src Source) string {
	switch src.Kind {
	case FromMinutes:
		return fmt.Sprintf("minutes:%d/%d %s", src.MinutesID, src.Decision, src.Title)
	case FromMaterials:
		return fmt.Sprintf("materials:%d %s", src.MaterialID, src.Title)
	}
	return string(src.Kind)
}

// ParsePriority reads a priority as typed; empty is normal.
func ParsePriority(s string) (Priority, error) {
	p := Priority(strings.TrimSpace(s))
	if p == "" {
		return PriorityNormal, nil
	}
	for _, q := range Priorities {
		if p == q {
			return p, nil
		}
	}
	return "", invalid("followup.bad_priority", map[string]any{"Priority": s})
}

// Item returns a follow-up item with its progress reports.
func (s *Service) Item(ctx context.Context, id int64) (Item, error) { return s.store.Item(ctx, id) }

// Items returns the items f selects, most pressing first: overdue, then by
// due date and priority. Overdue is read on f.Today.
func (s *Service) Items(ctx context.Context, f Filter) ([]Item, error) {
	f.Unit, f.Text = strings.TrimSpace(f.Unit), strings.TrimSpace(f.Text)
	return s.store.Items(ctx, f)
}

// Counts is what the board's header says: items not closed, and of them
// overdue.
type Counts struct{ Open, Overdue int }

// Count returns the header's counts for a leader (all leaders when 0) on
// day today.
func (s *Service) Count(ctx context.Context, leaderID int64, today calendar.Date) (Counts, error) {
	return s.store.CountItems(ctx, leaderID, today)
}

// ReportProgress logs a progress report on an item, made by by (who
// records it when empty); an open item is in progress from then on. A
// closed item takes no more reports.
func (s *Service) ReportProgress(ctx context.Context, id int64, text, by, who string) (Item, error) {
	text, by = strings.TrimSpace(text), strings.TrimSpace(by)
	if by == "" {
		by = who
	}
	if text == "" {
		return Item{}, invalid("followup.report_required", nil)
	}
	if err := tooLong(text); err != nil {
		return Item{}, err
	}
	return s.moveItem(ctx, id, who, MoveReport, text, func(st Store, it *Item) (State, error) {
		if it.State == StateClosed {
			return "", &MoveError{Subject: it.Subject(), State: string(it.State), Move: MoveReport}
		}
		r := Report{At: s.stamp(), By: by, Text: text}
		if err := st.AddReport(ctx, it.ID, &r); err != nil {
			return "", err
		}
		it.Reports = append(it.Reports, r)
		if it.State == StateOpen {
			return StateInProgress, nil
		}
		return it.State, nil
	})
}

// Feedback records that an item's outcome was reported back to the
// leader (反馈). Something must have been reported first.
func (s *Service) Feedback(ctx context.Context, id int64, who string) (Item, error) {
	return s.moveItem(ctx, id, who, MoveFeedback, "", func(_ Store, it *Item) (State, error) {
		if it.State != StateInProgress {
			return "", &MoveError{Subject: it.Subject(), State: string(it.State), Move: MoveFeedback}
		}
		return StateReported, nil
	})
}

// Close closes an item that was reported back; with force, one in any
// state but closed, for a reason that the trail keeps.
func (s *Service) Close(ctx context.Context, id int64, force bool, reason, who string) (Item, error) {
	reason = strings.TrimSpace(reason)
	if force && reason == "" {
		return Item{}, invalid("followup.reason_required", nil)
	}
	return s.moveItem(ctx, id, who, MoveClose, reason, func(_ Store, it *Item) (State, error) {
		if it.State == StateClosed || (it.State != StateReported && !force) {
			return "", &MoveError{Subject: it.Subject(), State: string(it.State), Move: MoveClose}
		}
		if it.State != StateReported {
			it.CloseReason = reason
		}
		it.Closed = s.stamp()
		return StateClosed, nil
	})
}

// moveItem reads an item in a write transaction, lets step change it and
// say its next state, stores it and writes the trail.
func (s *Service) moveItem(ctx context.Context, id int64, who string, move Move, note string, step func(Store, *Item) (State, error)) (Item, error) {
	if err := checkWho(who); err != nil {
		return Item{}, err
	}
	var out Item
	err := s.inTx(ctx, func(st Store) error {
		it, err := st.Item(ctx, id)
		if err != nil {
			return err
		}
		from := it.State
		to, err := step(st, &it)
		if err != nil {
			return err
		}
		it.State, it.Updated = to, s.stamp()
		if err := st.UpdateItem(ctx, it); err != nil {
			return err
		}
		out = it
		return s.audit(ctx, st, it.Subject(), who, string(from), string(to), note)
	})
	return out, err
}

// DueBetween returns the items not closed that fall due in [from, to] or
// are overdue on today: the Friday review's list and the reminders'.
func (s *Service) DueBetween(ctx context.Context, leaderID int64, from, to, today calendar.Date) ([]Item, error) {
	return s.store.DueItems(ctx, leaderID, from, to, today)
}
