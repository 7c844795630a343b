package imports

import (
	"context"
	"time"

	"anteroom/calendar"
)

// Service imports calendar files: it plans what a file changes, checked
// by booking's rules, and applies the plan in one transaction.
type Service struct {
	book  *calendar.Service
	store Store
}

// NewService returns the importer over store, checking and booking
// through book.
func NewService(book *calendar.Service, store Store) *Service {
	return &Service{book: book, store: store}
}

// Store is what imports need: booking's store, and items found by their
// identity whether live or deleted, rows written together with the
// version of the file they came from, and the to-dos files bring, in one
// transaction when asked. Package data implements it.
type Store interface {
	calendar.Store
	// ImportTx is calendar.Store's WithTx for imports: fn gets the store
	// bound to one write transaction, joined when already in one.
	ImportTx(ctx context.Context, fn func(Store) error) error

	// ItemsByKey returns the stored engagements, deleted ones included,
	// whose identity (ItemKey.String) is one of keys, whatever their
	// leader.
	ItemsByKey(ctx context.Context, keys []ItemKey) ([]StoredItem, error)
	// WriteImported stores rows in order: it creates each row whose
	// Engagement has ID 0, setting the ID, and updates the others
	// entirely, reviving a deleted one. The rows are valid; Anchor and
	// SeriesEnd are set.
	WriteImported(ctx context.Context, rows []ImportedRow) error
	// ChangeCount returns a number that grows with every engagement
	// written or deleted, by this process or another: a plan made at one
	// count meets the calendar it was checked against while the count
	// is the same.
	ChangeCount(ctx context.Context) (int64, error)
	// SaveTodos adds the leader's to-dos, or updates those with the same
	// UID, at time at, and returns how many were added or changed.
	SaveTodos(ctx context.Context, leaderID int64, todos []ImportTodo, at time.Time) (int, error)
	// Todos returns the leader's to-dos by due time, undated ones last.
	Todos(ctx context.Context, leaderID int64) ([]ImportTodo, error)
}

// StoredItem is a stored engagement as an import sees it: deleted or not,
// and which version of the organizer's item it last took from a file.
type StoredItem struct {
	Engagement calendar.Engagement
	Deleted    bool
	Version    ImportVersion // zero when no import ever wrote the row
}

// ImportVersion is the organizer's version of an item (RFC 5546 §2.1.4:
// SEQUENCE, then DTSTAMP, order the versions of one item) and when an
// import last wrote it.
type ImportVersion struct {
	Sequence int
	DTStamp  time.Time // zero when the file had none
	At       time.Time // when the import wrote the row; zero: never imported
}

// ImportedRow is one row an import writes, with the version it takes.
type ImportedRow struct {
	Engagement *calendar.Engagement
	Version    ImportVersion
}
