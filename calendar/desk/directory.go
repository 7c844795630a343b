package desk

import (
	"context"
	"strings"
	"time"
)

// Organisation is a company, department or body in the directory of
// visitors, kept so that a repeat visitor is one pick.
type Organisation struct {
	ID      int64
	Name    string // unique
	Created time.Time
	Updated time.Time
}

// Person is someone in the directory, belonging to one organisation.
type Person struct {
	ID      int64
	OrgID   int64
	Org     string // the organisation's name, as read
	Name    string // unique within the organisation
	Title   string
	Phone   string
	Created time.Time
	Updated time.Time
}

// directoryLimit is how many matches a directory search returns.
const directoryLimit = 50

// Organisations returns the directory's organisations whose name contains
// query, by name; every one (up to a limit) when query is empty.
func (s *Service) Organisations(ctx context.Context, query string) ([]Organisation, error) {
	return s.store.Organisations(ctx, strings.TrimSpace(query), directoryLimit)
}

// People returns the directory's people of an organisation (of all when
// orgID is 0) whose name, title, phone or organisation contains query.
func (s *Service) People(ctx context.Context, orgID int64, query string) ([]Person, error) {
	return s.store.People(ctx, orgID, strings.TrimSpace(query), directoryLimit)
}
