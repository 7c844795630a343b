package desk

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"anteroom/calendar"
)

// Visit request limits and defaults.
const (
	// DefaultMaterialsDue is how long a declined visitor has to hand in
	// briefing materials when no date is given.
	DefaultMaterialsDue = 7
	// visitSlotHorizon is where slots are searched for a request that
	// names no preferred time, or only past ones.
	visitSlotHorizon = 14 * 24 * time.Hour
)

// AddVisitRequest records a new request in state requested, with its
// files copied into the FileStore. Its organisation and people go into
// the directory, or are found there, so a repeat visitor is one pick.
func (s *Service) AddVisitRequest(ctx context.Context, r *VisitRequest, files []string, who string) error {
	if err := r.Validate(); err != nil {
		return err
	}
	if err := CheckWho(who); err != nil {
		return err
	}
	if err := s.leaderExists(ctx, r.LeaderID); err != nil {
		return err
	}
	slices.SortFunc(r.Windows, func(a, b TimeWindow) int { return a.Start.Compare(b.Start) })
	atts, err := s.putFiles(ctx, files)
	if err != nil {
		return err
	}
	err = s.InTx(ctx, func(tx *Service) error {
		now := tx.Stamp()
		org := Organisation{Name: r.Org, Created: now, Updated: now}
		if err := tx.store.SaveOrganisation(ctx, &org); err != nil {
			return err
		}
		r.OrgID = org.ID
		for i, v := range r.People {
			p := Person{OrgID: org.ID, Name: v.Name, Title: v.Title, Phone: v.Phone, Created: now, Updated: now}
			if err := tx.store.SavePerson(ctx, &p); err != nil {
				return err
			}
			r.People[i].PersonID = p.ID
		}
		r.State, r.EngagementID, r.DeclineReason = VisitRequested, 0, ""
		r.Decided, r.DecidedBy = time.Time{}, ""
		r.Created, r.Updated = now, now
		if err := tx.store.CreateVisitRequest(ctx, r); err != nil {
			return err
		}
		if err := tx.attach(ctx, r.Subject(), atts); err != nil {
			return err
		}
		return tx.audit(ctx, r.Subject(), who, "", string(VisitRequested), fileNote(atts))
	})
	if err != nil {
		r.ID, r.OrgID = 0, 0
		return errors.Join(err, s.releaseFiles(ctx, atts))
	}
	r.Files = atts
	return nil
}

// VisitRequest returns one request with its people, times and files.
func (s *Service) VisitRequest(ctx context.Context, id int64) (VisitRequest, error) {
	return s.store.VisitRequest(ctx, id)
}

// VisitRequests returns the leader's requests in state, all when state is
// empty, newest first.
func (s *Service) VisitRequests(ctx context.Context, leaderID int64, state VisitState) ([]VisitRequest, error) {
	if state != "" && !state.Valid() {
		return nil, &calendar.ValidationError{Problems: []calendar.Problem{calendar.NewProblem("state", "validation.state_unknown", "unknown state {{.Value}}", map[string]any{"Value": string(state)})}}
	}
	return s.store.VisitRequests(ctx, leaderID, state)
}

// BookVisit puts a requested visit on the leader's calendar at slot, as a
// visit engagement checked by the booking rules, and links the two. When
// a finding blocks it, it returns a *ConflictError with the findings and
// changes nothing; otherwise the findings are warnings.
func (s *Service) BookVisit(ctx context.Context, id int64, slot calendar.Slot, who string) ([]calendar.Finding, error) {
	return s.bookVisit(ctx, id, slot, "", who, false)
}

// BookVisitOverride is BookVisit over blocking findings: the override is
// recorded with its reason in the override log and the request's trail.
func (s *Service) BookVisitOverride(ctx context.Context, id int64, slot calendar.Slot, reason, who string) ([]calendar.Finding, error) {
	return s.bookVisit(ctx, id, slot, reason, who, true)
}

