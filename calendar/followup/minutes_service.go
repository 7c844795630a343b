package followup

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"anteroom/calendar"
)

// meeting reads the engagement (the occurrence at recurrence of a series,
// when recurrence is not zero) whose minutes are written.
func (s *Service) meeting(ctx context.Context, engagementID int64, recurrence time.Time) (calendar.Engagement, error) {
	e, err := s.book.Engagement(ctx, engagementID)
	if err != nil || recurrence.IsZero() {
		return e, err
	}
	leader, err := s.book.Leader(ctx, e.LeaderID)
	if err != nil {
		return calendar.Engagement{}, err
	}
	loc, err := leader.Location()
	if err != nil {
		return calendar.Engagement{}, err
	}
	occs, err := s.book.Occurrences(ctx, e.LeaderID, loc, recurrence.Add(-24*time.Hour), recurrence.Add(24*time.Hour))
	if err != nil {
		return calendar.Engagement{}, err
	}
	for _, o := range occs {
		if o.SeriesID == e.ID && o.RecurrenceID.Equal(recurrence) {
			return o, nil
		}
	}
	return calendar.Engagement{}, fmt.Errorf("engagement %d on %s: %w", engagementID, recurrence.UTC().Format(time.RFC3339), calendar.ErrNotFound)
}

// meetingOf copies an engagement's particulars into the minutes' record.
func meetingOf(e calendar.Engagement, id int64) Meeting {
	return Meeting{EngagementID: id, UID: e.UID, RecurrenceID: e.RecurrenceID, LeaderID: e.LeaderID,
		Title: e.Title, Location: e.Location, Organiser: e.Organiser, Start: e.Start, End: e.End,
		ZoneName: e.ZoneName, Classification: e.Classification}
}

// EditMinutes writes draft minutes of a meeting: it creates them, with the
// meeting's leader as chair and attendee, when the meeting has none, and
// applies d to them. Only a meeting that has started can have minutes,
// and only draft minutes can be edited.
func (s *Service) EditMinutes(ctx context.Context, engagementID int64, recurrence time.Time, d Draft, who string) (Minutes, error) {
	if err := checkWho(who); err != nil {
		return Minutes{}, err
	}
	e, err := s.meeting(ctx, engagementID, recurrence)
	if err != nil {
		return Minutes{}, err
	}
	if e.Kind == calendar.KindBlocked {
		return Minutes{}, invalid("minutes.not_meeting", map[string]any{"ID": engagementID})
	}
	if !e.Start.Before(s.Now()) {
		return Minutes{}, invalid("minutes.not_past", map[string]any{"ID": engagementID})
	}
	leader, err := s.book.Leader(ctx, e.LeaderID)
	if err != nil {
		return Minutes{}, err
	}
	var out Minutes
	// Inside the transaction only st may be used: it holds the one connection.
	err = s.inTx(ctx, func(st Store) error {
		m, err := st.MinutesOf(ctx, e.UID, recurrenceKey(recurrence))
		created := errors.Is(err, calendar.ErrNotFound)
		if err != nil && !created {
			return err
		}
		if created {
			m = Minutes{Meeting: meetingOf(e, engagementID), State: MinutesDraft, ChairedBy: leader.Name,
				Attendees: []string{leader.Name}, Created: s.stamp()}
		} else if m.State != MinutesDraft {
			return &MoveError{Subject: m.Subject(), State: string(m.State), Move: MoveEdit}
		}
		changed := applyDraft(&m, d)
		if err := tooLong(append(append([]string{m.ChairedBy, m.Text}, m.Attendees...), decisionTexts(m)...)...); err != nil {
			return err
		}
		m.Updated = s.stamp()
		if created {
			if err := st.AddMinutes(ctx, &m); err != nil {
				return err
			}
			out = m
			return s.audit(ctx, st, m.Subject(), who, "", string(MinutesDraft), strings.Join(changed, ", "))
		}
		if err := st.UpdateMinutes(ctx, m); err != nil {
			return err
		}
		out = m
		return s.audit(ctx, st, m.Subject(), who, string(MinutesDraft), string(MinutesDraft), strings.Join(changed, ", "))
	})
	if err != nil {
		return Minutes{}, err
	}
	return s.withLink(ctx, out), nil
}

// applyDraft applies d to m and names the parts it changed, for the trail:
// codes that EditNote puts in the reader's language.
func applyDraft(m *Minutes, d Draft) []string {
	var changed []string
	if d.ChairedBy != nil {
		m.ChairedBy = strings.TrimSpace(*d.ChairedBy)
		changed = append(changed, "chaired_by")
	}
	if d.Attendees != nil {
		m.Attendees = cleanList(d.Attendees)
		changed = append(changed, "attendees")
	}
	if d.Decisions != nil {
		m.Decisions = nil
		for i, t := range cleanList(d.Decisions) {
			m.Decisions = append(m.Decisions, Decision{N: i + 1, Text: t})
		}
		changed = append(changed, fmt.Sprintf("decisions:%d", len(m.Decisions)))
	}
	if d.Text != nil {
		m.Text = strings.TrimSpace(*d.Text)
		changed = append(changed, "text")
	}
	return changed
}

func decisionTexts(m Minutes) []string {
	out := make([]string, len(m.Decisions))
	for i, d := range m.Decisions {
		out[i] = d.Text
	}
	return out
}

