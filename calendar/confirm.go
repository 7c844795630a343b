package calendar

import (
	"context"
	"fmt"
)

// Confirmer confirms a booking with the other desks that share the
// leader's book (package share keeps a ledger on the CalDAV server).
// saveGuarded asks it after the local check passed and the booking is
// stored, before the transaction commits, so it runs under the write
// lock: it must be quick and give up on a slow server.
//
// tx is the store bound to the booking's transaction, for what the
// confirmer keeps with the booking (that it is not yet confirmed).
// override says the booking goes ahead whatever clashes.
type Confirmer interface {
	Confirm(ctx context.Context, tx Store, leader Leader, e Engagement, override bool) (Confirmation, error)
}

// Confirmation is what a Confirmer found.
type Confirmation struct {
	// Clash is another desk's booking that holds the slot; nil when none.
	Clash *Engagement
	// Desk names the desk that booked Clash.
	Desk string
	// Unconfirmed is the server that could not be asked (offline, too
	// slow, refused): the booking is kept here, marked not yet
	// confirmed, and checked again at the next sync. "" when confirmed.
	Unconfirmed string
}

// SetConfirmer makes every checked booking of s, and of the services
// bound to its transactions, confirmed with c.
func (s *Service) SetConfirmer(c Confirmer) { s.confirm = c }

// confirmed asks the confirmer about e, stored but not yet committed, and
// returns what it found as findings: another desk's clashing booking
// (blocking), or that the booking could not be confirmed (a warning).
func (s *Service) confirmed(ctx context.Context, e Engagement, override bool) ([]Finding, error) {
	if s.confirm == nil {
		return nil, nil
	}
	leader, err := s.store.Leader(ctx, e.LeaderID)
	if err != nil {
		return nil, err
	}
	loc, err := leader.Location()
	if err != nil {
		return nil, err
	}
	c, err := s.confirm.Confirm(ctx, s.store, leader, e, override)
	if err != nil {
		return nil, fmt.Errorf("confirm %q with the other desks: %w", e.Title, err)
	}
	var fs []Finding
	if c.Clash != nil {
		fs = append(fs, Finding{Rule: RuleOverlap, Severity: SeverityBlock, Code: "conflict.overlap_other_desk", Other: c.Clash, loc: loc, where: c.Desk})
	}
	if c.Unconfirmed != "" {
		fs = append(fs, Finding{Rule: RuleUnconfirmed, Severity: SeverityWarn, Code: "conflict.unconfirmed", loc: loc, where: c.Unconfirmed})
	}
	return fs, nil
}

// OtherDeskOverlap is the finding of a booking that clashes with other, a
// booking made on the desk named desk: what a sync reports of a booking
// saved offline.
func OtherDeskOverlap(other Engagement, desk string, leader Leader) Finding {
	l, _ := leader.Location()
	return Finding{Rule: RuleOverlap, Severity: SeverityBlock, Code: "conflict.overlap_other_desk", Other: &other, loc: l, where: desk}
}