func (s *Service) bookVisit(ctx context.Context, id int64, slot calendar.Slot, reason, who string, override bool) ([]calendar.Finding, error) {
	if err := CheckWho(who); err != nil {
		return nil, err
	}
	var fs []calendar.Finding
	err := s.InTx(ctx, func(tx *Service) error {
		r, err := tx.store.VisitRequest(ctx, id)
		if err != nil {
			return err
		}
		to, err := VisitMoveTo(r, MoveBook)
		if err != nil {
			return err
		}
		leader, err := tx.store.Leader(ctx, r.LeaderID)
		if err != nil {
			return err
		}
		e := r.engagementFor(slot, leader.ZoneName)
		if override {
			fs, err = tx.book.SaveWithOverride(ctx, &e, reason, who)
		} else {
			fs, err = tx.book.SaveChecked(ctx, &e)
		}
		if err != nil {
			return err
		}
		note := ""
		if override && calendar.Blocking(fs) {
			note = reason
		}
		return tx.Decide(ctx, &r, to, who, note, func(r *VisitRequest) { r.EngagementID = e.ID })
	})
	return fs, err
}

// DeclineVisit turns a requested visit away for reason and expects its
// briefing materials by due (DefaultMaterialsDue days from today when
// zero), in one transaction. It returns the materials.
func (s *Service) DeclineVisit(ctx context.Context, id int64, reason string, due calendar.Date, who string) (Material, error) {
	if err := required("reason", "validation.decline_reason_required", "say why the visit is declined", reason); err != nil {
		return Material{}, err
	}
	if err := CheckWho(who); err != nil {
		return Material{}, err
	}
	var m Material
	err := s.InTx(ctx, func(tx *Service) error {
		r, err := tx.store.VisitRequest(ctx, id)
		if err != nil {
			return err
		}
		to, err := VisitMoveTo(r, MoveDecline)
		if err != nil {
			return err
		}
		today, err := tx.today(ctx, r.LeaderID)
		if err != nil {
			return err
		}
		if due.IsZero() {
			due = today.AddDays(DefaultMaterialsDue)
		} else if due.Before(today) {
			return &calendar.ValidationError{Problems: []calendar.Problem{calendar.NewProblem("due", "validation.due_past", "the due date {{.Value}} has passed", map[string]any{"Value": due.String()})}}
		}
		if err := tx.Decide(ctx, &r, to, who, reason, func(r *VisitRequest) { r.DeclineReason = reason }); err != nil {
			return err
		}
		from := r.Org
		if p := r.PeopleText(); p != "" {
			from += " · " + p
		}
		m = Material{LeaderID: r.LeaderID, VisitID: r.ID, Title: r.Purpose, From: from, Due: due}
		return tx.createMaterial(ctx, &m, who)
	})
	if err != nil {
		return Material{}, err
	}
	return m, nil
}

// MoveVisit takes a decision that needs nothing but a note: withdraw a
// request, or mark a booked visit done, cancelled or a no-show. Cancelling
// also cancels its engagement, which frees the slot. Book with BookVisit
// and decline with DeclineVisit.
func (s *Service) MoveVisit(ctx context.Context, id int64, move VisitMove, note, who string) error {
	if move == MoveBook || move == MoveDecline {
		return fmt.Errorf("%w: %s a visit request with its own method", calendar.ErrInvalid, move)
	}
	if err := CheckWho(who); err != nil {
		return err
	}
	return s.InTx(ctx, func(tx *Service) error {
		r, err := tx.store.VisitRequest(ctx, id)
		if err != nil {
			return err
		}
		to, err := VisitMoveTo(r, move)
		if err != nil {
			return err
		}
		if move == MoveCancel && r.EngagementID != 0 {
			if err := tx.cancelEngagement(ctx, r.EngagementID); err != nil {
				return err
			}
		}
		return tx.Decide(ctx, &r, to, who, note, nil)
	})
}

