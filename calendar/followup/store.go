package followup

import (
	"context"

	"anteroom/calendar"
)

// Store keeps minutes, follow-up items, their progress reports and audit
// trails. Methods return calendar.ErrNotFound (wrapped) for a missing
// record.
type Store interface {
	FollowupTx(ctx context.Context, fn func(Store) error) error

	AddMinutes(ctx context.Context, m *Minutes) error // sets ID
	UpdateMinutes(ctx context.Context, m Minutes) error
	Minutes(ctx context.Context, id int64) (Minutes, error)
	// MinutesOf returns the minutes of a meeting (an occurrence when
	// recurrence is not zero); calendar.ErrNotFound when there are none.
	MinutesOf(ctx context.Context, uid string, recurrence int64) (Minutes, error)
	ListMinutes(ctx context.Context, leaderID int64) ([]Minutes, error)

	AddItem(ctx context.Context, it *Item) error // sets ID
	UpdateItem(ctx context.Context, it Item) error
	Item(ctx context.Context, id int64) (Item, error)
	Items(ctx context.Context, f Filter) ([]Item, error)
	// CountItems counts a leader's items (every leader's when 0) not
	// closed, and of them those overdue on today.
	CountItems(ctx context.Context, leaderID int64, today calendar.Date) (Counts, error)
	// DueItems returns a leader's items not closed that fall due in
	// [from, to] or are overdue on today, in the order of Items.
	DueItems(ctx context.Context, leaderID int64, from, to, today calendar.Date) ([]Item, error)
	AddReport(ctx context.Context, itemID int64, r *Report) error

	AddFollowupAudit(ctx context.Context, e *AuditEntry) error
	FollowupAudit(ctx context.Context, s Subject) ([]AuditEntry, error)

	calendar.Store
}