// Minutes returns minutes by id, saying whether their meeting is gone or
// cancelled.
func (s *Service) Minutes(ctx context.Context, id int64) (Minutes, error) {
	m, err := s.store.Minutes(ctx, id)
	if err != nil {
		return Minutes{}, err
	}
	return s.withLink(ctx, m), nil
}

// MinutesOf returns the minutes of a meeting (an occurrence when
// recurrence is not zero), or calendar.ErrNotFound.
func (s *Service) MinutesOf(ctx context.Context, e calendar.Engagement) (Minutes, error) {
	m, err := s.store.MinutesOf(ctx, e.UID, recurrenceKey(e.RecurrenceID))
	if err != nil {
		return Minutes{}, err
	}
	return s.withLink(ctx, m), nil
}

// ListMinutes returns the minutes of a leader's meetings (of all leaders
// when leaderID is 0), latest meeting first.
func (s *Service) ListMinutes(ctx context.Context, leaderID int64) ([]Minutes, error) {
	ms, err := s.store.ListMinutes(ctx, leaderID)
	if err != nil {
		return nil, err
	}
	for i := range ms {
		ms[i] = s.withLink(ctx, ms[i])
	}
	return ms, nil
}

// withLink says whether the minutes' meeting was deleted or cancelled. The
// engagement's ID may have been taken by another since, so the UID decides.
func (s *Service) withLink(ctx context.Context, m Minutes) Minutes {
	e, err := s.book.Engagement(ctx, m.Meeting.EngagementID)
	switch {
	case err != nil || e.UID != m.Meeting.UID:
		m.Meeting.Gone = true
	case m.Meeting.RecurrenceID.IsZero():
		m.Meeting.Cancelled = e.Cancelled()
	default:
		occ, err := s.meeting(ctx, m.Meeting.EngagementID, m.Meeting.RecurrenceID)
		m.Meeting.Gone = err != nil
		m.Meeting.Cancelled = err == nil && occ.Cancelled()
	}
	return m
}

// SubmitMinutes hands draft minutes up for sign-off.
func (s *Service) SubmitMinutes(ctx context.Context, id int64, who string) (Minutes, error) {
	return s.moveMinutes(ctx, id, who, MoveSubmit, MinutesDraft, MinutesSubmitted, "", func(*Minutes) error { return nil })
}

// SignMinutes records that by signed submitted minutes.
func (s *Service) SignMinutes(ctx context.Context, id int64, by, who string) (Minutes, error) {
	by = strings.TrimSpace(by)
	if by == "" {
		return Minutes{}, invalid("minutes.signer_required", nil)
	}
	return s.moveMinutes(ctx, id, who, MoveSign, MinutesSubmitted, MinutesSigned, by, func(m *Minutes) error {
		m.SignedBy, m.SignedAt = by, s.stamp()
		return nil
	})
}

// IssueMinutes records signed minutes as issued under number on day on,
// to the units to.
func (s *Service) IssueMinutes(ctx context.Context, id int64, number string, on calendar.Date, to []string, who string) (Minutes, error) {
	number = strings.TrimSpace(number)
	if number == "" {
		return Minutes{}, invalid("minutes.number_required", nil)
	}
	to = cleanList(to)
	note := number
	if len(to) > 0 {
		note += " → " + strings.Join(to, "、")
	}
	return s.moveMinutes(ctx, id, who, MoveIssue, MinutesSigned, MinutesIssued, note, func(m *Minutes) error {
		m.DocNumber, m.IssuedOn, m.IssuedTo = number, on, to
		return tooLong(append([]string{number}, to...)...)
	})
}

// moveMinutes moves minutes from state from to state to, refusing in any
// other state, and writes the trail.
func (s *Service) moveMinutes(ctx context.Context, id int64, who string, move Move, from, to MinutesState, note string, apply func(*Minutes) error) (Minutes, error) {
	if err := checkWho(who); err != nil {
		return Minutes{}, err
	}
	var out Minutes
	err := s.inTx(ctx, func(st Store) error {
		m, err := st.Minutes(ctx, id)
		if err != nil {
			return err
		}
		if m.State != from {
			return &MoveError{Subject: m.Subject(), State: string(m.State), Move: move}
		}
		if err := apply(&m); err != nil {
			return err
		}
		m.State, m.Updated = to, s.stamp()
		if err := st.UpdateMinutes(ctx, m); err != nil {
			return err
		}
		out = m
		return s.audit(ctx, st, m.Subject(), who, string(from), string(to), note)
	})
	if err != nil {
		return Minutes{}, err
	}
	return s.withLink(ctx, out), nil
}

// recurrenceKey is how the store names an occurrence: its start in Unix
// seconds, 0 for a single meeting.
func recurrenceKey(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// EditNote puts the note of an edit of draft minutes (the parts changed,
// as codes: "decisions:2, text") in the reader's language; another note
// is returned as it is.
func EditNote(note string, tr Translator) string {
	parts := strings.Split(note, ", ")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		code, n, _ := strings.Cut(p, ":")
		key := minutesKeys + "edited." + code
		english, ok := english[key]
		if !ok {
			return note
		}
		out = append(out, tr(key, english, map[string]any{"N": n}))
	}
	return strings.Join(out, tr(minutesKeys+"edited.sep", ", "))
}