// cancelEngagement marks the engagement cancelled; one deleted meanwhile
// from the calendar needs nothing more.
func (s *Service) cancelEngagement(ctx context.Context, id int64) error {
	e, err := s.store.Engagement(ctx, id)
	if errors.Is(err, calendar.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	e.Status = calendar.StatusCancelled
	return s.book.Save(ctx, &e)
}

// Decide moves r to state to, recording who decided and when, applies
// change, stores r and writes the trail.
func (s *Service) Decide(ctx context.Context, r *VisitRequest, to VisitState, who, note string, change func(*VisitRequest)) error {
	from := r.State
	now := s.Stamp()
	r.State, r.Decided, r.DecidedBy, r.Updated = to, now, who, now
	if change != nil {
		change(r)
	}
	if err := s.store.UpdateVisitRequest(ctx, r); err != nil {
		return err
	}
	return s.audit(ctx, r.Subject(), who, string(from), string(to), note)
}

// VisitSlots offers up to n free slots of length d for a request: within
// its preferred times that are still ahead, or in the next two weeks when
// it names none. Every slot raises no finding at all.
func (s *Service) VisitSlots(ctx context.Context, id int64, d time.Duration, n int) ([]calendar.Slot, error) {
	r, err := s.VisitRequest(ctx, id)
	if err != nil {
		return nil, err
	}
	leader, err := s.store.Leader(ctx, r.LeaderID)
	if err != nil {
		return nil, err
	}
	now := s.book.Now()
	windows := r.Windows
	if len(windows) == 0 {
		windows = []TimeWindow{{now, now.Add(visitSlotHorizon)}}
	}
	var out []calendar.Slot
	for _, w := range windows {
		from, to := calendar.Later(w.Start, now), calendar.Earlier(w.End, now.Add(calendar.MaxSlotHorizon))
		if to.Sub(from) < d {
			continue
		}
		slots, err := s.book.FreeSlots(ctx, leader, calendar.KindVisit, d, from, to, n)
		if err != nil {
			return nil, err
		}
		out = append(out, slots...)
	}
	slices.SortFunc(out, func(a, b calendar.Slot) int { return a.Start.Compare(b.Start) })
	out = slices.CompactFunc(out, func(a, b calendar.Slot) bool { return a.Start.Equal(b.Start) })
	return out[:min(len(out), n)], nil
}

// DeleteVisitRequest removes a request with its trail and the files only
// it used. Materials it led to stay; an engagement it booked stays on the
// calendar.
func (s *Service) DeleteVisitRequest(ctx context.Context, id int64) error {
	var files []Attachment
	err := s.InTx(ctx, func(tx *Service) error {
		r, err := tx.store.VisitRequest(ctx, id)
		if err != nil {
			return err
		}
		files = r.Files
		return tx.store.DeleteVisitRequest(ctx, id)
	})
	if err != nil {
		return err
	}
	return s.releaseFiles(ctx, files)
}

// leaderExists names the leader field when the leader is unknown.
func (s *Service) leaderExists(ctx context.Context, id int64) error {
	_, err := s.store.Leader(ctx, id)
	if errors.Is(err, calendar.ErrNotFound) {
		return &calendar.ValidationError{Problems: []calendar.Problem{{Field: "leader", Code: "validation.leader_missing", Message: "the leader does not exist", Args: map[string]any{"Value": id}}}}
	}
	return err
}

// today is the current date in the leader's zone.
func (s *Service) today(ctx context.Context, leaderID int64) (calendar.Date, error) {
	l, err := s.store.Leader(ctx, leaderID)
	if err != nil {
		return calendar.Date{}, err
	}
	loc, err := l.Location()
	if err != nil {
		return calendar.Date{}, err
	}
	return calendar.DateOf(s.book.Now().In(loc)), nil
}

// MoveBookedVisit points booked visit request visitID (none: 0) at the
// engagement it is booked as now, as when the review carries it over, and notes it in the request's trail.
func (s *Service) MoveBookedVisit(ctx context.Context, visitID int64, booked calendar.Engagement, who string) error {
	if visitID == 0 {
		return nil
	}
	r, err := s.store.VisitRequest(ctx, visitID)
	if errors.Is(err, calendar.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if r.State != VisitBooked {
		return nil
	}
	r.EngagementID, r.Updated = booked.ID, s.Stamp()
	if err := s.store.UpdateVisitRequest(ctx, &r); err != nil {
		return err
	}
	loc := booked.EnteredLocation(time.UTC)
	return s.audit(ctx, r.Subject(), who, string(r.State), string(r.State), "→ "+booked.Start.In(loc).Format("2006-01-02 15:04"))
}
