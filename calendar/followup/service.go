package followup

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"anteroom/calendar"
	"anteroom/calendar/desk"
)

// Service is minutes and follow-up. It reads meetings through booking's
// Service and briefing materials through the desk; every change is one
// transaction of its Store that also writes the audit trail.
type Service struct {
	book  *calendar.Service
	desk  *desk.Service
	store Store
}

// NewService returns minutes and follow-up over store, reading meetings
// from book and materials from dsk.
func NewService(book *calendar.Service, dsk *desk.Service, store Store) *Service {
	return &Service{book: book, desk: dsk, store: store}
}

// Now is the booking service's clock, so tests move both at once.
func (s *Service) Now() time.Time { return s.book.Now() }

// Today is the day it is in loc.
func (s *Service) Today(loc *time.Location) calendar.Date {
	return calendar.DateOf(s.Now().In(loc))
}

// stamp is the time a change is recorded at, to the second as stored.
func (s *Service) stamp() time.Time { return s.Now().UTC().Truncate(time.Second) }

// inTx runs fn with the store bound to one write transaction.
func (s *Service) inTx(ctx context.Context, fn func(st Store) error) error {
	return s.store.FollowupTx(ctx, fn)
}

// audit adds a line to subject's trail inside st's transaction.
func (s *Service) audit(ctx context.Context, st Store, subject Subject, who, from, to, note string) error {
	e := AuditEntry{Subject: subject, At: s.stamp(), Who: who, From: from, To: to, Note: strings.TrimSpace(note)}
	if err := st.AddFollowupAudit(ctx, &e); err != nil {
		return fmt.Errorf("audit trail: %w", err)
	}
	return nil
}

// Audit returns the trail of minutes or an item, oldest first.
func (s *Service) Audit(ctx context.Context, subject Subject) ([]AuditEntry, error) {
	return s.store.FollowupAudit(ctx, subject)
}

// maxText bounds any one text of minutes or an item, in characters.
const maxText = 4000

// tooLong returns a problem when any text is longer than maxText.
func tooLong(texts ...string) error {
	for _, t := range texts {
		if utf8.RuneCountInString(t) > maxText {
			return invalid("followup.text_too_long", map[string]any{"Max": maxText})
		}
	}
	return nil
}

// checkWho wants to know who makes a change, for the trail.
func checkWho(who string) error { return desk.CheckWho(who) }

// cleanList trims each entry and drops empty ones.
func cleanList(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
