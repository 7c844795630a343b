package desk

import (
	"context"

	"anteroom/calendar"
)

// Store is what the desk needs: booking's store, and the directory of
// visitors, visit requests, briefing materials, their files and their
// audit trails, in one transaction when asked. Package data implements it.
type Store interface {
	calendar.Store
	// DeskTx is calendar.Store's WithTx for the desk: fn gets the store
	// bound to one write transaction, joined when already in one.
	DeskTx(ctx context.Context, fn func(Store) error) error

	DirectoryStore
	VisitRequestStore
	MaterialStore
	AttachmentStore
	AuditStore
}

// DirectoryStore keeps the organisations and people who ask to visit.
type DirectoryStore interface {
	// SaveOrganisation finds the organisation of o.Name, creating it when
	// new, and sets o's ID and times.
	SaveOrganisation(ctx context.Context, o *Organisation) error
	// SavePerson finds the person of p.OrgID and p.Name, creating them
	// when new; a title or phone given replaces the stored one. It sets
	// p's ID and times.
	SavePerson(ctx context.Context, p *Person) error
	// Organisations returns up to limit organisations whose name contains
	// query (every one when it is empty), by name.
	Organisations(ctx context.Context, query string, limit int) ([]Organisation, error)
	// People returns up to limit people of the organisation (of all when
	// orgID is 0) whose name, title, phone or organisation contains query.
	People(ctx context.Context, orgID int64, query string, limit int) ([]Person, error)
}

// VisitRequestStore keeps visit requests with their people, preferred
// times and files. Reads return ErrNotFound for missing requests.
type VisitRequestStore interface {
	VisitRequest(ctx context.Context, id int64) (VisitRequest, error)
	// VisitRequests returns the leader's requests in state (all when
	// empty), newest first.
	VisitRequests(ctx context.Context, leaderID int64, state VisitState) ([]VisitRequest, error)
	// CreateVisitRequest stores r with its people and preferred times (not
	// its files: AddAttachment) and sets r.ID; r.OrgID must be saved.
	CreateVisitRequest(ctx context.Context, r *VisitRequest) error
	// UpdateVisitRequest stores r's state, decision and engagement.
	UpdateVisitRequest(ctx context.Context, r *VisitRequest) error
	// DeleteVisitRequest removes the request with its people, times,
	// attachments and trail; materials it led to stay, unlinked.
	DeleteVisitRequest(ctx context.Context, id int64) error
}

// MaterialStore keeps briefing materials and their files. Reads return
// ErrNotFound for missing materials.
type MaterialStore interface {
	Material(ctx context.Context, id int64) (Material, error)
	// Materials returns the leader's materials in state (all when empty),
	// those due first first, undated ones last.
	Materials(ctx context.Context, leaderID int64, state MaterialState) ([]Material, error)
	// CreateMaterial stores m (not its files) and sets m.ID.
	CreateMaterial(ctx context.Context, m *Material) error
	// UpdateMaterial stores every field of m but its files.
	UpdateMaterial(ctx context.Context, m *Material) error
	// DeleteMaterial removes the materials with their attachments and trail.
	DeleteMaterial(ctx context.Context, id int64) error
}

// AttachmentStore records which stored files belong to which record.
type AttachmentStore interface {
	// AddAttachment links a file, already in the FileStore, to subject and sets a.ID.
	AddAttachment(ctx context.Context, subject Subject, a *Attachment) error
	// Attachments returns the files of subject in the order they were added.
	Attachments(ctx context.Context, subject Subject) ([]Attachment, error)
	// FileInUse reports whether any record still has the file with hash.
	FileInUse(ctx context.Context, hash string) (bool, error)
	// FilesInUse returns the hash of every file some record has, in one
	// read: what a start compares the files folder with.
	FilesInUse(ctx context.Context) (map[string]bool, error)
}

// AuditStore keeps the trail of every visit request and materials; entries
// are only ever added.
type AuditStore interface {
	AddAudit(ctx context.Context, e *AuditEntry) error
	// Audit returns the subject's trail, oldest first.
	Audit(ctx context.Context, subject Subject) ([]AuditEntry, error)
}
